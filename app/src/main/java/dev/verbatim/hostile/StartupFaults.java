package dev.verbatim.hostile;

import dev.verbatim.index.Indexer;
import dev.verbatim.search.Searcher;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A missing index, a damaged one (its commit point truncated) and a disk that fills up during a
 * reindex. The commands must fail with exit 1 and one line naming the folder and the fix, never a
 * stack trace; a failed reindex must leave the previous index serving. Not thread-safe.
 */
final class StartupFaults {
  /** One fault: its name, whether Verbatim handled it, and what it said or why it was not tried. */
  record Check(String fault, boolean passed, boolean tried, String detail) {}

  private final Path work;

  StartupFaults(Path work) {
    this.work = work;
  }

  /** {@code verbatim search} and {@code serve} on a folder with no index. */
  List<Check> missingIndex() throws IOException, InterruptedException {
    return refusals("missing index", work.resolve("no-index-here"));
  }

  /** The same on a copy of {@code goodIndex} whose segments file is cut in half. */
  List<Check> damagedIndex(Path goodIndex) throws IOException, InterruptedException {
    Path damaged = work.resolve("damaged-index");
    copy(goodIndex, damaged);
    Path segments;
    try (Stream<Path> files = Files.list(damaged)) {
      segments =
          files
              .filter(p -> p.getFileName().toString().startsWith("segments_"))
              .findFirst()
              .orElseThrow(() -> new IOException("no segments file in " + damaged));
    }
    try (FileChannel ch = FileChannel.open(segments, StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() / 2);
    }
    return refusals("damaged index", damaged);
  }

  private List<Check> refusals(String fault, Path index) throws IOException, InterruptedException {
    List<Check> checks = new ArrayList<>();
    Path noCorpus = work.resolve("no-corpus-here");
    String[][] commands = {
      {"search", "--index", index.toString(), "anything"},
      {"serve", "--index", index.toString(), "--corpus", noCorpus.toString(), "--port", "0"},
    };
    for (String[] command : commands) {
      Workbench.Finished run =
          Workbench.run(work.resolve(fault.replace(' ', '-') + "-" + command[0]), 120, command);
      String err = run.err().strip();
      boolean clear =
          run.code() == 1
              && !err.contains("\n")
              && !err.contains("\tat ")
              && err.contains(index.toString())
              && err.contains("verbatim index");
      checks.add(
          new Check(
              fault + ": verbatim " + command[0], clear, true, "exit " + run.code() + ": " + err));
    }
    return checks;
  }

  /**
   * Indexes {@code small} into a {@code sizeMb} tmpfs, then reindexes {@code large} into it in a
   * child process, which must fail within {@code timeoutSeconds}. Needs root and a kernel that lets
   * this process mount; otherwise says so.
   */
  Check fullDisk(Path small, Path large, int sizeMb, long timeoutSeconds)
      throws IOException, InterruptedException {
    String fault = "full disk during reindex";
    Path mount = work.resolve("tiny-disk");
    Files.createDirectories(mount);
    Workbench.Finished mounted =
        command("mount", "-t", "tmpfs", "-o", "size=" + sizeMb + "m", "tmpfs", mount.toString());
    if (mounted.code() != 0) {
      return new Check(
          fault,
          false,
          false,
          "not tried: cannot mount a tmpfs here (" + mounted.err().strip() + ")");
    }
    try {
      Path index = mount.resolve("index");
      long before = new Indexer(1).rebuild(small, index).articles();
      Workbench.Finished reindex =
          Workbench.run(
              work.resolve("full-disk-reindex"),
              timeoutSeconds,
              "index",
              "--full",
              "--corpus",
              large.toString(),
              "--index",
              index.toString());
      String err = reindex.err().strip();
      long after;
      try (Searcher searcher = Searcher.open(index)) {
        after = searcher.stats().articles();
      }
      boolean clean = reindex.code() == 1 && !err.contains("\tat ") && after == before;
      return new Check(
          fault,
          clean,
          true,
          "reindex exit "
              + reindex.code()
              + " ("
              + QueryBarrage.abbreviate(err)
              + "); old index opens with "
              + after
              + " of "
              + before
              + " articles");
    } finally {
      command("umount", mount.toString());
    }
  }

  private Workbench.Finished command(String... args) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    return new Workbench.Finished(p.waitFor(), "", out);
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f :
          files
              .filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().equals("write.lock"))
              .toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }
}
