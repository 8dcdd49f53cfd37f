package dev.verbatim.cli;

import dev.verbatim.corpus.ReadResult;
import dev.verbatim.index.IndexSummary;
import dev.verbatim.index.Indexer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verbatim index}: (re)builds the index from the corpus. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = "Build the index from a corpus folder (replaces the previous index in one commit).")
final class IndexCommand implements Callable<Integer> {
  @Option(names = "--corpus", paramLabel = "DIR", description = "Corpus folder or file (default: ${DEFAULT-VALUE}).")
  Path corpus = Path.of("corpus");

  @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: ${DEFAULT-VALUE}).")
  Path index = Path.of("index");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    IndexSummary summary = new Indexer().rebuild(corpus, index);
    printSummary(out, summary, index);
    return Main.OK;
  }

  static void printSummary(PrintWriter out, IndexSummary s, Path index) {
    out.printf(
        Locale.ROOT,
        "indexed %d articles and %d quotes from %d files into %s in %.2f s (%.1f MB/s)%n",
        s.articles(), s.quotes(), s.files(), index, s.seconds(), s.megabytesPerSecond());
    if (!s.skipped().isEmpty()) {
      out.printf(Locale.ROOT, "skipped %d:%n", s.skipped().size());
      for (ReadResult.Skip skip : s.skipped()) {
        out.printf(Locale.ROOT, "  %s: %s%n", skip.where(), skip.reason());
      }
    }
    out.flush();
  }
}
