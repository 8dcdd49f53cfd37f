package dev.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.index.Indexer;
import dev.verbatim.index.schema.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The time limit on real on-disk indexes: the fixture, and a generated one with a large vocabulary.
 */
class SearchTimeLimitTest {
  @TempDir static Path dir;
  static Path fixtureIndex;
  static Path largeIndex;

  @BeforeAll
  static void index() throws Exception {
    fixtureIndex = dir.resolve("fixture-index");
    new Indexer(1)
        .rebuild(
            Path.of(SearchTimeLimitTest.class.getResource("/fixture-corpus").toURI()),
            fixtureIndex);
    largeIndex = dir.resolve("large-index");
    new Indexer(1).rebuild(largeVocabulary(dir.resolve("large-corpus")), largeIndex);
  }

  /**
   * 300 articles over 40,000 made-up words, so wildcards and fuzzy words have much to expand to.
   */
  private static Path largeVocabulary(Path corpus) throws IOException {
    Files.createDirectories(corpus);
    Random random = new Random(8);
    String[] words = new String[40_000];
    for (int i = 0; i < words.length; i++) {
      StringBuilder w = new StringBuilder("a");
      int length = 3 + random.nextInt(10);
      while (w.length() < length) {
        w.append((char) ('a' + random.nextInt(6)));
      }
      words[i] = w.toString();
    }
    for (int a = 0; a < 300; a++) {
      StringBuilder text = new StringBuilder("Article " + a + "\n\n");
      for (int i = 0; i < 400; i++) {
        text.append(words[random.nextInt(words.length)]).append(i % 15 == 14 ? ".\n\n" : " ");
      }
      Files.writeString(corpus.resolve("a" + a + ".txt"), text, StandardCharsets.UTF_8);
    }
    return corpus;
  }

  @Test
  void anExpiredLimitStopsCollectingAndSaysSo() throws Exception {
    try (Directory d = FSDirectory.open(fixtureIndex);
        DirectoryReader reader = DirectoryReader.open(d)) {
      IndexSearcher shared = new IndexSearcher(reader);
      int all = reader.numDocs();

      try (SearchTimeLimit.Budget budget = new SearchTimeLimit(Duration.ofSeconds(30)).start("q")) {
        IndexSearcher generous = budget.bounded(shared);
        TopDocs everything = generous.search(new MatchAllDocsQuery(), 1000);
        assertFalse(generous.timedOut());
        assertEquals(all, everything.scoreDocs.length);
        assertSame(shared.getSimilarity(), generous.getSimilarity());
        assertSame(reader, generous.getIndexReader());
      }

      try (SearchTimeLimit.Budget budget = new SearchTimeLimit(Duration.ZERO).start("q")) {
        IndexSearcher expired = budget.bounded(shared);
        Thread.sleep(2);
        TopDocs partial = expired.search(new MatchAllDocsQuery(), 1000);
        assertTrue(expired.timedOut());
        assertTrue(partial.scoreDocs.length < all, partial.scoreDocs.length + " of " + all);
        assertFalse(shared.timedOut(), "the shared searcher is untouched");
      }
    }
  }

  @Test
  void termEnumerationStopsAtTheRequestsDeadlineAndNeverOutsideARequest() throws Exception {
    try (Directory d = FSDirectory.open(largeIndex);
        DirectoryReader reader = SearchTimeLimit.exitable(DirectoryReader.open(d))) {
      long terms = countTerms(reader);
      assertTrue(terms > 20_000, terms + " terms");

      try (SearchTimeLimit.Budget budget = new SearchTimeLimit(Duration.ZERO).start("q")) {
        Thread.sleep(2);
        assertThrows(
            ExitableDirectoryReader.ExitingReaderException.class, () -> countTerms(reader));
        budget.finishing();
        long fallback = budget.orElse(() -> countTerms(reader), () -> -1L, "counting stopped");
        assertEquals(-1L, fallback);
        assertEquals(List.of("counting stopped"), budget.notes());
        budget.unbounded();
        assertEquals(terms, countTerms(reader), "unbounded reads finish");
      }
      assertEquals(terms, countTerms(reader), "after the request, reads are not stopped");
    }
  }

  @Test
  void workThatReadsPastTheWrapperStopsAtTheSameDeadlineWhenItChecks() throws Exception {
    SearchTimeLimit.checkReads();
    try (SearchTimeLimit.Budget budget = new SearchTimeLimit(Duration.ZERO).start("q")) {
      Thread.sleep(2);
      assertThrows(
          ExitableDirectoryReader.ExitingReaderException.class, SearchTimeLimit::checkReads);
      budget.unbounded();
      SearchTimeLimit.checkReads();
    }
    SearchTimeLimit.checkReads();
    try (SearchTimeLimit.Budget budget = new SearchTimeLimit(Duration.ofMinutes(1)).start("q")) {
      SearchTimeLimit.checkReads();
    }
  }

  private static long countTerms(DirectoryReader reader) throws IOException {
    TermsEnum e = MultiTerms.getTerms(reader, Schema.TEXT_EXACT).iterator();
    long n = 0;
    while (e.next() != null) {
      n++;
    }
    return n;
  }

