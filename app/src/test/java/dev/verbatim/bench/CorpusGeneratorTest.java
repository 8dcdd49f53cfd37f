package dev.verbatim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.corpus.Article;
import dev.verbatim.corpus.CorpusReader;
import dev.verbatim.quotes.Quote;
import dev.verbatim.quotes.QuoteExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class CorpusGeneratorTest {
  /**
   * Reuters-21578 as JSON Lines when given with {@code -Dverbatim.reuters=FILE}; without it, the
   * tests learn from a small corpus of our own.
   */
  public static final Path REUTERS = Path.of(System.getProperty("verbatim.reuters", "none"));

  @TempDir static Path dir;
  static CorpusGenerator generator;

  @BeforeAll
  static void train() throws Exception {
    generator = CorpusGenerator.train(trainingText());
  }

  /** Reuters when given (-Dverbatim.reuters), else a small corpus of our own written here. */
  public static Path trainingText() throws Exception {
    return trainingText(dir);
  }

  /** As {@link #trainingText()}, written into {@code dir}. */
  public static Path trainingText(Path dir) throws Exception {
    if (Files.isRegularFile(REUTERS)) {
      return REUTERS;
    }
    StringBuilder lines = new StringBuilder();
    String[] sentences = {
      "Shares of the shipping group rose sharply after the board approved the merger.",
      "Harbour Master Ellen Shaw said the port would reopen on Monday.",
      "The ministry said exports of grain fell eight pct in the first quarter.",
      "Council Leader Tom Price said the budget would be balanced next year.",
    };
    for (int i = 0; i < 400; i++) {
      lines
          .append("{\"id\":\"t")
          .append(i)
          .append("\",\"text\":\"")
          .append(sentences[i % 4])
          .append(' ')
          .append(sentences[(i + 1) % 4])
          .append("\"}\n");
    }
    Path file = dir.resolve("train.jsonl");
    Files.writeString(file, lines);
    return file;
  }

  @Test
  void writesReadableArticlesWithAttributedQuotesOverSeveralYears() throws Exception {
    Path out = dir.resolve("gen/corpus.jsonl.gz");
    long bytes = generator.write(200, 7, out);
    assertTrue(bytes > Files.size(out), "gzip should shrink " + bytes + " bytes");
    List<Article> articles = new CorpusReader(out).readAll();
    assertEquals(200, articles.size());
    QuoteExtractor extractor = new QuoteExtractor();
    Set<String> speakers = new HashSet<>();
    Set<Integer> years = new HashSet<>();
    boolean curly = false;
    boolean straight = false;
    for (Article a : articles) {
      years.add(a.date().getYear());
      assertTrue(a.source() != null && !a.title().isBlank(), a.id());
      for (Quote q : extractor.extract(a)) {
        if (q.speaker() != null) {
          speakers.add(q.speaker());
        }
        char mark = a.text().charAt(q.offset());
        curly |= mark == '\u201C';
        straight |= mark == '"';
      }
    }
    assertTrue(speakers.size() >= 2, "speakers: " + speakers);
    assertTrue(years.size() >= 3, "years: " + years);
    assertTrue(curly && straight, "both curly and straight quotation marks");
  }

  @Test
  void sameSeedSameCorpusOtherSeedOther() throws Exception {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    Path c = dir.resolve("c.jsonl");
    generator.write(20, 1, a);
    generator.write(20, 1, b);
    generator.write(20, 2, c);
    assertEquals(Files.readString(a), Files.readString(b));
    assertNotEquals(Files.readString(a), Files.readString(c));
  }
}
