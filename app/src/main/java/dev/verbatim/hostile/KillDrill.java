package dev.verbatim.hostile;

import dev.verbatim.search.Searcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Kills {@code verbatim index --full} with SIGKILL at random moments spread over a run, and after
 * each kill opens the index afresh: it must open, and hold the last complete index. A final run
 * must then complete with every article. Not thread-safe.
 */
final class KillDrill {
  /** What the drill saw; {@code problems} says what went wrong, in order. */
  record Outcome(
      int kills,
      int survived,
      int finishedBeforeKill,
      long expectedArticles,
      long finalArticles,
      double fullRunSeconds,
      List<String> problems) {
    long lost() {
      return Math.max(0, expectedArticles - finalArticles);
    }

    boolean passed() {
      return problems.isEmpty() && survived == kills && lost() == 0;
    }
  }

  private static final long RUN_TIMEOUT_SECONDS = 900;

  private final Path corpus;
  private final Path index;
  private final Path logs;
  private final Random random;

  KillDrill(Path corpus, Path index, Path logs, long seed) {
    this.corpus = corpus;
    this.index = index;
    this.logs = logs;
    this.random = new Random(seed);
  }

  /** {@code kills} kills, the i-th at a random moment within the i-th slice of a full run. */
  Outcome run(int kills) throws IOException, InterruptedException {
    List<String> problems = new ArrayList<>();
    long start = System.nanoTime();
    Workbench.Finished first = index("first", "--full");
    double fullRun = (System.nanoTime() - start) / 1e9;
    if (first.code() != 0) {
      problems.add("the first full run failed: " + first.err().strip());
      return new Outcome(kills, 0, 0, 0, 0, fullRun, problems);
    }
    long expected = articles(problems, "after the first run");
    int survived = 0;
    int finishedEarly = 0;
    for (int i = 0; i < kills; i++) {
      long killAtMillis = (long) (fullRun * 1000 * (i + random.nextDouble()) / kills);
      Process child =
          Workbench.verbatim(
              logs.resolve("kill-" + i),
              "index",
              "--full",
              "--corpus",
              corpus.toString(),
              "--index",
              index.toString());
      if (child.waitFor(killAtMillis, TimeUnit.MILLISECONDS)) {
        finishedEarly++;
      } else {
        child.destroyForcibly();
        child.waitFor();
      }
      long seen = articles(problems, "after kill " + (i + 1) + " at " + killAtMillis + " ms");
      if (seen == expected) {
        survived++;
      } else if (seen >= 0) {
        problems.add(
            "after kill "
                + (i + 1)
                + " at "
                + killAtMillis
                + " ms the index holds "
                + seen
                + " articles, not "
                + expected);
      }
    }
    // What an operator runs next: the default, incremental run.
    Workbench.Finished last = index("final");
    if (last.code() != 0) {
      problems.add("the run after the kills failed: " + last.err().strip());
    }
    long finalArticles = articles(problems, "after the final run");
    return new Outcome(kills, survived, finishedEarly, expected, finalArticles, fullRun, problems);
  }

  private Workbench.Finished index(String name, String... options)
      throws IOException, InterruptedException {
    List<String> args =
        new ArrayList<>(
            List.of("index", "--corpus", corpus.toString(), "--index", index.toString()));
    args.addAll(List.of(options));
    return Workbench.run(logs.resolve(name), RUN_TIMEOUT_SECONDS, args.toArray(String[]::new));
  }

  /**
   * Articles a fresh searcher sees, or -1 (with the problem noted) when the index will not open.
   */
  private long articles(List<String> problems, String when) {
    try (Searcher searcher = Searcher.open(index)) {
      return searcher.stats().articles();
    } catch (IOException | RuntimeException e) {
      problems.add(when + " the index does not open: " + e.getMessage());
      return -1;
    }
  }
}
