package dev.verbatim.search;

import static dev.verbatim.index.NearDupCorpus.HARBOUR;
import static dev.verbatim.index.NearDupCorpus.copy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.index.Indexer;
import dev.verbatim.index.NearDupCorpus;
import dev.verbatim.index.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Near-duplicate groups are the connected components of "same quotation", whatever the order the
 * printings were indexed in, over the harbour printings of {@code neardup-corpus}: b ("harbor") and
 * c ("all" dropped) are two words apart, a and d are one word from each.
 */
class QuoteMergesTest {
  @TempDir Path tmp;

  @Test
  void twoWorkersOverTheWholeFixtureGiveOneQuote() throws IOException {
    Path index = tmp.resolve("index");
    new Indexer(2).rebuild(NearDupCorpus.folder(), index);
    // 8 articles, the harbour quote, two budget lines and two tax lines.
    assertOneHarbourQuote(index, HARBOUR, 13);
  }

  @Test
  void oneWorkerInAnyFileOrderGivesOneQuote() throws IOException {
    List<List<String>> orders =
        List.of(
            List.of("harbour-b", "harbour-c", "harbour-a", "harbour-d"),
            List.of("harbour-c", "harbour-b", "harbour-d", "harbour-a"),
            List.of("harbour-b", "harbour-c", "harbour-d", "harbour-a"),
            List.of("harbour-d", "harbour-a", "harbour-c", "harbour-b"));
    for (List<String> order : orders) {
      // Files are read in name order: 1 first.
      Path corpus = Files.createDirectories(tmp.resolve("corpus-" + orders.indexOf(order)));
      for (int i = 0; i < order.size(); i++) {
        copy(order.get(i), corpus, (i + 1) + "-" + order.get(i));
      }
      Path index = tmp.resolve("index-" + orders.indexOf(order));
      new Indexer(1).rebuild(corpus, index);
      assertOneHarbourQuote(index, HARBOUR, 5);
    }
  }

  @Test
  void printingsAddedOneRunAtATimeGiveOneQuote() throws IOException {
    Path index = oneRunEach(List.of("harbour-b", "harbour-c", "harbour-a", "harbour-d"));
    assertOneHarbourQuote(index, HARBOUR, 5);
  }

  @Test
  void deletingTheBridgeSplitsTheQuoteAgain() throws IOException {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Path index = tmp.resolve("index");
    copy("harbour-b", corpus, "harbour-b");
    copy("harbour-c", corpus, "harbour-c");
    new Indexer(1).update(corpus, index);
    try (Searcher searcher = CompleteAnswers.open(index)) {
      assertEquals(2, quotes(searcher, "harbour OR harbor").total());
    }

    copy("harbour-a", corpus, "harbour-a");
    new Indexer(1).update(corpus, index);
    assertOneHarbourQuote(index, List.of("harbour-a", "harbour-b", "harbour-c"), 4);

    Files.delete(corpus.resolve("harbour-a.jsonl"));
    new Indexer(1).update(corpus, index);
    try (Searcher searcher = CompleteAnswers.open(index)) {
      SearchResult result = quotes(searcher, "harbour OR harbor");
      assertEquals(2, result.total());
      assertEquals(
          List.of(List.of("harbour-b"), List.of("harbour-c")),
          result.hits().stream()
              .map(h -> articleIds(h.sources()))
              .sorted(QuoteMergesTest::byFirst)
              .toList());
      // 2 articles and 2 distinct quotes.
      assertEquals(4, searcher.search(SearchRequest.builder("").withLimit(1).build()).total());
    }
  }

  @Test
  void pagesAfterACursorDoNotShowAMergedQuoteAgain() throws IOException {
    Path index = oneRunEach(List.of("harbour-b", "harbour-c", "harbour-a", "budget-a"));
    try (Searcher searcher = CompleteAnswers.open(index)) {
      for (SearchRequest.SortOrder sort : SearchRequest.SortOrder.values()) {
        List<String> shown = new ArrayList<>();
        SearchRequest request =
            SearchRequest.builder("harbour OR harbor OR winter OR keep OR budget")
                .withType(SearchRequest.Type.QUOTE)
                .withSort(sort)
                .withLimit(1)
                .build();
        SearchResult page = searcher.search(request);
        page.hits().forEach(h -> shown.add(h.quoteId()));
        while (page.nextCursor() != null && shown.size() < 10) {
          page = searcher.search(request.toBuilder().withCursor(page.nextCursor()).build());
          page.hits().forEach(h -> shown.add(h.quoteId()));
        }
        assertEquals(2, shown.size(), sort + ": " + shown);
        assertEquals(2, Set.copyOf(shown).size(), sort + ": " + shown);
      }
    }
  }