  @Test
  void expensiveExpansionsAnswerWithTheTimeLimitNoticeOrARefusalNeverAnError() throws Exception {
    List<String> queries =
        List.of(
            "a*",
            "a?b*",
            "aa*b*c*",
            "ab~2",
            "abcdef~2 abcdea~2 a~2",
            "*a*",
            "\"aab aac\"~50 ab*",
            "title:a* OR text:ab~2");
    try (Searcher searcher = Searcher.open(largeIndex, Duration.ZERO)) {
      for (String q : queries) {
        SearchRequest request =
            SearchRequest.builder(q).withAllowLeadingWildcard(true).withFacets(true).build();
        SearchResult result;
        try {
          result = searcher.search(request);
        } catch (InvalidQueryException refused) {
          continue;
        }
        assertFalse(result.totalExact(), q);
        assertTrue(result.timedOut(), q);
        String said =
            result.hits().isEmpty() ? SearchTimeLimit.TIMED_OUT_EMPTY : SearchTimeLimit.STOPPED;
        assertTrue(
            result.notice() != null && result.notice().contains(said),
            q + " -> " + result.notice());
      }
    }
    try (Searcher searcher = Searcher.open(largeIndex)) {
      for (String q : queries) {
        try {
          SearchResult result =
              searcher.search(SearchRequest.builder(q).withAllowLeadingWildcard(true).build());
          assertTrue(result.total() >= result.hits().size(), q);
        } catch (InvalidQueryException refused) {
          assertFalse(refused.getMessage().isBlank(), q);
        }
      }
    }
  }

  @Test
  void noSuggestionOnceTheTimeIsUpAndTheNoticeSaysWhy() throws Exception {
    try (Searcher searcher = Searcher.open(largeIndex, Duration.ZERO)) {
      SearchResult result = searcher.search(SearchRequest.of("aabbccz"));
      assertEquals(0, result.total());
      assertEquals(null, result.suggestion());
      // Matching itself may already be cut; either way no respelling is tried.
      assertTrue(
          result.notice().contains("No spelling suggestion")
              || result.notice().contains(SearchTimeLimit.TIMED_OUT_EMPTY),
          result.notice());
    }
  }

  @Test
  void aSearchStoppedBeforeItFoundAnythingIsTriedAgainThenSaysItTimedOut() throws Exception {
    try (Searcher searcher = Searcher.open(fixtureIndex, Duration.ZERO)) {
      SearchResult result = searcher.search(SearchRequest.of("harbour"));
      assertTrue(result.hits().isEmpty());
      assertTrue(result.timedOut());
      assertFalse(result.totalExact());
      assertEquals(null, result.suggestion());
      assertEquals(SearchTimeLimit.TIMED_OUT_EMPTY, result.notice());
    }
    // With time enough, the same search finds the word; warming up first changes no answer.
    try (Searcher searcher = Searcher.open(fixtureIndex)) {
      assertTrue(searcher.warmUp(Duration.ofSeconds(5)) > 0);
      SearchResult result = searcher.search(SearchRequest.of("harbour"));
      assertFalse(result.timedOut());
      assertFalse(result.hits().isEmpty());
    }
    try (Searcher searcher = Searcher.open(fixtureIndex)) {
      assertEquals(
          null,
          searcher.search(SearchRequest.of("harbour")).notice(),
          "a quick search has no notice");
    }
  }

  @Test
  void withoutTimeToMarkMatchesTheTextIsShownEscapedAndCutAtAWord() {
    String text = "Shares <b>rose</b> & fell. ".repeat(40);
    List<Highlighting.Target> targets =
        List.of(
            new Highlighting.Target(0, false, text, "Bonds & <i>stocks</i>", null),
            new Highlighting.Target(1, true, "\"Short & sweet\"", "T", "Ann <Lee>"));
    Highlighting.Marked[] marked = Highlighting.unmarked(targets, SearchRequest.Snippets.DEFAULT);

    SearchResult.Passage article = marked[0].passages().get(0);
    assertTrue(
        article.end() <= SearchRequest.DEFAULT_PASSAGE_LENGTH && article.end() > 200,
        "cut at " + article.end());
    assertEquals(' ', text.charAt(article.end()), "cut at a word boundary");
    assertTrue(
        article.html().startsWith("Shares &lt;b&gt;rose&lt;/b&gt; &amp; fell."), article.html());
    assertFalse(article.html().contains("<"), article.html());
    assertEquals("Bonds &amp; &lt;i&gt;stocks&lt;/i&gt;", marked[0].titleHtml());
    assertEquals(null, marked[0].speakerHtml());
    assertEquals("&quot;Short &amp; sweet&quot;", marked[1].passages().get(0).html());
    assertEquals("Ann &lt;Lee&gt;", marked[1].speakerHtml());
  }

  @Test
  void aNegativeLimitIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new SearchTimeLimit(Duration.ofMillis(-1)));
    assertTrue(e.getMessage().contains("PT-0.001S"), e.getMessage());
  }
}
