package dev.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.index.Indexer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Searcher#stats()}: counts, and the first and last day an article was published, read from
 * the index itself over a real index in a temporary folder: exact however many years the corpus
 * spans (a date facet lists only its top 20), undated articles left out, and moved by a reindex
 * that deletes the oldest article.
 */
class StatsTest {
  @TempDir Path dir;

  @Test
  void theFirstAndLastDayAreTheArticlesOwnOverManyYears() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    StringBuilder lines = new StringBuilder();
    // 1980 and 2024 have one article each; the 43 years between have three: a top-20 list of
    // years by count holds neither end.
    lines.append(article("first", "1980-01-15")).append(article("last", "2024-12-31"));
    for (int year = 1981; year <= 2023; year++) {
      for (int i = 0; i < 3; i++) {
        lines.append(article("y" + year + "-" + i, year + "-06-0" + (i + 1)));
      }
    }
    lines.append("{\"id\":\"undated\",\"title\":\"Undated\",\"text\":\"No day given.\"}\n");
    Files.writeString(corpus.resolve("a.jsonl"), lines);
    Files.writeString(corpus.resolve("newest.jsonl"), article("newest", "2025-02-03"));
    Path index = dir.resolve("index");
    new Indexer(1).rebuild(corpus, index);
    try (Searcher searcher = CompleteAnswers.open(index)) {
      SearchResult years =
          searcher.search(SearchRequest.builder("").withLimit(1).withFacets(true).build());
      List<String> topYears =
          years.facets().get("date").stream().map(SearchResult.FacetValue::value).toList();
      assertTrue(!topYears.contains("1980") && topYears.size() == 20, topYears.toString());

      Searcher.Stats stats = searcher.stats();
      assertEquals(2 + 43 * 3 + 2, stats.articles());
      assertEquals(LocalDate.of(1980, 1, 15), stats.firstDate());
      assertEquals(LocalDate.of(2025, 2, 3), stats.lastDate());

      // The newest article's file is removed: the next view's last day is the one before.
      Files.delete(corpus.resolve("newest.jsonl"));
      new Indexer(1).update(corpus, index);
      assertTrue(searcher.refresh());
      assertEquals(LocalDate.of(2024, 12, 31), searcher.stats().lastDate());
      assertEquals(LocalDate.of(1980, 1, 15), searcher.stats().firstDate());
    }
  }

  @Test
  void anIndexWithoutDatesHasNone() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("a.txt"), "Harbour news\n\nThe ferry sails.\n");
    Path index = dir.resolve("index");
    new Indexer(1).rebuild(corpus, index);
    try (Searcher searcher = CompleteAnswers.open(index)) {
      assertNull(searcher.stats().firstDate());
      assertNull(searcher.stats().lastDate());
      assertEquals(1, searcher.stats().articles());
    }
  }

  private static String article(String id, String date) {
    return "{\"id\":\""
        + id
        + "\",\"title\":\"Harbour report "
        + id
        + "\",\"date\":\""
        + date
        + "\",\"text\":\"The harbour reopened.\"}\n";
  }
}
