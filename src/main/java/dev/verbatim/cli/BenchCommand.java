package dev.verbatim.cli;

import dev.verbatim.bench.CorpusGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verbatim bench}: speed against bare Lucene, and {@code bench generate} for a corpus. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure indexing, search and HTTP speed as ratios against bare Lucene.",
    subcommands = {BenchCommand.Generate.class})
final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: generate");
  }

  /** {@code verbatim bench generate}: writes a synthetic corpus learned from Reuters. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description = {
        "Write N synthetic articles with quotations (JSON Lines, gzip when FILE ends in .gz),",
        "drawn from the vocabulary, sentence shapes and speakers of a Reuters JSON Lines file.",
        "Streams: memory stays constant for any N; the same seed gives the same corpus."
      })
  static final class Generate implements Callable<Integer> {
    @Option(names = "--articles", required = true, paramLabel = "N", description = "Articles to write.")
    long articles;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file, e.g. gen.jsonl.gz.")
    Path out;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(
        names = "--from",
        paramLabel = "FILE",
        description = "Corpus to learn from (default: ${DEFAULT-VALUE}).")
    Path from = Path.of("/work/shared/corpora/reuters21578.jsonl");

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      long start = System.nanoTime();
      long bytes = CorpusGenerator.train(from).write(articles, seed, this.out);
      out.printf(
          Locale.ROOT,
          "wrote %d articles (%.1f MB of JSON) to %s in %.1f s%n",
          articles, bytes / 1e6, this.out, (System.nanoTime() - start) / 1e9);
      out.flush();
      return Main.OK;
    }
  }
}
