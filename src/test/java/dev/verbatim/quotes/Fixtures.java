package dev.verbatim.quotes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verbatim.corpus.Article;
import dev.verbatim.corpus.CorpusReader;
import java.nio.file.Path;
import java.util.List;

/**
 * Our fixture articles in {@code src/test/resources/quotes/} and the quotes extracted from them.
 */
final class Fixtures {
  private Fixtures() {}

  static List<Quote> quotes(String name) throws Exception {
    Path file = Path.of(Fixtures.class.getResource("/quotes/" + name).toURI());
    Article article = new CorpusReader(file.getParent()).read(file).articles().get(0);
    return new QuoteExtractor().extract(article);
  }

  /** The one quote starting with {@code start}, checked for its speaker and rule (null: none). */
  static Quote speaker(List<Quote> quotes, String start, String speaker, String rule) {
    List<Quote> hits = quotes.stream().filter(q -> q.text().startsWith(start)).toList();
    assertEquals(1, hits.size(), "quotes starting with '" + start + "': " + quotes);
    Quote q = hits.get(0);
    assertEquals(speaker, q.speaker(), "speaker of '" + start + "'");
    if (rule != null) {
      assertEquals(rule, q.evidence().rule(), "rule of '" + start + "'");
    }
    return q;
  }
}
