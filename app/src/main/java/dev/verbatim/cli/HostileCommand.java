package dev.verbatim.cli;

import dev.verbatim.hostile.HostileSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verbatim hostile}: runs the hostile-input, fault and load suite and prints its table. */
@Command(
    name = "hostile",
    header = "Attack a local Verbatim as a crash or an attacker would and print what held.",
    mixinStandardHelpOptions = true,
    description = {
      "Attack a local Verbatim with hostile queries, path traversal, kill -9 during reindex,"
          + " searches during reindex, a damaged index, a full disk (needs root) and a loopback"
          + " soak, and print one table.",
      "Exit 0 when every check passes, 1 otherwise."
    })
final class HostileCommand implements Callable<Integer> {
  @Option(
      names = "--corpus",
      required = true,
      paramLabel = "FILE",
      description = "A JSON Lines corpus, e.g. reuters21578.jsonl.")
  Path corpus;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Scratch folder (default: a new temporary folder).")
  Path work;

  @Option(
      names = "--queries",
      paramLabel = "N",
      description = "Hostile queries to send (default: ${DEFAULT-VALUE}).")
  int queries = 10_000;

  @Option(
      names = "--kills",
      paramLabel = "N",
      description = "Reindex runs to kill (default: ${DEFAULT-VALUE}).")
  int kills = 10;

  @Option(
      names = "--connections",
      paramLabel = "N",
      description = "Soak connections (default: ${DEFAULT-VALUE}).")
  int connections = 64;

  @Option(
      names = "--soak-seconds",
      paramLabel = "S",
      description = "Soak duration (default: ${DEFAULT-VALUE}).")
  int soakSeconds = 60;

  @Option(
      names = "--seed",
      description = "Seed for queries and kill moments (default: ${DEFAULT-VALUE}).")
  long seed = 20261124L;

  @Option(
      names = "--barrage-only",
      description =
          "Send only the hostile queries and path probes; skip the soak, reindex, kill and fault"
              + " drills.")
  boolean barrageOnly;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path folder =
        work != null
            ? Files.createDirectories(work)
            : Files.createTempDirectory("verbatim-hostile-");
    HostileSuite suite =
        new HostileSuite(
            new HostileSuite.Settings(
                corpus, folder, queries, kills, connections, soakSeconds, seed, barrageOnly));
    return suite.run(spec.commandLine().getOut()) ? Main.OK : Main.FAILURE;
  }
}