  @Test
  void anIndexWithoutMergesKeepsEveryGroupApart() throws IOException {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    copy("harbour-b", corpus, "harbour-b");
    copy("harbour-c", corpus, "harbour-c");
    Path index = tmp.resolve("index");
    new Indexer(2).rebuild(corpus, index);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      assertNull(org.apache.lucene.index.MultiTerms.getTerms(reader, Schema.MERGES));
    }
    try (Searcher searcher = CompleteAnswers.open(index)) {
      assertEquals(2, quotes(searcher, "harbour OR harbor").total());
    }
  }

  /** An index built by adding {@code fixtures} to a corpus one at a time, an indexing run each. */
  private Path oneRunEach(List<String> fixtures) throws IOException {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Path index = tmp.resolve("index");
    for (String name : fixtures) {
      copy(name, corpus, name);
      new Indexer(1).update(corpus, index);
    }
    return index;
  }

  /**
   * One harbour result listing {@code members}, counted once among {@code all} results, and found
   * by every member's own id.
   */
  private static void assertOneHarbourQuote(Path index, List<String> members, int all)
      throws IOException {
    Set<String> ownIds = ownQuoteIds(index);
    try (Searcher searcher = CompleteAnswers.open(index)) {
      SearchResult result = quotes(searcher, "harbour OR harbor");
      assertEquals(1, result.total(), ownIds.toString());
      assertEquals(1, result.hits().size());
      SearchResult.Hit hit = result.hits().get(0);
      assertEquals(members, articleIds(hit.sources()));
      assertEquals(all, searcher.search(SearchRequest.builder("").withLimit(1).build()).total());
      for (String id : ownIds) {
        Quotation q = searcher.quote(id).orElseThrow();
        assertEquals(members, articleIds(q.sources()), id);
        assertEquals(hit.quoteId(), q.quoteId(), id);
      }
      // The earliest printing, a's or else b's, is the one a quotation shows.
      assertEquals(
          members.contains("harbour-a")
              ? "We will keep the harbour open all winter long,"
              : "We will keep the harbor open all winter long,",
          searcher.quote(hit.quoteId()).orElseThrow().text());
    }
  }

  /**
   * The groups and facet state of an index view are built by the first search on it, and are the
   * view's, not that search's: reading them is never stopped at the request's time limit (on the 1M
   * bench index that took longer than the limit, and the first requests failed with 500).
   */
  @Test
  void theFirstSearchOnAViewBuildsItsGroupsWhateverItsTimeLimit() throws IOException {
    // Printings indexed a run at a time: the index records merged groups.
    Path index = oneRunEach(List.of("harbour-b", "harbour-c", "harbour-a", "budget-a"));
    try (Searcher searcher = Searcher.open(index, java.time.Duration.ZERO)) {
      SearchResult result = searcher.search(SearchRequest.of("harbour"));
      assertTrue(result.timedOut(), "a zero limit stops matching");
    }
    try (Searcher searcher = CompleteAnswers.open(index)) {
      assertTrue(!searcher.search(SearchRequest.of("harbour")).hits().isEmpty());
    }
  }

  @Test
  void sourcesAreListedInFullEvenWhenMatchingRanOutOfTime() throws IOException {
    Path index = tmp.resolve("index");
    new Indexer(2).rebuild(NearDupCorpus.folder(), index);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      ReaderState state = new ReaderState.Cache().of(reader);
      // The searcher a request holds once its matching time is up: every search on it times out.
      IndexSearcher timedOut = new IndexSearcher(reader);
      timedOut.setTimeout(() -> true);
      TopDocs harbourA =
          new IndexSearcher(reader)
              .search(
                  new BooleanQuery.Builder()
                      .add(
                          new TermQuery(new Term(Schema.ARTICLE_ID, "harbour-a")),
                          BooleanClause.Occur.FILTER)
                      .add(
                          new TermQuery(new Term(Schema.TYPE, Schema.TYPE_QUOTE)),
                          BooleanClause.Occur.FILTER)
                      .build(),
                  1);
      Document quote = reader.storedFields().document(harbourA.scoreDocs[0].doc);
      List<SearchResult.Source> sources =
          new QuoteGroups(timedOut, state)
              .sources(quote.get(Schema.FINGERPRINT), harbourA.scoreDocs[0].doc, quote);
      assertEquals(HARBOUR, articleIds(sources).stream().sorted().toList());
    }
  }

  /** The id each harbour quote document was given for its own group when indexed. */
  private static Set<String> ownQuoteIds(Path index) throws IOException {
    Set<String> ids = new TreeSet<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      StoredFields stored = reader.storedFields();
      Bits live = MultiBits.getLiveDocs(reader);
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        if (live == null || live.get(doc)) {
          Document d = stored.document(doc);
          if (d.get(Schema.QUOTE_ID) != null && d.get(Schema.ARTICLE_ID).startsWith("harbour")) {
            ids.add(d.get(Schema.QUOTE_ID));
          }
        }
      }
    }
    return ids;
  }

  private static int byFirst(List<String> x, List<String> y) {
    return x.get(0).compareTo(y.get(0));
  }

  private static List<String> articleIds(List<SearchResult.Source> sources) {
    return sources.stream().map(SearchResult.Source::articleId).toList();
  }

  private static SearchResult quotes(Searcher searcher, String query) throws IOException {
    return searcher.search(SearchRequest.builder(query).withType(SearchRequest.Type.QUOTE).build());
  }
}
