package dev.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.index.Indexer;
import dev.verbatim.search.query.Ranking;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ranking choices as users meet them, on the fixture corpus. */
class RankingTest {
  @TempDir static Path indexDir;
  static Searcher searcher;

  @BeforeAll
  static void index() throws Exception {
    Path corpus = Path.of(RankingTest.class.getResource("/fixture-corpus").toURI());
    new Indexer(2).rebuild(corpus, indexDir);
    searcher = CompleteAnswers.open(indexDir);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  @Test
  void plainWordsAreThoseOfAQueryWithoutSyntax() {
    assertEquals(
        List.of("who", "fixed", "the", "bridge?"), Ranking.plainWords("who fixed the bridge\\?"));
    assertEquals(List.of("a(b)", "c:d"), Ranking.plainWords("a\\(b\\) c\\:d"));
    assertNull(Ranking.plainWords("who fixed the bridge?"));
    assertNull(Ranking.plainWords("\"harbour bridge\" repairs"));
    assertNull(Ranking.plainWords("bridge OR library"));
    assertNull(Ranking.plainWords("bridge -library"));
    assertNull(Ranking.plainWords("title:bridge"));
    assertEquals(List.of("well-known"), Ranking.plainWords("well-known"));
  }

  @Test
  void aLongQuestionMatchesAnyOfItsWordsBestFirst() throws IOException {
    // "when", "finally" and "open" are in no article: as a list of requirements this finds nothing.
    List<String> ids =
        articleIds(SearchRequest.ofWords("When did the harbour bridge finally open?"));
    assertEquals("harbour", ids.get(0));
    assertEquals(List.of(), articleIds(SearchRequest.of("harbour bridge finally")));
    // Five words, but only two that are not stop words: both required.
    assertEquals(List.of(), articleIds(SearchRequest.of("the bridge of the library")));
    assertEquals(List.of("harbour"), articleIds(SearchRequest.of("the bridge of the harbour")));
  }

  @Test
  void aLongQueryWithSyntaxIsTakenAsWritten() throws IOException {
    assertEquals(
        List.of(), articleIds(SearchRequest.of("\"harbour bridge\" library council regrettable")));
    assertEquals(
        List.of("harbour"),
        articleIds(SearchRequest.of("\"harbour bridge\" ferry council regrettable")));
  }

  @Test
  void headlineWordsWeighMoreThanBodyWords(@TempDir Path dir) throws IOException {
    // Same length, "bridge" once in each: in h's headline, in b's body.
    assertDefaultSeparatesBaselineTie(
        dir,
        SearchRequest.of("bridge"),
        List.of("h", "b"),
        doc("b", "Toll news", "Bridge tolls rise next month for drivers"),
        doc("h", "Bridge news", "Tolls rise next month for drivers today"));
  }

  @Test
  void nearbyQueryWordsRankHigher(@TempDir Path dir) throws IOException {
    // Same words, same lengths: only the proximity clause tells them apart.
    assertDefaultSeparatesBaselineTie(
        dir,
        SearchRequest.ofWords("what is known about heat conduction"),
        List.of("near", "apart"),
        doc("apart", "Report", "Heat rose in the north while conduction lines failed"),
        doc(
            "near",
            "Report",
            "The heat conduction of the slab was measured in the north by two teams"));
  }

  @Test
  void feedbackFindsWhatTheTopHitsTalkAbout(@TempDir Path dir) throws IOException {
    // Only g says "glacier"; f shares its other words. Filler keeps those words rare.
    List<String> docs = new java.util.ArrayList<>();
    docs.add(doc("g", "Glacier retreat", "The glacier left fjord sediment and moraine behind"));
    docs.add(doc("f", "Fjord survey", "Divers sampled fjord sediment near the moraine"));
    for (int i = 0; i < 20; i++) {
      docs.add(doc("m" + i, "Market report " + i, "Prices were steady on day " + i));
    }
    try (Searcher own = indexed(dir, docs.toArray(String[]::new))) {
      SearchRequest glacier = SearchRequest.of("glacier");
      assertEquals(List.of("g"), ids(own, glacier));
      assertEquals(
          List.of("g", "f"),
          ids(own, glacier.toBuilder().withRelevance(SearchRequest.Relevance.FEEDBACK).build()));
    }
  }

  /**
   * The default ranks two hits as {@code expected} says, strictly; the baseline scores them equal.
   */
  private static void assertDefaultSeparatesBaselineTie(
      Path dir, SearchRequest request, List<String> expected, String... docs) throws IOException {
    try (Searcher s = indexed(dir, docs)) {
      List<SearchResult.Hit> ranked = s.search(request).hits();
      assertEquals(expected, ranked.stream().map(SearchResult.Hit::id).toList());
      assertTrue(ranked.get(0).score() > ranked.get(1).score());
      List<SearchResult.Hit> flat =
          s.search(request.toBuilder().withRelevance(SearchRequest.Relevance.BASELINE).build())
              .hits();
      assertEquals(flat.get(0).score(), flat.get(1).score(), 1e-6);
    }
  }

  private static List<String> ids(Searcher s, SearchRequest r) throws IOException {
    return s.search(r).hits().stream().map(SearchResult.Hit::id).toList();
  }

  private static String doc(String id, String title, String text) {
    return "{\"id\": \"" + id + "\", \"title\": \"" + title + "\", \"text\": \"" + text + "\"}";
  }

  private static Searcher indexed(Path dir, String... jsonLines) throws IOException {
    Path corpus = java.nio.file.Files.write(dir.resolve("docs.jsonl"), List.of(jsonLines));
    new Indexer(1).rebuild(corpus, dir.resolve("index"));
    return CompleteAnswers.open(dir.resolve("index"));
  }

  private static List<String> articleIds(SearchRequest request) throws IOException {
    return searcher
        .search(request.toBuilder().withType(SearchRequest.Type.ARTICLE).withLimit(50).build())
        .hits()
        .stream()
        .map(SearchResult.Hit::articleId)
        .collect(Collectors.toList());
  }
}
