package dev.verbatim.search;

import java.time.Duration;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.search.IndexSearcher;

/**
 * Bounds the time one search spends matching and scoring, so that a query matching most of a
 * large index answers with the hits found so far instead of holding a server thread. Immutable
 * and thread-safe; each search gets its own bounded view of the shared searcher.
 */
final class SearchTimeLimit {
  /**
   * Half of the one second an answer may take: parsing, highlighting and writing JSON need the
   * rest.
   */
  static final Duration DEFAULT = Duration.ofMillis(500);

  private final long millis;

  SearchTimeLimit(Duration limit) {
    if (limit.isNegative()) {
      throw new IllegalArgumentException("search time limit must be >= 0, got " + limit);
    }
    this.millis = limit.toMillis();
  }

  /**
   * A searcher over the same reader, similarity and query cache as {@code shared}, whose searches
   * stop collecting once the limit has passed; its {@link IndexSearcher#timedOut()} then says the
   * hits and total are partial. The clock starts now.
   */
  IndexSearcher bounded(IndexSearcher shared) {
    // setTimeout mutates a searcher, and the shared one serves other threads: hence a copy.
    IndexSearcher bounded = new IndexSearcher(shared.getIndexReader());
    bounded.setSimilarity(shared.getSimilarity());
    bounded.setQueryCache(shared.getQueryCache());
    bounded.setQueryCachingPolicy(shared.getQueryCachingPolicy());
    bounded.setTimeout(new QueryTimeoutImpl(millis));
    return bounded;
  }
}
