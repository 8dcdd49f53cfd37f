package dev.verbatim.cli;

import dev.verbatim.bench.Bench;
import dev.verbatim.bench.BenchTable;
import dev.verbatim.bench.CorpusGenerator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verbatim bench}: speed against bare Lucene, and {@code bench generate} for a corpus. */
@Command(
    name = "bench",
    header = "Measure indexing, search, HTTP and memory against bare Lucene.",
    mixinStandardHelpOptions = true,
    description = {
      "Measure indexing, search with highlighting, HTTP and memory, each as a ratio against bare"
          + " Lucene (or the in-process API, for HTTP) on the same documents in the same run.",
      "Sides alternate A/B/A/B and medians are reported. Prints a Markdown table.",
      "The corpora are not part of Verbatim: give Reuters-21578 as JSON Lines with --reuters"
          + " (or --reuters none) and a generated corpus with --corpus (written first, learned"
          + " from --reuters, when the file does not exist yet)."
    },
    subcommands = {
      BenchCommand.Generate.class,
      BenchCommand.Compare.class,
      BenchCommand.Cluster.class
    })
final class BenchCommand implements Callable<Integer> {
  @Option(
      names = "--reuters",
      paramLabel = "FILE",
      description =
          "Reuters-21578 as JSON Lines: indexed by the indexing section (which needs it or"
              + " 'none'), and what a missing --corpus is learned from.")
  String reuters;

  @Option(
      names = "--corpus",
      paramLabel = "FILE",
      description =
          "Generated corpus to index and search; written first when missing (default:"
              + " WORK/generated-N.jsonl.gz).")
  Path corpus;

  @Option(
      names = "--articles",
      paramLabel = "N",
      description =
          "Articles in the generated corpus when it must be written (default: ${DEFAULT-VALUE}).")
  long articles = 1_000_000;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Scratch folder for indexes and logs (default: ${DEFAULT-VALUE}).")
  Path work = Path.of("target", "bench");

  @Option(
      names = "--threads",
      description = "Indexing threads, both sides (default: cores = ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--rounds",
      description = "Runs of each side, alternating (default: ${DEFAULT-VALUE}).")
  int rounds = 2;

  @Option(
      names = "--reuters-rounds",
      description = "Runs of each side when indexing Reuters (default: ${DEFAULT-VALUE}).")
  int reutersRounds = 3;

  @Option(
      names = "--seconds",
      description = "Duration of each timed search or HTTP run (default: ${DEFAULT-VALUE}).")
  double seconds = 5;

