package dev.verbatim.search;

import dev.verbatim.index.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Finds one page of results: sorts, collapses a quote's occurrences to its best one, skips to the
 * offset or resumes after a cursor, counts the total and (on request) gathers matches for facets.
 * Stateless.
 *
 * <p>Collapsing happens while walking the sorted hits in growing batches (search-after), so a page
 * costs what its depth costs, not what the whole result costs. When resuming from a cursor, a quote
 * met again is skipped if its best occurrence sorts before the cursor: an earlier page showed it.
 */
final class Paging {
  /** Lucene's default: totals are exact up to this many matching documents. */
  static final int TOTAL_THRESHOLD = 1_000;

  private static final int FIRST_BATCH = 50;
  private static final int MAX_BATCH = 10_000;
  // Bounds the work for one page when one quote is repeated in a great many articles.
  private static final int MAX_SCANNED = 200_000;

  private static final Sort BY_DATE = dateSort();

  private Paging() {}

  /**
   * One page: the hits (one per result), the total, the matches for facets (null unless asked for)
   * and the cursor for the next page.
   */
  record Page(
      List<ScoreDoc> hits,
      long total,
      boolean totalExact,
      FacetsCollector matches,
      String nextCursor) {}

  static Page page(IndexSearcher searcher, ReaderState state, Query query, SearchRequest request)
      throws IOException {
    Cursor cursor = request.cursor() == null ? null : Cursor.decode(request.cursor());
    if (cursor != null) {
      cursor.checkBelongsTo(request);
    }
    ScoreDoc after = cursor == null ? null : cursor.toScoreDoc();
    int batch = Math.min(MAX_BATCH, Math.max(FIRST_BATCH, request.offset() + request.limit() + 1));

    // The first batch also counts: every match up to the threshold (all of them with facets,
    // which visit every match anyway, so the total can be exact at no extra cost).
    int cap = request.facets() ? Integer.MAX_VALUE : TOTAL_THRESHOLD;
    CollectorManager<?, QuoteGroups.Counted> counted =
        QuoteGroups.counting(topDocs(request, batch, after, cap), state, cap);
    QuoteGroups.Counted first;
    FacetsCollector matches = null;
    if (request.facets()) {
      FacetsCollectorManager facets = new FacetsCollectorManager();
      Object[] collected = searcher.search(query, new MultiCollectorManager(counted, facets));
      first = (QuoteGroups.Counted) collected[0];
      matches = (FacetsCollector) collected[1];
    } else {
      first = searcher.search(query, counted);
    }
    ScoreDoc[] docs = withScores(request, first.top());
    QuoteGroups.Distinct total = first.total();

    List<ScoreDoc> hits = new ArrayList<>(request.limit());
    Set<Long> seen = new HashSet<>();
    IndexReader reader = searcher.getIndexReader();
    int skipped = 0;
    long scanned = 0;
    ScoreDoc resumeAt = null;
    walk:
    while (true) {
      for (ScoreDoc hit : docs) {
        scanned++;
        long group = QuoteGroups.group(reader, state, hit.doc);
        if (group >= 0) {
          if (!seen.add(group)) {
            continue;
          }
          if (cursor != null
              && shownBefore(
                  searcher,
                  state,
                  query,
                  request,
                  QuoteGroups.fingerprint(reader, hit.doc),
                  cursor)) {
            continue;
          }
        }
        if (skipped < request.offset()) {
          skipped++;
          continue;
        }
        if (hits.size() == request.limit()) {
          resumeAt = hits.get(hits.size() - 1);
          break walk;
        }
        hits.add(hit);
      }
      if (docs.length < batch) {
        break;
      }
      if (scanned >= MAX_SCANNED) {
        // Let the caller continue from here rather than scanning without end.
        resumeAt = docs[docs.length - 1];
        break;
      }
      after = docs[docs.length - 1];
      batch = Math.min(batch * 2, MAX_BATCH);
      docs = withScores(request, searcher.search(query, topDocs(request, batch, after)));
    }
    String next = resumeAt == null ? null : Cursor.after(request, resumeAt).encode();
    return new Page(hits, total.count(), total.exact(), matches, next);
  }

  /**
   * Whether the best occurrence of the quote {@code fingerprint} sorts at or before {@code cursor}.
   */
  private static boolean shownBefore(
      IndexSearcher searcher,
      ReaderState state,
      Query query,
      SearchRequest request,
      String fingerprint,
      Cursor cursor)
      throws IOException {
    if (QuoteGroups.occurrenceCount(searcher.getIndexReader(), state, fingerprint) <= 1) {
      // Its only occurrence is the one just met after the cursor.
      return false;
    }
    Query occurrences =
        new BooleanQuery.Builder()
            .add(query, BooleanClause.Occur.MUST)
            .add(QuoteGroups.members(state, fingerprint), BooleanClause.Occur.FILTER)
            .build();
    ScoreDoc[] best = withScores(request, searcher.search(occurrences, topDocs(request, 1, null)));
    return best.length > 0 && cursor.passed(best[0]);
  }

  private static CollectorManager<?, ? extends TopDocs> topDocs(
      SearchRequest request, int n, ScoreDoc after) {
    return topDocs(request, n, after, TOTAL_THRESHOLD);
  }

  // Past totalThreshold matches, top-k collection skips documents that cannot make the page.
  private static CollectorManager<?, ? extends TopDocs> topDocs(
      SearchRequest request, int n, ScoreDoc after, int totalThreshold) {
    if (request.sort() == SearchRequest.SortOrder.DATE) {
      return new TopFieldCollectorManager(BY_DATE, n, (FieldDoc) after, totalThreshold);
    }
    return new TopScoreDocCollectorManager(n, after, totalThreshold);
  }

  // A field sort reports the score among its sort values; keep it where relevance order has it.
  private static ScoreDoc[] withScores(SearchRequest request, TopDocs top) {
    if (request.sort() == SearchRequest.SortOrder.DATE) {
      for (ScoreDoc sd : top.scoreDocs) {
        sd.score = (Float) ((FieldDoc) sd).fields[1];
      }
    }
    return top.scoreDocs;
  }

  private static Sort dateSort() {
    // Undated documents count as the oldest, so they come last in newest-first order.
    SortField newest = new SortField(Schema.DATE, SortField.Type.LONG, true, Long.MIN_VALUE);
    return new Sort(newest, SortField.FIELD_SCORE);
  }
}
