package dev.verbatim.search;

import dev.verbatim.index.schema.Schema;
import dev.verbatim.search.query.Cursor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.apache.lucene.search.QueryRescorer;
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

  private static final int MAX_BATCH = 10_000;
  // Bounds the work for one page when one quote is repeated in a great many articles.
  private static final int MAX_SCANNED = 200_000;

  private static final Sort BY_DATE = dateSort();

  private final IndexSearcher searcher;
  private final ReaderState state;
  private final QuoteGroups groups;
  private final SearchRequest request;
  // What ranks the result, and what matching and the order past the candidates run.
  private final Query query;
  private final Query retrieve;
  private final boolean twoPhase;
  private final int candidates;
  private final Cursor cursor;

  /**
   * The page {@code search}'s request asks for among the matches of {@code query}. With {@code
   * firstPass} (relevance order only), matching and the order past the {@code candidates} best runs
   * {@code firstPass}, whose scores let Lucene skip; those candidates are re-ranked by {@code
   * query}'s score. The candidates are always the same first-pass top, whatever page is asked, so
   * pages never reorder as the user pages on; a page at offset N reads max(candidates, N + limit)
   * of the first pass and re-ranks only the candidates.
   */
  Paging(Search search, Query query, Query firstPass, int candidates) {
    this.searcher = search.searcher();
    this.state = search.state();
    this.groups = search.groups();
    this.request = search.request();
    this.query = query;
    this.twoPhase =
        firstPass != null && candidates > 0 && request.sort() == SearchRequest.SortOrder.RELEVANCE;
    this.retrieve = twoPhase ? firstPass : query;
    this.candidates = candidates;
    this.cursor = request.cursor() == null ? null : Cursor.decode(request.cursor());
  }

  /** A candidate with its second-pass score. */
  private static final class Rescored extends ScoreDoc {
    Rescored(int doc, float score) {
      super(doc, score);
    }
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
    // A cursor among the candidates resumes by walking them again from the top.
    boolean fromTop = cursor == null || cursor.inWindow();
    ScoreDoc after = fromTop ? null : cursor.toScoreDoc();
    // Exactly what the page needs (one more says whether a next page exists); more only when
    // collapsing repeated quotes leaves it short. A deeper first batch lowers the score a match
    // must beat to be collected, so Lucene skips less: a first batch of 50 made a frequent
    // phrase's matching cost 2.6 times that of a top 10.
    int batch = Math.min(MAX_BATCH, request.offset() + request.limit() + 1);
    if (twoPhase && fromTop) {
      batch = Math.max(batch, candidates);
    }

    // The first batch also counts: every match up to the threshold (all of them with facets,
    // which visit every match anyway, so the total can be exact at no extra cost).
    int cap = request.facets() ? Integer.MAX_VALUE : TOTAL_THRESHOLD;
    CollectorManager<?, QuoteGroups.Counted> counted =
        QuoteGroups.counting(topDocs(batch, after, cap), state, cap);
    QuoteGroups.Counted first;
    FacetsCollector matches = null;
    if (request.facets()) {
      FacetsCollectorManager facets = new FacetsCollectorManager();
      Object[] collected = searcher.search(retrieve, new MultiCollectorManager(counted, facets));
      first = (QuoteGroups.Counted) collected[0];
      matches = (FacetsCollector) collected[1];
    } else {
      first = searcher.search(retrieve, counted);
    }
    ScoreDoc[] fetched = withScores(first.top());
    QuoteGroups.Distinct total = first.total();
    Cursor.Window window = Cursor.Window.NONE;
    ScoreDoc[] docs = fetched;
    if (twoPhase && fromTop) {
      int n = Math.min(candidates, fetched.length);
      if (n > 0) {
        float depthScore = fetched[n - 1].score;
        docs = rescored(fetched, n);
        window = new Cursor.Window(docs[n - 1].score, depthScore);
      }
    } else if (twoPhase) {
      window = cursor.window();
    }

    List<ScoreDoc> hits = new ArrayList<>(request.limit());
    Set<Long> seen = new HashSet<>();
    int skipped = 0;
    long scanned = 0;
    ScoreDoc resumeAt = null;
    walk:
    while (true) {
      for (ScoreDoc hit : docs) {
        scanned++;
        // A quote printed once, or an article, is a result of its own: only repeated quotes can
        // have been shown already, on this page or an earlier one.
        if (state.repeated(hit.doc)) {
          if (!seen.add(groups.group(hit.doc))) {
            continue;
          }
          if (cursor != null && !fromTop && shownBefore(hit.doc)) {
            continue;
          }
        }
        if (cursor != null && fromTop && hit instanceof Rescored && cursor.passed(hit)) {
          // A candidate an earlier page showed (or passed over as a repeat of a quote).
          continue;
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
      if (fetched.length < batch) {
        break;
      }
      if (scanned >= MAX_SCANNED) {
        // Let the caller continue from here rather than scanning without end.
        resumeAt = fetched[fetched.length - 1];
        break;
      }
      // Search-after continues in the first pass's order, after the last document it gave.
      after = fetched[fetched.length - 1];
      batch = Math.min(batch * 2, MAX_BATCH);
      fetched = withScores(searcher.search(retrieve, topDocs(batch, after)));
      docs = fetched;
    }
    String next =
        resumeAt == null
            ? null
            : Cursor.after(request, resumeAt, resumeAt instanceof Rescored, window).encode();
    List<ScoreDoc> shown = new ArrayList<>(hits.size());
    for (ScoreDoc hit : hits) {
      shown.add(
          hit instanceof Rescored || !twoPhase
              ? hit
              : new ScoreDoc(hit.doc, window.shown(hit.score)));
    }
    return new Page(shown, total.count(), total.exact(), matches, next);
  }

  /**
   * {@code fetched} with its first {@code n} re-ranked by {@link #query}'s score (best first, ties
   * by document), the rest after them in first-pass order.
   */
  private ScoreDoc[] rescored(ScoreDoc[] fetched, int n) throws IOException {
    ScoreDoc[] top = new ScoreDoc[n];
    for (int i = 0; i < n; i++) {
      // Copies: the rescorer sets the scores of the documents it is given.
      top[i] = new ScoreDoc(fetched[i].doc, fetched[i].score);
    }
    QueryRescorer second =
        new QueryRescorer(query) {
          @Override
          protected float combine(float firstPassScore, boolean secondPassMatches, float score) {
            // Both passes match the same documents; only the score changes.
            return secondPassMatches ? score : firstPassScore;
          }
        };
    ScoreDoc[] ranked = second.rescore(searcher, new TopDocs(null, top), n).scoreDocs;
    ScoreDoc[] out = new ScoreDoc[fetched.length];
    for (int i = 0; i < n; i++) {
      out[i] = new Rescored(ranked[i].doc, ranked[i].score);
    }
    Arrays.sort(out, 0, n, (a, b) -> Cursor.compare(a, b, SearchRequest.SortOrder.RELEVANCE));
    System.arraycopy(fetched, n, out, n, fetched.length - n);
    return out;
  }

  /**
   * Whether the best occurrence of the repeated quote {@code doc} sorts at or before the cursor.
   */
  private boolean shownBefore(int doc) throws IOException {
    String fingerprint = groups.fingerprint(doc);
    Query occurrences =
        new BooleanQuery.Builder()
            .add(retrieve, BooleanClause.Occur.MUST)
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
