package dev.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.index.Indexer;
import dev.verbatim.quotes.Quote;
import dev.verbatim.search.SearchRequest.SortOrder;
import dev.verbatim.search.SearchRequest.Type;
import dev.verbatim.search.SearchResult.FacetValue;
import dev.verbatim.search.SearchResult.Hit;
import dev.verbatim.search.SearchResult.Passage;
import dev.verbatim.search.SearchResult.Span;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a search returns, over {@code results-corpus}: one quote printed by two articles, hostile
 * markup, a long sentence and a long quote, and twelve harvest reports that share a quote.
 */
class ResultsTest {
  @TempDir static Path indexDir;
  static Searcher searcher;

  @BeforeAll
  static void index() throws IOException, URISyntaxException {
    Path corpus = Path.of(ResultsTest.class.getResource("/results-corpus").toURI());
    // One worker keeps documents in corpus order, so equal scores tie-break predictably.
    new Indexer(1).rebuild(corpus, indexDir);
    searcher = CompleteAnswers.open(indexDir);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  @Test
  void theSameQuoteInTwoArticlesShowsOnceWithBothSources() throws IOException {
    SearchResult result =
        searcher.search(SearchRequest.builder("\"so unfair\"").withType(Type.QUOTE).build());
    assertEquals(1, result.total());
    assertTrue(result.totalExact());
    assertEquals(1, result.hits().size());
    Hit hit = result.hits().get(0);
    // Curly marks and a comma in one article, straight marks and an ellipsis in the other.
    assertEquals("ruling-metro#0", hit.id());
    assertEquals("This is so unfair,", hit.text());
    assertEquals(
        List.of("This is <mark>so unfair</mark>,"),
        hit.passages().stream().map(SearchResult.Passage::html).toList());
    assertEquals(
        List.of(new Passage("This is <mark>so unfair</mark>,", 0, 18, List.of(new Span(8, 17)))),
        hit.passages());
    assertTrue(hit.quoteId().matches("[0-9a-f]{24}"), hit.quoteId());
    assertEquals(
        List.of(
            new SearchResult.Source(
                "ruling-metro",
                "Senator calls court ruling unfair",
                "Metro US",
                "2018-06-06",
                "Jane Roe",
                "said",
                "ruling-metro#0",
                0,
                "This is so unfair,"),
            new SearchResult.Source(
                "ruling-ledger",
                "Roe vows appeal",
                "Daily Ledger",
                "2018-06-07",
                "Jane Roe",
                "said",
                "ruling-ledger#0",
                0,
                "This is so unfair…")),
        hit.sources());
  }

  @Test
  void aQuoteIsFoundByItsIdWithEverySource() throws IOException {
    String id =
        searcher
            .search(SearchRequest.builder("\"so unfair\"").withType(Type.QUOTE).build())
            .hits()
            .get(0)
            .quoteId();
    Quotation q = searcher.quote(id).orElseThrow();
    assertEquals(id, q.quoteId());
    assertEquals("This is so unfair,", q.text());
    assertEquals("Jane Roe", q.speaker());
    assertEquals(Quote.Kind.FULL, q.kind());
    assertEquals(
        List.of("ruling-metro#0", "ruling-ledger#0"),
        q.sources().stream().map(SearchResult.Source::id).toList());
    assertTrue(searcher.quote("0123456789abcdef01234567").isEmpty());
    assertTrue(searcher.quote("not an id").isEmpty());
  }

  @Test
  void articlesHaveNoQuoteIdOrSources() throws IOException {
    Hit hit =
        searcher
            .search(SearchRequest.builder("verdict").withType(Type.ARTICLE).build())
            .hits()
            .get(0);
    assertNull(hit.quoteId());
    assertEquals(List.of(), hit.sources());
    assertNull(hit.speakerHtml());
    assertNull(hit.kind());
  }

  @Test
  void totalsCountDistinctQuotesAndFacetsCountEveryMatchingDocument() throws IOException {
    SearchResult all = searcher.search(SearchRequest.builder("").withLimit(1).build());
    // 16 articles; 28 quote documents of which 16 distinct (12 harvest reports share one).
    assertEquals(32, all.total());
    assertTrue(all.totalExact());
    assertEquals(List.of("type", "speaker", "source", "date"), List.copyOf(all.facets().keySet()));
    assertEquals(List.of(fv("quote", 28), fv("article", 16)), all.facets().get("type"));
    assertEquals(
        List.of(
            fv("Ann Lee", 12),
            fv("Bo Park", 12),
            fv("Jane Roe", 2),
            fv("Dee Kay", 1),
            fv("Max Moe", 1)),
        all.facets().get("speaker"));
    assertEquals(
        List.of(fv("Farm Weekly", 20), fv("Metro US", 20), fv("Daily Ledger", 4)),
        all.facets().get("source"));
    assertEquals(
        List.of(
            new FacetValue(
                "2019", 33, List.of(fv("2019-01", 12), fv("2019-02", 12), fv("2019-03", 9))),
            new FacetValue("2018", 8, List.of(fv("2018-06", 4), fv("2018-07", 4)))),
        all.facets().get("date"));
  }

  @Test
  void facetsFollowTheFiltersButAFilteredDimensionShowsItsAlternatives() throws IOException {
    SearchResult metro =
        searcher.search(SearchRequest.builder("").withSource("Metro US").withLimit(1).build());
    // 7 articles, 13 quote documents: "so unfair", the shared harvest quote six times, six fields.
    assertEquals(7 + 8, metro.total());
    assertEquals(List.of(fv("quote", 13), fv("article", 7)), metro.facets().get("type"));
    assertEquals(
        List.of(fv("Ann Lee", 6), fv("Bo Park", 6), fv("Jane Roe", 1)),
        metro.facets().get("speaker"));
    assertEquals(
        List.of(
            new FacetValue(
                "2019", 15, List.of(fv("2019-01", 6), fv("2019-02", 6), fv("2019-03", 3))),
            new FacetValue("2018", 2, List.of(fv("2018-06", 2)))),
        metro.facets().get("date"));
    // Drill sideways: the source dimension is counted without the source filter.
    assertEquals(
        List.of(fv("Farm Weekly", 20), fv("Metro US", 20), fv("Daily Ledger", 4)),
        metro.facets().get("source"));

    SearchResult february =
        searcher.search(
            SearchRequest.builder("")
                .withType(Type.QUOTE)
                .withDate("2019-02")
                .withLimit(1)
                .build());
    assertEquals(List.of(fv("quote", 8), fv("article", 4)), february.facets().get("type"));
    assertEquals(List.of(fv("Ann Lee", 4), fv("Bo Park", 4)), february.facets().get("speaker"));
    assertEquals(
        List.of(
            new FacetValue(
                "2019", 22, List.of(fv("2019-01", 8), fv("2019-02", 8), fv("2019-03", 6))),
            new FacetValue("2018", 4, List.of(fv("2018-06", 2), fv("2018-07", 2)))),
        february.facets().get("date"));
    assertEquals(
        Map.of(), searcher.search(SearchRequest.builder("").withFacets(false).build()).facets());
  }

  @Test
  void filtersAreExactAndCombine() throws IOException {
    SearchResult annLee =
        searcher.search(
            SearchRequest.builder("").withType(Type.QUOTE).withSpeaker("Ann Lee").build());
    assertEquals(1, annLee.total());
    assertEquals("The harvest was good,", annLee.hits().get(0).text());
    assertEquals(12, annLee.hits().get(0).sources().size());
    assertEquals(
        0, searcher.search(SearchRequest.builder("").withSpeaker("ann lee").build()).total());
    assertEquals(
        List.of("harvest-05", "harvest-06", "harvest-07", "harvest-08"),
        ids(
            SearchRequest.builder("harvest")
                .withType(Type.ARTICLE)
                .withDate("2019-02")
                .withLimit(20)
                .build()));
    assertEquals(
        List.of("committee", "hostile", "ruling-ledger", "ruling-metro"),
        ids(SearchRequest.builder("").withType(Type.ARTICLE).withDate("2018").withLimit(20).build())
            .stream()
            .sorted()
            .toList());
    assertEquals(
        List.of("harvest-09", "harvest-11"),
        ids(
                SearchRequest.builder("harvest")
                    .withType(Type.ARTICLE)
                    .withSource("Farm Weekly")
                    .withDate("2019-03")
                    .build())
            .stream()
            .sorted()
            .toList());
    InvalidQueryException badDate =
        assertThrows(
            InvalidQueryException.class,
            () -> SearchRequest.builder("x").withDate("2019-13").build());
    assertTrue(
        badDate.getMessage().contains("'2019-13'") && badDate.getMessage().contains("YYYY-MM"),
        badDate.getMessage());
  }

  @Test
  void dateSortIsNewestFirstWithUndatedLast() throws IOException {
    List<String> expected = new ArrayList<>();
    for (int i = 11; i >= 1; i--) {
      expected.add(String.format("harvest-%02d", i));
    }
    expected.add("harvest-12");
    assertEquals(
        expected,
        ids(
            SearchRequest.builder("harvest")
                .withType(Type.ARTICLE)
                .withSort(SortOrder.DATE)
                .withLimit(20)
                .build()));
  }

  @Test
  void offsetPagesHaveExactBoundariesAndTheCursorWalksTheSamePath() throws IOException {
    SearchRequest first =
        SearchRequest.builder("harvest OR field").withType(Type.QUOTE).withLimit(5).build();
    List<String> expected = new ArrayList<>(List.of("harvest-01#41"));
    // "Field N": the quote starts one character later from report 10 on.
    IntStream.rangeClosed(1, 12)
        .forEach(i -> expected.add(String.format("harvest-%02d#%d", i, i < 10 ? 79 : 80)));

    List<List<String>> byOffset = new ArrayList<>();
    for (int offset = 0; offset < 15; offset += 5) {
      SearchResult page = searcher.search(first.toBuilder().withOffset(offset).build());
      assertEquals(13, page.total());
      byOffset.add(page.hits().stream().map(Hit::id).toList());
    }
    assertEquals(
        List.of(expected.subList(0, 5), expected.subList(5, 10), expected.subList(10, 13)),
        byOffset);

    assertEquals(byOffset, walkByCursor(first));
    assertEquals(
        List.of(List.of("harvest-11", "harvest-10", "harvest-09", "harvest-08", "harvest-07")),
        walkByCursor(
                SearchRequest.builder("harvest")
                    .withType(Type.ARTICLE)
                    .withSort(SortOrder.DATE)
                    .withLimit(5)
                    .build())
            .subList(0, 1));
  }

  @Test
  void cursorWalkEqualsOffsetWalkForMixedResultsInBothOrders() throws IOException {
    for (SortOrder sort : SortOrder.values()) {
      SearchRequest first =
          SearchRequest.builder("").withSort(sort).withLimit(7).withFacets(false).build();
      List<String> byOffset = new ArrayList<>();
      for (int offset = 0; offset < 40; offset += 7) {
        searcher
            .search(first.toBuilder().withOffset(offset).build())
            .hits()
            .forEach(h -> byOffset.add(h.id()));
      }
      assertEquals(32, byOffset.size(), sort + ": " + byOffset);
      assertEquals(32, byOffset.stream().distinct().count());
      List<String> byCursor = walkByCursor(first).stream().flatMap(List::stream).toList();
      assertEquals(byOffset, byCursor, sort.label());
    }
  }

  @Test
  void pagingMistakesSayWhatToDo() throws IOException {
    InvalidQueryException tooDeep =
        assertThrows(
            InvalidQueryException.class,
            () -> SearchRequest.builder("x").withLimit(10).withOffset(9_995).build());
    assertTrue(
        tooDeep.getMessage().contains("narrow the query")
            && tooDeep.getMessage().contains("cursor"),
        tooDeep.getMessage());
    InvalidQueryException malformed =
        assertThrows(
            InvalidQueryException.class,
            () -> SearchRequest.builder("x").withCursor("not-a-cursor!").build());
    assertTrue(malformed.getMessage().startsWith("malformed cursor"), malformed.getMessage());
    String cursor =
        searcher.search(SearchRequest.builder("harvest").withLimit(2).build()).nextCursor();
    assertNotNull(cursor);
    InvalidQueryException otherQuery =
        assertThrows(
            InvalidQueryException.class,
            () -> searcher.search(SearchRequest.builder("field").withCursor(cursor).build()));
    assertTrue(otherQuery.getMessage().contains("different query"), otherQuery.getMessage());
    assertThrows(
        InvalidQueryException.class,
        () -> SearchRequest.builder("harvest").withOffset(2).withCursor(cursor).build());
    assertThrows(
        InvalidQueryException.class,
        () -> SearchRequest.builder("x").withSort(SortOrder.fromLabel("popular")).build());
  }

  @Test
  void totalIsExactUpToTheThresholdThenALowerBound(@TempDir Path dir) throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    int articles = Paging.TOTAL_THRESHOLD + 100;
    Files.write(
        corpus.resolve("rain.jsonl"),
        IntStream.range(0, articles)
            .mapToObj(
                i ->
                    "{\"id\":\"r"
                        + i
                        + "\",\"title\":\"Weather "
                        + i
                        + "\",\"text\":\"Rain again on day "
                        + i
                        + ".\"}")
            .toList());
    new Indexer(1).rebuild(corpus, dir.resolve("index"));
    try (Searcher many = CompleteAnswers.open(dir.resolve("index"))) {
      SearchResult bounded = many.search(SearchRequest.builder("rain").withFacets(false).build());
      assertEquals(Paging.TOTAL_THRESHOLD, bounded.total());
      assertFalse(bounded.totalExact());
      assertEquals(10, bounded.hits().size());
      // Facets visit every match, so the total comes exact with them.
      SearchResult counted = many.search(SearchRequest.of("rain"));
      assertEquals(articles, counted.total());
      assertTrue(counted.totalExact());
      assertEquals(List.of(fv("article", articles)), counted.facets().get("type"));
    }
  }

