package dev.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.index.Indexer;
import dev.verbatim.index.schema.Schema;
import dev.verbatim.search.query.Cursor;
import dev.verbatim.search.query.Ranking;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ranking in two phases (a first pass that can skip, its best candidates re-ranked) over {@code
 * results-corpus} and {@code fixture-corpus}: the same matches, pages that never reorder, and with
 * enough candidates the same order as one pass.
 */
class TwoPhaseTest {
  @TempDir static Path dir;
  static DirectoryReader reader;
  static IndexSearcher searcher;
  static ReaderState state;
  static final Analyzer ANALYZER = Schema.analyzer();

  static final List<SearchRequest> QUERIES =
      List.of(
          SearchRequest.of("harvest OR field"),
          SearchRequest.of("harvest"),
          SearchRequest.of("harvest field report"),
          SearchRequest.builder("harvest").withType(SearchRequest.Type.QUOTE).build(),
          SearchRequest.ofWords("the harvest report from the field was late this year"),
          SearchRequest.of("\"harvest report\" OR rain"));

  @BeforeAll
  static void index() throws Exception {
    Path corpus = Path.of(TwoPhaseTest.class.getResource("/results-corpus").toURI());
    new Indexer(1).rebuild(corpus, dir.resolve("index"));
    reader = DirectoryReader.open(FSDirectory.open(dir.resolve("index")));
    searcher = new IndexSearcher(reader);
    searcher.setSimilarity(Ranking.DEFAULT.similarity());
    state = new ReaderState.Cache().of(reader);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
  }

  static Ranking candidates(int n) {
    return Ranking.DEFAULT.toBuilder().withCandidates(n).build();
  }

  /** One page as {@link Search} asks for it, without highlighting. */
  static Paging.Page page(Ranking ranking, SearchRequest request) throws IOException {
    try (SearchTimeLimit.Budget budget =
        new SearchTimeLimit(Duration.ofMinutes(1)).start(request.query())) {
      Search search =
          new Search(
              request, ranking, searcher, state, budget, ANALYZER, new Highlighting(ANALYZER));
      Query parsed = ranking.interpret(request, ANALYZER).query();
      Query full = searcher.rewrite(search.filtered(parsed));
      Query firstPass = ranking.firstPass(parsed);
      Query first = firstPass == null ? null : searcher.rewrite(search.filtered(firstPass));
      return new Paging(search, full, first, ranking.candidates()).page();
    }
  }

  static SearchRequest sized(SearchRequest q, int limit) {
    return q.toBuilder().withLimit(limit).withFacets(false).build();
  }

  static List<Integer> docs(Paging.Page page) {
    return page.hits().stream().map(h -> h.doc).toList();
  }

  @Test
  void theFirstPassScoresHeadlineAndBodyApartWithoutTheProximityClause() {
    Ranking ranking = candidates(10);
    Query full = ranking.interpret(SearchRequest.of("harvest report"), ANALYZER).query();
    Query first = ranking.firstPass(full);
    assertTrue(count(full, CombinedFieldQuery.class) > 0, full.toString());
    assertTrue(count(full, PhraseQuery.class) > 0, full.toString());
    assertEquals(0, count(first, CombinedFieldQuery.class), first.toString());
    assertEquals(0, count(first, PhraseQuery.class), first.toString());
    assertTrue(
        first.toString().contains("title:harvest text:harvest")
            || first.toString().contains("text:harvest title:harvest"),
        first.toString());
    assertNull(candidates(0).firstPass(full));
  }

  @Test
  void withEnoughCandidatesTheOrderIsThatOfOnePass() throws IOException {
    for (SearchRequest q : QUERIES) {
      SearchRequest all = sized(q, SearchRequest.MAX_LIMIT);
      Paging.Page one = page(candidates(0), all);
      Paging.Page two = page(candidates(1000), all);
      assertEquals(docs(one), docs(two), q.query());
      for (int i = 0; i < one.hits().size(); i++) {
        assertEquals(one.hits().get(i).score, two.hits().get(i).score, 1e-5f, q.query());
      }
      assertEquals(one.total(), two.total(), q.query());
    }
  }

  @Test
  void everyDepthFindsTheSameMatchesAndScoresFallDownTheWholeList() throws IOException {
    for (SearchRequest q : QUERIES) {
      SearchRequest all = sized(q, SearchRequest.MAX_LIMIT);
      List<Integer> expected = docs(page(candidates(0), all)).stream().sorted().toList();
      for (int n : new int[] {1, 2, 3, 5}) {
        Paging.Page p = page(candidates(n), all);
        assertEquals(expected, docs(p).stream().sorted().toList(), q.query() + " at " + n);
        List<ScoreDoc> hits = p.hits();
        for (int i = 1; i < hits.size(); i++) {
          assertTrue(
              hits.get(i).score <= hits.get(i - 1).score,
              q.query() + " at " + n + ": scores rise at " + i);
        }
      }
    }
  }

  @Test
  void pagesByOffsetAndByCursorNeverReorderWhateverTheDepth() throws IOException {
    for (SearchRequest q : QUERIES) {
      for (int n : new int[] {1, 2, 3, 5, 1000}) {
        Ranking ranking = candidates(n);
        List<Integer> whole = docs(page(ranking, sized(q, SearchRequest.MAX_LIMIT)));
        for (int size : new int[] {1, 2, 3}) {
          SearchRequest first = sized(q, size);
          List<Integer> byOffset = new ArrayList<>();
          for (int offset = 0; offset < whole.size() + size; offset += size) {
            byOffset.addAll(docs(page(ranking, first.toBuilder().withOffset(offset).build())));
          }
          assertEquals(whole, byOffset, q.query() + " at " + n + ", pages of " + size);
          List<Integer> byCursor = new ArrayList<>();
          Paging.Page p = page(ranking, first);
          byCursor.addAll(docs(p));
          for (int guard = 0; p.nextCursor() != null && guard < 100; guard++) {
            p = page(ranking, first.toBuilder().withCursor(p.nextCursor()).build());
            byCursor.addAll(docs(p));
          }
          assertEquals(whole, byCursor, q.query() + " at " + n + ", cursor pages of " + size);
        }
      }
    }
  }

  @Test
  void aCursorFromTheCandidatesOrAfterThemSurvivesEncoding() throws IOException {
    Ranking ranking = candidates(2);
    SearchRequest q = sized(SearchRequest.of("harvest OR field"), 1);
    String inside = page(ranking, q).nextCursor();
    assertNotNull(inside);
    assertTrue(Cursor.decode(inside).inWindow());
    String past = page(ranking, sized(q, 3)).nextCursor();
    assertNotNull(past);
    Cursor after = Cursor.decode(past);
    assertTrue(!after.inWindow() && after.window().depthScore() > 0, past);
    assertEquals(after, Cursor.decode(after.encode()));
  }

  private static int count(Query q, Class<? extends Query> type) {
    int[] n = {0};
    q.visit(
        new QueryVisitor() {
          @Override
          public void visitLeaf(Query leaf) {
            n[0] += type.isInstance(leaf) ? 1 : 0;
          }

          @Override
          public void consumeTerms(Query query, org.apache.lucene.index.Term... terms) {
            n[0] += type.isInstance(query) ? 1 : 0;
          }

          @Override
          public QueryVisitor getSubVisitor(
              org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    return n[0];
  }
}
