package dev.verbatim.cli;

import dev.verbatim.index.Indexer;
import dev.verbatim.opensearch.ClusterIndex;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verbatim index}: brings the index up to date with the corpus, or rebuilds it. */
@Command(
    name = "index",
    header = "Bring the index up to date with a corpus folder or file.",
    mixinStandardHelpOptions = true,
    description = {
      "Index a corpus folder or file (.txt, .md, .html, .jsonl, .jsonl.gz).",
      "Only new, changed and deleted files are processed unless --full. The index changes in"
          + " one commit at the end: searchers never see a half-built index, and an interrupted"
          + " run leaves the previous one. With --opensearch the corpus is read here and"
          + " bulk-loaded into the cluster; --full loads a new index and then switches the alias to"
          + " it."
    })
final class IndexCommand implements Callable<Integer> {
  /** Skip reasons listed in the summary; the rest are counted. */
  private static final int SKIPS_SHOWN = 50;

  @Option(
      names = "--corpus",
      paramLabel = "DIR",
      description = "Corpus folder or file (default: ${DEFAULT-VALUE}).")
  Path corpus = Path.of("corpus");

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Index folder (default: ${DEFAULT-VALUE}).")
  Path index = Path.of("index");

  @Option(names = "--full", description = "Rebuild from scratch instead of updating changed files.")
  boolean full;

  @Option(names = "--strict", description = "Exit with code 1 when any file or line was skipped.")
  boolean strict;

  @Option(
      names = "--source",
      paramLabel = "NAME",
      description =
          "The publication of articles that name none and whose folder declares none in a "
              + dev.verbatim.corpus.CorpusReader.METADATA_FILE
              + " file. A run with another NAME (or none) reads the files it applies to again.")
  String source;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: one per core).")
  Integer threads;

  @CommandLine.ArgGroup(exclusive = false, heading = "Cluster:%n")
  ClusterOptions cluster = new ClusterOptions();

  @Option(
      names = "--shards",
      paramLabel = "N",
      description = "Primary shards of a new cluster index (default: ${DEFAULT-VALUE}).")
  int shards = ClusterIndex.DEFAULT_SHARDS;

  @Option(
      names = "--replicas",
      paramLabel = "N",
      description = "Copies of each shard in a new cluster index (default: ${DEFAULT-VALUE}).")
  int replicas = ClusterIndex.DEFAULT_REPLICAS;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Indexer indexer =
        (threads == null ? new Indexer() : new Indexer(threads))
            .withProgress(new ConsoleProgress(err, ConsoleProgress.isTerminal()))
            .withSource(source);
    Indexer.Summary summary;
    if (cluster != null && cluster.used()) {
      try (ClusterIndex target = ClusterIndex.connect(cluster.settings())) {
        summary =
            full
                ? target.rebuild(corpus, indexer, shards, replicas)
                : target.update(corpus, indexer);
        printSummary(out, summary, cluster.url + " (" + target.alias() + ")");
      }
    } else {
      summary = full ? indexer.rebuild(corpus, index) : indexer.update(corpus, index);
      printSummary(out, summary, index);
    }
    if (strict && !summary.skipped().isEmpty()) {
      err.println("verbatim: " + summary.skipped().size() + " skipped with --strict");
      err.flush();
      return Main.FAILURE;
    }
    return Main.OK;
  }

  static void printSummary(PrintWriter out, Indexer.Summary s, Path index) {
    printSummary(out, s, index.toString());
  }

  static void printSummary(PrintWriter out, Indexer.Summary s, String index) {
    out.printf(
        Locale.ROOT,
        "indexed %d articles and %d quotes from %d files into %s in %.2f s (%.1f MB/s); %d"
            + " unchanged, %d deleted, %d skipped%n",
        s.articles(),
        s.quotes(),
        s.files(),
        index,
        s.seconds(),
        s.megabytesPerSecond(),
        s.unchanged(),
        s.deleted(),
        s.skipped().size());
    if (!s.skipped().isEmpty()) {
      out.printf(Locale.ROOT, "skipped %d:%n", s.skipped().size());
      s.skipped().stream()
          .limit(SKIPS_SHOWN)
          .forEach(skip -> out.printf(Locale.ROOT, "  %s: %s%n", skip.where(), skip.reason()));
      if (s.skipped().size() > SKIPS_SHOWN) {
        out.printf(Locale.ROOT, "  ... and %d more%n", s.skipped().size() - SKIPS_SHOWN);
      }
    }
    out.flush();
  }
}
