package dev.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.index.Indexer;
import dev.verbatim.quotes.Quote;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uses the searcher exactly as an embedding program would: index, open, search. */
class SearcherTest {
  @TempDir static Path indexDir;
  static Searcher searcher;
  static Indexer.Summary summary;

  @BeforeAll
  static void indexFixtureCorpus() throws IOException, URISyntaxException {
    Path corpus = Path.of(SearcherTest.class.getResource("/fixture-corpus").toURI());
    summary = new Indexer(2).rebuild(corpus, indexDir);
    searcher = CompleteAnswers.open(indexDir);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  @Test
  void indexesEveryArticleAndItsQuotes() throws IOException {
    assertEquals(4, summary.articles());
    assertEquals(3, summary.files());
    Searcher.Stats stats = searcher.stats();
    assertEquals(4, stats.articles());
    assertEquals(summary.quotes(), stats.quotes());
    assertTrue(stats.quotes() >= 5, "quotes indexed: " + stats.quotes());
  }

  @Test
  void wordsAreStemmedAndAllRequired() throws IOException {
    assertEquals(Set.of("harbour"), articleIds("repair"));
    assertEquals(Set.of("harbour"), articleIds("bridges reopening"));
    assertEquals(Set.of(), articleIds("bridge library"));
  }

  @Test
  void orAndExclusion() throws IOException {
    assertEquals(Set.of("harbour", "library"), articleIds("bridge OR library"));
    assertEquals(Set.of("library"), articleIds("(bridge OR library) -harbour"));
  }

  @Test
  void phraseIsExactAndHighlightedAsOneUnit() throws IOException {
    SearchResult result =
        searcher.search(
            SearchRequest.builder("\"so unfair\"").withType(SearchRequest.Type.QUOTE).build());
    assertEquals(1, result.total());
    assertEquals(
        List.of("<mark>so unfair</mark>"),
        result.hits().get(0).passages().stream().map(SearchResult.Passage::html).toList());
    // The stemmed form does not match a phrase: exact words only.
    assertEquals(0, searcher.search(SearchRequest.of("\"so unfairly\"")).total());
  }

  @Test
  void proximityPhrase() throws IOException {
    assertEquals(0, searcher.search(SearchRequest.of("\"bridge stronger\"")).total());
    assertTrue(searcher.search(SearchRequest.of("\"bridge stronger\"~6")).total() >= 1);
  }

  @Test
  void quoteHitCarriesArticleTitleSourceAndWholeQuoteHighlighted() throws IOException {
    SearchResult result =
        searcher.search(
            SearchRequest.builder("ferry OR \"took far too long\"")
                .withType(SearchRequest.Type.QUOTE)
                .build());
    SearchResult.Hit hit = result.hits().get(0);
    assertEquals(SearchRequest.Type.QUOTE, hit.type());
    assertEquals("harbour", hit.articleId());
    assertEquals("Harbour bridge reopens after two years of repairs", hit.title());
    assertEquals("Coastal Gazette", hit.source());
    assertEquals("The repairs took far too long,", hit.text());
    assertEquals(
        List.of("The repairs <mark>took far too long</mark>,"),
        hit.passages().stream().map(SearchResult.Passage::html).toList());
  }

  @Test
  void articleHitShowsItsBestSentenceWithMarks() throws IOException {
    SearchResult result =
        searcher.search(
            SearchRequest.builder("regrettable").withType(SearchRequest.Type.ARTICLE).build());
    assertEquals(1, result.total());
    assertEquals(
        List.of("The city council called the delay <mark>regrettable</mark>."),
        result.hits().get(0).passages().stream().map(SearchResult.Passage::html).toList());
  }

  @Test
  void fieldQueries() throws IOException {
    assertEquals(Set.of("library"), articleIds("source:\"valley post\""));
    assertEquals(Set.of("wire-1", "wire-2"), articleIds("source:wire"));
    assertEquals(Set.of("harbour"), articleIds("title:bridge"));
    SearchResult byType =
        searcher.search(SearchRequest.of("type:quote grain OR type:quote abroad"));
    assertTrue(byType.hits().stream().allMatch(h -> h.type() == SearchRequest.Type.QUOTE));
  }

  @Test
  void pagingIsStable() throws IOException {
    SearchResult all = searcher.search(SearchRequest.builder("").withLimit(20).build());
    assertEquals(all.total(), all.hits().size());
    SearchResult second =
        searcher.search(SearchRequest.builder("").withLimit(2).withOffset(2).build());
    assertEquals(all.hits().get(2).id(), second.hits().get(0).id());
    assertEquals(all.hits().get(3).id(), second.hits().get(1).id());
  }

  @Test
  void badQueriesSayWhatIsWrong() {
    InvalidQueryException unknownField =
        assertThrows(
            InvalidQueryException.class,
            () -> searcher.search(SearchRequest.builder("colour:red").withStrict(true).build()));
    assertTrue(
        unknownField.getMessage().contains("unknown field 'colour'"), unknownField.getMessage());
    assertThrows(
        InvalidQueryException.class,
        () -> searcher.search(SearchRequest.builder("(bridge").withStrict(true).build()));
    assertThrows(
        InvalidQueryException.class,
        () -> searcher.search(SearchRequest.builder("*ridge").withStrict(true).build()));
    assertThrows(
        InvalidQueryException.class, () -> SearchRequest.builder("x").withLimit(0).build());
    assertThrows(
        InvalidQueryException.class,
        () -> SearchRequest.builder("x").withOffset(SearchRequest.MAX_WINDOW).build());
  }

  @Test
  void highlightsEscapeHtml() throws IOException {
    // Titles and bodies of the fixture hold no HTML, so every '<' in a highlight is ours.
    for (SearchResult.Hit hit :
        searcher.search(SearchRequest.builder("").withLimit(50).build()).hits()) {
      for (String h : hit.passages().stream().map(SearchResult.Passage::html).toList()) {
        String stripped = h.replace("<mark>", "").replace("</mark>", "");
        assertFalse(stripped.contains("<"), h);
      }
    }
  }

  @Test
  void concurrentSearchesAgree() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> futures =
          java.util.stream.IntStream.range(0, 40)
              .mapToObj(
                  i ->
                      pool.submit(
                          () ->
                              searcher
                                  .search(
                                      SearchRequest.builder("bridge OR library")
                                          .withType(SearchRequest.Type.ARTICLE)
                                          .build())
                                  .total()))
              .toList();
      for (Future<Long> f : futures) {
        assertEquals(2L, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void missingIndexIsAClearError() {
    IOException e = assertThrows(IOException.class, () -> Searcher.open(indexDir.resolve("nope")));
    assertTrue(e.getMessage().contains("verbatim index"), e.getMessage());
  }

  @Test
  void articleComesWholeWithItsQuotesInTextOrder() throws IOException {
    ArticleDetail article = searcher.article("harbour").orElseThrow();
    assertEquals("Harbour bridge reopens after two years of repairs", article.title());
    assertEquals("Coastal Gazette", article.source());
    assertTrue(article.text().startsWith("The harbour bridge reopened on Monday"), article.text());
    assertEquals(2, article.quotes().size());
    ArticleDetail.QuoteSpan first = article.quotes().get(0);
    ArticleDetail.QuoteSpan second = article.quotes().get(1);
    assertTrue(first.offset() < second.offset());
    assertEquals("harbour#" + first.offset(), first.id());
    assertEquals(
        "“This bridge is back, and it is stronger than ever,”",
        article.text().substring(first.offset(), first.offset() + first.length()));
    assertEquals("This bridge is back, and it is stronger than ever,", first.text());
    assertEquals("Lena Ortiz", first.speaker());
    assertEquals("said", first.cue());
    // the attribution's evidence travels with the quote: the rule, and no antecedent for a name
    assertEquals("cue-after/name", first.rule());
    assertNull(first.antecedent());
    assertEquals(Quote.Kind.FULL, first.kind());
    assertEquals(
        first.mention().text(),
        article
            .text()
            .substring(
                first.mention().offset(),
                first.mention().offset() + first.mention().text().length()));
  }

  @Test
  void articleCarriesDateAndOnlyItsOwnQuotes() throws IOException {
    ArticleDetail wire = searcher.article("wire-2").orElseThrow();
    assertEquals("2019-04-02", wire.date());
    assertEquals(
        List.of("wire-2"),
        wire.quotes().stream()
            .map(q -> q.id().substring(0, q.id().indexOf('#')))
            .distinct()
            .toList());
  }

  @Test
  void unknownArticleIsEmptyNotAnError() throws IOException {
    assertTrue(searcher.article("no-such-article").isEmpty());
    // A quote's id names a quote document, not an article.
    String quoteId = searcher.article("harbour").orElseThrow().quotes().get(0).id();
    assertTrue(searcher.article(quoteId).isEmpty());
  }

  private static Set<String> articleIds(String query) throws IOException {
    return searcher
        .search(
            SearchRequest.builder(query).withType(SearchRequest.Type.ARTICLE).withLimit(50).build())
        .hits()
        .stream()
        .map(SearchResult.Hit::articleId)
        .collect(Collectors.toSet());
  }
}
