package dev.verbatim.search;

import dev.verbatim.index.schema.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
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
 * One per page asked for, on its {@link Search}'s searcher; confined to the request's thread.
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

  private final IndexSearcher searcher;
  private final ReaderState state;
  private final QuoteGroups groups;
  private final SearchRequest request;
  private final Query query;
  private final Cursor cursor;

  /** The page {@code search}'s request asks for among the matches of {@code query}. */
  Paging(Search search, Query query) {
    this.searcher = search.searcher();
    this.state = search.state();
    this.groups = search.groups();
    this.request = search.request();
    this.query = query;
    this.cursor = request.cursor() == null ? null : Cursor.decode(request.cursor());
  }

  /**
   * One page: the hits (one per result), the total, the matches for facets (null unless asked for)
   * and the cursor for the next page.
   */
  record Page(
      List<ScoreDoc> hits,
      long total,
      boolean totalExact,
      FacetsCollector matches,
      String nextCursor) {
    /** Nothing found, nothing counted: what a search cut short before its first batch shows. */
    static final Page NONE = new Page(List.of(), 0, false, null, null);
  }

  Page page() throws IOException {
    if (cursor != null) {
      cursor.checkBelongsTo(request);
    }
    ScoreDoc after = cursor == null ? null : cursor.toScoreDoc();
    int batch = Math.min(MAX_BATCH, Math.max(FIRST_BATCH, request.offset() + request.limit() + 1));

    // The first batch also counts: every match up to the threshold (all of them with facets,
    // which visit every match anyway, so the total can be exact at no extra cost).
    int cap = request.facets() ? Integer.MAX_VALUE : TOTAL_THRESHOLD;
    CollectorManager<?, QuoteGroups.Counted> counted =
        QuoteGroups.counting(topDocs(batch, after, cap), state, cap);
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
    ScoreDoc[] docs = withScores(first.top());
    QuoteGroups.Distinct total = first.total();

    List<ScoreDoc> hits = new ArrayList<>(request.limit());
    Set<Long> seen = new HashSet<>();
    int skipped = 0;
    long scanned = 0;
    ScoreDoc resumeAt = null;
    walk:
    while (true) {
      for (ScoreDoc hit : docs) {
        scanned++;
        long group = groups.group(hit.doc);
        if (group >= 0) {
          if (!seen.add(group)) {
            continue;
          }
          if (cursor != null && shownBefore(groups.fingerprint(hit.doc))) {
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
      docs = withScores(searcher.search(query, topDocs(batch, after)));
    }
    String next = resumeAt == null ? null : Cursor.after(request, resumeAt).encode();
    return new Page(hits, total.count(), total.exact(), matches, next);
  }

  /** Whether the best occurrence of the quote {@code fingerprint} sorts at or before the cursor. */
  private boolean shownBefore(String fingerprint) throws IOException {
    if (groups.occurrenceCount(fingerprint) <= 1) {
      // Its only occurrence is the one just met after the cursor.
      return false;
    }
    Query occurrences =
        new BooleanQuery.Builder()
            .add(query, BooleanClause.Occur.MUST)
            .add(groups.members(fingerprint), BooleanClause.Occur.FILTER)
            .build();
    ScoreDoc[] best = withScores(searcher.search(occurrences, topDocs(1, null)));
    return best.length > 0 && cursor.passed(best[0]);
  }

  private CollectorManager<?, ? extends TopDocs> topDocs(int n, ScoreDoc after) {
    return topDocs(n, after, TOTAL_THRESHOLD);
  }

  // Past totalThreshold matches, top-k collection skips documents that cannot make the page.
  private CollectorManager<?, ? extends TopDocs> topDocs(
      int n, ScoreDoc after, int totalThreshold) {
    if (request.sort() == SearchRequest.SortOrder.DATE) {
      return new TopFieldCollectorManager(BY_DATE, n, (FieldDoc) after, totalThreshold);
    }
    return new TopScoreDocCollectorManager(n, after, totalThreshold);
  }

  // A field sort reports the score among its sort values; keep it where relevance order has it.
  private ScoreDoc[] withScores(TopDocs top) {
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