  @Option(
      names = "--queries",
      paramLabel = "N",
      description = "Queries drawn per query class (default: ${DEFAULT-VALUE}).")
  int queries = 50;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "SECTION",
      description = "Sections to run: indexing, search, http, memory (default: all).")
  List<String> only = Bench.SECTIONS;

  @Option(
      names = "--probe-heap",
      paramLabel = "SIZE",
      description = "-Xmx of the memory section's server JVM (default: ${DEFAULT-VALUE}).")
  String probeHeap = "256m";

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the table as JSON.")
  Path json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // The server's start-up lines would bury the progress lines; warnings still show.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    if (reuters == null && only.contains("indexing")) {
      throw new IllegalArgumentException(
          "the indexing section indexes Reuters-21578: give --reuters FILE (as JSON Lines), or"
              + " --reuters none to leave it out");
    }
    Path reutersFile =
        reuters == null || reuters.equalsIgnoreCase("none") ? null : Path.of(reuters);
    if (reutersFile != null && !Files.isRegularFile(reutersFile)) {
      throw new IllegalArgumentException(
          "--reuters " + reuters + ": no such file (Reuters-21578 as JSON Lines, or 'none')");
    }
    Path generated = corpus != null ? corpus : work.resolve("generated-" + articles + ".jsonl.gz");
    if (!Files.exists(generated)) {
      if (reutersFile == null) {
        throw new IllegalArgumentException(
            "the corpus "
                + generated
                + " does not exist and there is no --reuters FILE to learn one from: give --corpus"
                + " FILE (see `verbatim bench generate`) or --reuters FILE");
      }
      err.printf(Locale.ROOT, "writing %d generated articles to %s ...%n", articles, generated);
      err.flush();
      CorpusGenerator.train(reutersFile).write(articles, 42, generated);
    }
    Bench.Config config =
        new Bench.Config(
            reutersFile,
            generated,
            work,
            threads,
            rounds,
            reutersRounds,
            seconds,
            queries,
            new LinkedHashSet<>(only),
            probeHeap);
    BenchTable table = new Bench(config, err).run();
    table.print(out);
    if (json != null) {
      table.writeJson(json);
    }
    return Main.OK;
  }

  /** {@code verbatim bench generate}: writes a synthetic corpus learned from Reuters. */
  @Command(
      name = "generate",
      header = "Write a synthetic corpus of N articles with quotations, learned from Reuters.",
      mixinStandardHelpOptions = true,
      description = {
        "Write N synthetic articles with quotations as JSON Lines (gzip when FILE ends in"
            + " .gz), drawn from the vocabulary, sentence shapes and speakers of a Reuters JSON"
            + " Lines file.",
        "Streams: memory stays constant for any N; the same seed gives the same corpus."
      })
  static final class Generate implements Callable<Integer> {
    @Option(
        names = "--articles",
        required = true,
        paramLabel = "N",
        description = "Articles to write.")
    long articles;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE",
        description = "Output file, e.g. gen.jsonl.gz.")
    Path out;

    @Option(
        names = "--seed",
        paramLabel = "S",
        description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(
        names = "--from",
        required = true,
        paramLabel = "FILE",
        description = "Corpus to learn from: Reuters-21578 as JSON Lines.")
    Path from;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      if (!Files.isRegularFile(from)) {
        throw new IllegalArgumentException(
            "--from " + from + ": no such file (Reuters-21578 as JSON Lines)");
      }
      long start = System.nanoTime();
      long bytes = CorpusGenerator.train(from).write(articles, seed, this.out);
      out.printf(
          Locale.ROOT,
          "wrote %d articles (%.1f MB of JSON) to %s in %.1f s%n",
          articles,
          bytes / 1e6,
          this.out,
          (System.nanoTime() - start) / 1e9);
      out.flush();
      return Main.OK;
    }
  }

  /** {@code verbatim bench compare}: two runs' JSON side by side, as a before/after table. */
  @Command(
      name = "compare",
      header = "Print two bench runs side by side as a before/after table.",
      mixinStandardHelpOptions = true,
      description = {
        "Print the rows of AFTER beside the same rows of BEFORE (two --json files of bench runs,"
            + " e.g. the code before and after a change): each figure and its ratio to its own"
            + " run's baseline, as a Markdown table."
      })
  static final class Compare implements Callable<Integer> {
    @CommandLine.Parameters(
        index = "0",
        paramLabel = "BEFORE.json",
        description = "The earlier run's --json file.")
    Path before;

    @CommandLine.Parameters(
        index = "1",
        paramLabel = "AFTER.json",
        description = "The later run's --json file.")
    Path after;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      BenchTable.compare(before, after, spec.commandLine().getOut());
      return Main.OK;
    }
  }

  /** {@code verbatim bench cluster}: the OpenSearch backend against the local index. */
  @Command(
      name = "cluster",
      header = "Compare a two-node OpenSearch cluster with the local index.",
      mixinStandardHelpOptions = true,
      description = {
        "Index CORPUS locally and bulk-load it into a cluster (2 shards, 1 replica), then run"
            + " the same mixed query set through both at 1 and 16 clients; prints docs/s, p50"
            + " and p99."
      })
  static final class Cluster implements Callable<Integer> {
    @Option(
        names = "--corpus",
        required = true,
        paramLabel = "FILE",
        description = "Corpus file or folder.")
    Path corpus;

    @Option(
        names = "--opensearch",
        paramLabel = "URL",
        description = "A running cluster (default: start a local two-node one).")
    String url;

    @Option(
        names = "--work",
        paramLabel = "DIR",
        description = "Scratch folder for the local index (default: ${DEFAULT-VALUE}).")
    Path work = Path.of("target", "bench-cluster");

    @Option(
        names = "--seconds",
        paramLabel = "S",
        description = "Seconds per search measurement (default: ${DEFAULT-VALUE}).")
    double seconds = 20;

    @Option(
        names = "--queries",
        paramLabel = "N",
        description = "Queries per class (default: ${DEFAULT-VALUE}).")
    int queries = 50;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Main.quietSlowSearchNotes();
      new dev.verbatim.bench.ClusterBench(spec.commandLine().getOut())
          .run(corpus, url, work, seconds, queries);
      return Main.OK;
    }
  }
}
