package dev.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.search.CompleteAnswers;
import dev.verbatim.search.Searcher;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code index} run in a separate JVM, killed with {@code kill -9} semantics mid-run: the
 * previous commit stays searchable, a concurrent run is refused, and the next run completes.
 */
class IndexCrashTest {
  /** Enough that one worker needs well over the two seconds before the first progress line. */
  private static final int GENERATED = 30_000;

  /** What is left of the generated file for the rerun, to keep the suite quick. */
  private static final int KEPT = 500;

  @TempDir Path tmp;

  @Test
  void killedRunLeavesThePreviousIndexAndTheNextRunCompletes() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Path index = tmp.resolve("index");
    Files.writeString(corpus.resolve("old1.txt"), "Old news\n\nThe pier was painted blue.");
    Files.writeString(corpus.resolve("old2.txt"), "Older news\n\nThe pier was painted red.");
    assertEquals(
        0,
        MainTest.run("index", "--corpus", corpus.toString(), "--index", index.toString()).code());
    generate(corpus.resolve("big.jsonl"), GENERATED);

    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                testClassPath(),
                // --full: a rebuild replaces the whole index, the riskier case for a crash.
                "dev.verbatim.cli.Main",
                "index",
                "--full",
                "--threads",
                "1",
                "--corpus",
                corpus.toString(),
                "--index",
                index.toString())
            .redirectErrorStream(true)
            .start();
    List<String> output = new CopyOnWriteArrayList<>();
    Thread drain = Thread.ofVirtual().start(() -> readLines(child, output));
    try {
      // A periodic progress line means the run has been writing for a couple of seconds.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (output.stream().noneMatch(l -> l.startsWith("indexing: "))
          && child.isAlive()
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(
          child.isAlive(), "the child finished or died before it could be killed: " + output);

      MainTest.Run second =
          MainTest.run("index", "--corpus", corpus.toString(), "--index", index.toString());
      assertEquals(1, second.code(), second.out() + second.err());
      assertEquals(
          "verbatim: another indexing run is using "
              + index
              + " (its write.lock is held); wait for it to finish\n",
          second.err());

      try (Searcher searcher = CompleteAnswers.open(index)) {
        assertEquals(
            2, searcher.stats().articles(), "searchers see the previous commit during the run");
      }
    } finally {
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      drain.join(5000);
    }
    assertTrue(
        output.stream().noneMatch(l -> l.startsWith("indexed ")),
        "killed before its commit: " + output);

    try (Searcher searcher = CompleteAnswers.open(index)) {
      assertEquals(2, searcher.stats().articles(), "the previous index survives the kill");
    }
    List<String> lines = Files.readAllLines(corpus.resolve("big.jsonl"));
    Files.write(corpus.resolve("big.jsonl"), lines.subList(0, KEPT));
    MainTest.Run rerun =
        MainTest.run("index", "--corpus", corpus.toString(), "--index", index.toString());
    assertEquals(0, rerun.code(), rerun.err());
    assertTrue(rerun.out().startsWith("indexed " + KEPT + " articles"), rerun.out());
    try (Searcher searcher = CompleteAnswers.open(index)) {
      assertEquals(2 + KEPT, searcher.stats().articles());
    }
  }

  @Test
  void strictTurnsSkipsIntoExitCodeOne() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("strict"));
    Files.writeString(corpus.resolve("fine.txt"), "Fine\n\nA fine article.");
    Files.writeString(
        corpus.resolve("feed.jsonl"), "{\"id\": \"ok\", \"text\": \"Good line.\"}\n{oops\n");
    String indexDir = tmp.resolve("strict-index").toString();
    MainTest.Run lenient =
        MainTest.run("index", "--corpus", corpus.toString(), "--index", indexDir);
    assertEquals(0, lenient.code(), lenient.err());
    assertTrue(
        lenient.out().contains("1 skipped\nskipped 1:\n  feed.jsonl:2: malformed JSON"),
        lenient.out());
    MainTest.Run strict =
        MainTest.run(
            "index", "--full", "--strict", "--corpus", corpus.toString(), "--index", indexDir);
    assertEquals(1, strict.code());
    assertTrue(strict.out().startsWith("indexed 2 articles"), strict.out());
    assertTrue(strict.err().endsWith("verbatim: 1 skipped with --strict\n"), strict.err());
  }

  /** Surefire puts the test classpath in a manifest-only jar; either form works for {@code -cp}. */
  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire
        : System.getProperty("java.class.path");
  }

  private static void readLines(Process child, List<String> into) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        into.add(line);
      }
    } catch (IOException closed) {
      // the child was killed
    }
  }

  /** Articles with quotes and attributions, so the child does the whole pipeline's work. */
  static void generate(Path file, int articles) throws IOException {
    String[] words = {
      "council", "harbour", "budget", "ferry", "strike", "minister", "school", "river", "bridge",
          "market",
      "election", "weather", "hospital", "airport", "farmers", "prices", "police", "museum",
          "festival", "rail"
    };
    String[] speakers = {"the mayor", "Ana Costa", "a spokesperson", "Ola Berg", "the minister"};
    Random random = new Random(42);
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      for (int i = 0; i < articles; i++) {
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < 12; s++) {
          StringBuilder sentence = new StringBuilder();
          for (int w = 0; w < 12; w++) {
            sentence.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
          }
          if (s % 3 == 0) {
            text.append("\\u201c")
                .append(sentence)
                .append(",\\u201d said ")
                .append(speakers[random.nextInt(speakers.length)])
                .append(". ");
          } else {
            text.append(Character.toUpperCase(sentence.charAt(0)))
                .append(sentence, 1, sentence.length())
                .append(". ");
          }
        }
        out.write(
            "{\"id\": \"gen-"
                + i
                + "\", \"title\": \"Generated "
                + i
                + "\", \"source\": \"Generator\", \"text\": \""
                + text
                + "\"}\n");
      }
    }
  }
}