  @Test
  void aRefreshedIndexIsCountedAfresh(@TempDir Path dir) throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Path index = dir.resolve("index");
    Files.writeString(
        corpus.resolve("a.jsonl"),
        "{\"id\":\"a\",\"title\":\"Tides\",\"source\":\"Coast Daily\",\"text\":\"\\\"The tide is"
            + " high,\\\" Ida Hull said.\"}\n");
    new Indexer(1).rebuild(corpus, index);
    try (Searcher live = CompleteAnswers.open(index)) {
      SearchResult before = live.search(SearchRequest.of("tide"));
      assertEquals(List.of(fv("Coast Daily", 2)), before.facets().get("source"));
      Files.writeString(
          corpus.resolve("b.jsonl"),
          "{\"id\":\"b\",\"title\":\"More tides\",\"source\":\"Bay News\",\"text\":\"\\\"The tide"
              + " is high,\\\" Ida Hull said again.\"}\n");
      new Indexer(1).rebuild(corpus, index);
      assertTrue(live.refresh());
      SearchResult after = live.search(SearchRequest.builder("tide").withType(Type.QUOTE).build());
      assertEquals(List.of(fv("Bay News", 1), fv("Coast Daily", 1)), after.facets().get("source"));
      assertEquals(1, after.total());
      assertEquals(
          List.of("a", "b"),
          after.hits().get(0).sources().stream().map(SearchResult.Source::articleId).toList());
    }
  }

  @Test
  void markupInTheCorpusIsEscapedAndOnlyOurMarksSurvive() throws IOException {
    SearchResult result = searcher.search(SearchRequest.of("mischief OR alert OR ampersands"));
    Hit article = result.hits().get(0);
    assertEquals("hostile", article.id());
    assertEquals(
        "Markup &lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt; in a headline",
        article.titleHtml());
    assertEquals(
        List.of(
            "The page printed &lt;img src=x onerror=<mark>alert</mark>(1)&gt; beside the word"
                + " <mark>mischief</mark>.",
            "&quot;Quotes&#39; &amp; <mark>ampersands</mark> &lt;b&gt;stay&lt;/b&gt; text,&quot;"
                + " Dee Kay said."),
        article.passages().stream().map(SearchResult.Passage::html).toList());
    Hit quote = result.hits().get(1);
    assertEquals(
        List.of("Quotes&#39; &amp; <mark>ampersands</mark> &lt;b&gt;stay&lt;/b&gt; text,"),
        quote.passages().stream().map(SearchResult.Passage::html).toList());
    assertEquals("Markup &lt;script&gt;alert(1)&lt;/script&gt; in a headline", quote.titleHtml());
    for (Hit hit : searcher.search(SearchRequest.builder("").withLimit(50).build()).hits()) {
      for (String html : hit.passages().stream().map(SearchResult.Passage::html).toList()) {
        assertFalse(
            html.replace("<mark>", "").replace("</mark>", "").matches("(?s).*[<>\"'].*"), html);
      }
      assertFalse(
          hit.titleHtml().replace("<mark>", "").replace("</mark>", "").matches("(?s).*[<>\"'].*"),
          hit.titleHtml());
    }
  }

  @Test
  void matchOffsetsPointIntoTheHitText() throws IOException {
    for (String q :
        List.of("mischief OR alert OR ampersands", "zeppelin", "\"so unfair\"", "harvest")) {
      for (Hit hit : searcher.search(SearchRequest.builder(q).withLimit(20).build()).hits()) {
        for (Passage p : hit.passages()) {
          List<String> marked = marked(p.html());
          assertEquals(marked.size(), p.matches().size(), p.toString());
          for (int i = 0; i < marked.size(); i++) {
            Span m = p.matches().get(i);
            assertTrue(p.start() <= m.start() && m.end() <= p.end(), p.toString());
            assertEquals(unescape(marked.get(i)), hit.text().substring(m.start(), m.end()));
          }
        }
      }
    }
  }

  @Test
  void titleAndSpeakerMatchesAreMarked() throws IOException {
    Hit quote =
        searcher.search(SearchRequest.builder("roe").withType(Type.QUOTE).build()).hits().get(0);
    assertEquals("Jane <mark>Roe</mark>", quote.speakerHtml());
    assertEquals(
        List.of("This is so unfair,"),
        quote.passages().stream().map(SearchResult.Passage::html).toList());
    Hit article =
        searcher
            .search(SearchRequest.builder("title:ruling").withType(Type.ARTICLE).build())
            .hits()
            .get(0);
    assertEquals("Senator calls court <mark>ruling</mark> unfair", article.titleHtml());
  }

  @Test
  void passagesStopAtParagraphs() throws IOException {
    Hit committee =
        searcher
            .search(SearchRequest.builder("verdict").withType(Type.ARTICLE).build())
            .hits()
            .stream()
            .filter(h -> h.id().equals("committee"))
            .findFirst()
            .orElseThrow();
    // The paragraph before has no full stop; the passage must not reach back into it.
    assertEquals(
        List.of("The <mark>verdict</mark> came at noon."),
        committee.passages().stream().map(SearchResult.Passage::html).toList());
  }

  @Test
  void aLongQuoteShowsItsBestSentenceAndLongPassagesAreCut() throws IOException {
    Hit quote =
        searcher
            .search(SearchRequest.builder("zeppelin").withType(Type.QUOTE).build())
            .hits()
            .get(0);
    assertTrue(quote.text().length() > Highlighting.WHOLE_QUOTE);
    Passage best = quote.passages().get(0);
    assertEquals(
        "Nobody told us the <mark>zeppelin</mark> would stay above the square for a whole year.",
        best.html());
    assertEquals(
        "Nobody told us the zeppelin would stay above the square for a whole year.",
        quote.text().substring(best.start(), best.end()));

    SearchRequest shortPassages =
        SearchRequest.builder("zeppelin")
            .withType(Type.ARTICLE)
            .withPassages(2)
            .withPassageLength(80)
            .build();
    Hit article = searcher.search(shortPassages).hits().get(0);
    Passage cut = article.passages().get(0);
    assertEquals(
        "\u2026mentioned the <mark>zeppelin</mark> that had been parked above the town hall"
            + " since\u2026",
        cut.html());
    assertEquals(
        "mentioned the zeppelin that had been parked above the town hall since",
        article.text().substring(cut.start(), cut.end()));
    assertEquals(2, article.passages().size());
    assertEquals(
        1,
        searcher
            .search(shortPassages.toBuilder().withPassages(1).withPassageLength(300).build())
            .hits()
            .get(0)
            .passages()
            .size());
    assertThrows(InvalidQueryException.class, () -> SearchRequest.builder("x").withPassages(0));
    assertThrows(
        InvalidQueryException.class, () -> SearchRequest.builder("x").withPassageLength(10));
  }

  private static FacetValue fv(String value, long count) {
    return new FacetValue(value, count, List.of());
  }

  private static List<String> ids(SearchRequest request) throws IOException {
    return searcher.search(request).hits().stream().map(Hit::articleId).toList();
  }

  private static List<List<String>> walkByCursor(SearchRequest first) throws IOException {
    List<List<String>> pages = new ArrayList<>();
    SearchRequest request = first;
    while (true) {
      SearchResult page = searcher.search(request);
      pages.add(page.hits().stream().map(Hit::id).toList());
      if (page.nextCursor() == null) {
        return pages;
      }
      assertTrue(page.nextCursor().matches("[A-Za-z0-9_-]+"), page.nextCursor());
      request = first.toBuilder().withCursor(page.nextCursor()).build();
    }
  }

  private static List<String> marked(String html) {
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<mark>(.*?)</mark>").matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
