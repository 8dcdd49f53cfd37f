package dev.verbatim.search;

import dev.verbatim.search.query.ParsedQuery;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.IndexSearcher;

/**
 * Bounds the time one search takes, phase by phase, so that every answer comes within a second
 * however expensive the query. Collecting hits stops at the limit and keeps what it found (Lucene's
 * {@link IndexSearcher#setTimeout}); everything that enumerates terms or reads doc values
 * (wildcard, fuzzy and prefix rewrites, sorting, facets, highlighting of multi-term queries,
 * spelling suggestions) reads through an {@link ExitableDirectoryReader} that throws once the
 * phase's deadline has passed; the search then answers with what it has and a notice. Immutable and
 * thread-safe; each request gets its own {@link Budget}.
 */
final class SearchTimeLimit {
  /**
   * Time to match and score, counted from the start of the request. Reads for the search may go on
   * a quarter longer, so collection stops by itself and keeps its hits; highlighting, facets and
   * the suggestion may use up to 1.5 times the limit in all. That leaves 400 ms of the second for
   * queueing, JSON, garbage collection and a loaded machine.
   */
  static final Duration DEFAULT = Duration.ofMillis(400);

  /** Said when matching was cut short. */
  static final String STOPPED = ParsedQuery.STOPPED_AT_TIME_LIMIT;

  /** Said when matching was cut short before it found anything, even with more time. */
  static final String TIMED_OUT_EMPTY = ParsedQuery.TIMED_OUT_EMPTY;

  /** Searches slower than this log how long each phase took. */
  private static final long SLOW_NANOS = 300_000_000L;

  private static final System.Logger LOG = System.getLogger(SearchTimeLimit.class.getName());

  // The reader is shared by every request; each thread's request brings its own deadline.
  private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();

  private static final QueryTimeout READS =
      new QueryTimeout() {
        @Override
        public boolean shouldExit() {
          Budget budget = CURRENT.get();
          return budget != null && budget.readsOver();
        }
      };

  private final long nanos;

  SearchTimeLimit(Duration limit) {
    if (limit.isNegative()) {
      throw new IllegalArgumentException("search time limit must be >= 0, got " + limit);
    }
    this.nanos = limit.toNanos();
  }

  /**
   * {@code reader} with every term enumeration and doc-value read checking the deadline of the
   * request running on the calling thread; outside a request, reads are never stopped.
   */
  static DirectoryReader exitable(DirectoryReader reader) throws IOException {
    return new ExitableDirectoryReader(reader, READS);
  }

  /**
   * Throws what a time-limited read throws once the read deadline of the request on the calling
   * thread has passed: for work that reads past the wrapper and checks at its own steps.
   */
  static void checkReads() {
    if (READS.shouldExit()) {
      throw new ExitableDirectoryReader.ExitingReaderException(
          "the search's read deadline has passed");
    }
  }

  /** This limit times {@code factor}: the second try of a search that found nothing in time. */
  SearchTimeLimit times(int factor) {
    return new SearchTimeLimit(Duration.ofNanos(nanos * factor));
  }

  /**
   * Starts the clock for one request on the calling thread; close the budget when it is answered.
   */
  Budget start(String query) {
    Budget budget = new Budget(System.nanoTime(), nanos, query);
    CURRENT.set(budget);
    return budget;
  }

  /** One request's deadlines and what was cut short to meet them. Confined to its thread. */
  static final class Budget implements AutoCloseable {
    private final long start;
    private final long searchUntil;
    private final long finishUntil;
    private final String query;
    private long readsUntil;
    private boolean unbounded;
    private boolean stopped;
    private final Set<String> notes = new LinkedHashSet<>();
    private final List<String> laps = new ArrayList<>();
    private long lapStart;

    private Budget(long start, long limit, String query) {
      this.start = start;
      this.searchUntil = start + limit;
      this.readsUntil = start + limit * 5 / 4;
      this.finishUntil = start + limit * 3 / 2;
      this.query = query;
      this.lapStart = start;
    }

    /**
     * A searcher over the same reader, similarity and query cache as {@code shared} whose
     * collection stops at this request's limit; its {@link IndexSearcher#timedOut()} then says the
     * hits and total are partial.
     */
    IndexSearcher bounded(IndexSearcher shared) {
      // setTimeout mutates a searcher, and the shared one serves other threads: hence a copy.
      IndexSearcher bounded = new IndexSearcher(shared.getIndexReader());
      bounded.setSimilarity(shared.getSimilarity());
      bounded.setQueryCache(shared.getQueryCache());
      bounded.setQueryCachingPolicy(shared.getQueryCachingPolicy());
      bounded.setTimeout(() -> System.nanoTime() - searchUntil > 0);
      return bounded;
    }

    /** Matching is done: the optional phases may read until the finishing deadline. */
    void finishing() {
      readsUntil = finishUntil;
      unbounded = false;
    }

    /**
     * Reads a few per hit, which must not fail half-way, are not stopped until {@link #finishing}.
     */
    void unbounded() {
      unbounded = true;
    }

    /** Whether matching's time is up. */
    boolean searchOver() {
      return System.nanoTime() - searchUntil > 0;
    }

    /** Whether the finishing deadline has passed. */
    boolean finishOver() {
      return finishLeftNanos() < 0;
    }

    /** Time left before the finishing deadline; negative once it has passed. */
    long finishLeftNanos() {
      return finishUntil - System.nanoTime();
    }

    private boolean readsOver() {
      return !unbounded && System.nanoTime() - readsUntil > 0;
    }

    /** Matching was cut short: the hits and total are partial. */
    void stopped() {
      stopped = true;
      notes.add(STOPPED);
    }

    boolean wasStopped() {
      return stopped;
    }

    /**
     * {@code phase}'s result, or {@code fallback}'s with {@code note} added to the notices when the
     * deadline stops it.
     */
    <T> T orElse(QueryBackstop.Step<T> phase, Supplier<T> fallback, String note)
        throws IOException {
      try {
        return phase.run();
      } catch (ExitableDirectoryReader.ExitingReaderException e) {
        notes.add(note);
        return fallback.get();
      }
    }

    /** Notes a skipped phase without running it. */
    void skipped(String note) {
      notes.add(note);
    }

    /** What was cut short, for the answer's notice; empty when nothing was. */
    List<String> notes() {
      return List.copyOf(notes);
    }

    /** Milliseconds since the request started. */
    long tookMs() {
      return (System.nanoTime() - start) / 1_000_000;
    }

    /** Ends the phase {@code name}, timing it for the slow-search log. */
    void lap(String name) {
      long now = System.nanoTime();
      laps.add(name + " " + (now - lapStart) / 1_000_000);
      lapStart = now;
    }

    @Override
    public void close() {
      CURRENT.remove();
      long took = System.nanoTime() - start;
      if (took > SLOW_NANOS && LOG.isLoggable(Level.INFO)) {
        String q =
            query.length() <= 80
                ? query
                : query.substring(0, 80) + "... (" + query.length() + " chars)";
        LOG.log(
            Level.INFO,
            String.format(
                Locale.ROOT,
                "slow search %d ms (%s ms)%s: %s",
                took / 1_000_000,
                String.join(", ", laps),
                notes.isEmpty() ? "" : " " + notes,
                q.replaceAll("\\p{Cntrl}", "?")));
      }
    }
  }
}
