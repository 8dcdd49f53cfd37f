package dev.verbatim.search;

import dev.verbatim.index.schema.Schema;
import dev.verbatim.search.query.Ranking;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The searcher of a local index folder ({@link Searcher#open(Path)}). Thread-safe: one instance
 * serves any number of concurrent searches; {@link #refresh()} makes a newer commit visible.
 */
final class LocalSearcher implements Searcher {
  private final Directory directory;
  private final SearcherManager manager;
  private final Analyzer analyzer = Schema.analyzer();
  private final Highlighting highlighting = new Highlighting(analyzer);
  private final ReaderState.Cache readerState = new ReaderState.Cache();
  private final SearchTimeLimit timeLimit;

  private LocalSearcher(Directory directory, SearcherManager manager, SearchTimeLimit timeLimit) {
    this.directory = directory;
    this.manager = manager;
    this.timeLimit = timeLimit;
  }

  /**
   * As {@link Searcher#open(Path)}, with {@code timeLimit} for matching instead of {@link
   * Searcher#DEFAULT_TIME_LIMIT}. A search that reaches it answers with what it found, {@code
   * totalExact=false} and a notice; highlighting, facets and the suggestion may take up to half as
   * long again. A batch job that needs complete answers passes a long limit.
   *
   * @throws IllegalArgumentException when {@code timeLimit} is negative
   */
  static LocalSearcher open(Path indexDir, Duration timeLimit) throws IOException {
    if (!Files.isDirectory(indexDir)) {
      throw new IOException(
          "no index at " + indexDir + ": the folder does not exist; run `verbatim index` first");
    }
    Directory dir = FSDirectory.open(indexDir);
    try {
      if (!DirectoryReader.indexExists(dir)) {
        throw new IOException(
            "no index at "
                + indexDir
                + ": the folder holds no index commit; run `verbatim index` first");
      }
      SearcherManager manager =
          new SearcherManager(
              SearchTimeLimit.exitable(DirectoryReader.open(dir)), Ranking.searcherFactory());
      return new LocalSearcher(dir, manager, new SearchTimeLimit(timeLimit));
    } catch (CorruptIndexException
        | IndexFormatTooOldException
        | IndexFormatTooNewException
        | EOFException
        | NoSuchFileException e) {
      dir.close();
      // Lucene's own message names internal files and checksums; the operator needs the fix.
      throw new IOException(
          "the index at "
              + indexDir
              + " is damaged or incomplete ("
              + e.getClass().getSimpleName()
              + "); rebuild it with `verbatim index --index "
              + indexDir
              + "`",
          e);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /**
   * Runs {@code request}.
   *
   * @throws InvalidQueryException when the query cannot be parsed or is too large
   * @throws IOException when the index cannot be read
   */
  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    return withSearcher(shared -> searchWithRetry(request, shared));
  }

  private SearchResult searchWithRetry(SearchRequest request, IndexSearcher shared)
      throws IOException {
    SearchResult result = searchOnce(request, shared, timeLimit);
    if (result.timedOut() && result.hits().isEmpty()) {
      // A cold JVM or a burst of load can stop a search before it found anything; an empty page
      // would read as "nothing matches". One more try with more time, then it says so plainly.
      result = searchOnce(request, shared, timeLimit.times(RETRY_FACTOR));
      if (result.timedOut() && result.hits().isEmpty()) {
        result =
            new SearchResult(
                result.query(),
                result.total(),
                false,
                result.tookMs(),
                result.hits(),
                result.facets(),
                result.nextCursor(),
                result.notice().replace(SearchTimeLimit.STOPPED, SearchTimeLimit.TIMED_OUT_EMPTY),
                null,
                true);
      }
    }
    return result;
  }

  // A search stopped before it found anything is tried once more with this many times the limit.
  private static final int RETRY_FACTOR = 4;
  // Times the warm-up runs through its searches when its time allows.
  private static final int WARM_UP_PASSES = 3;

  /**
   * Builds what every search of this index view shares (facet state, quote group ordinals) and runs
   * a few searches of words read from the index, so that the JIT and the page cache have seen the
   * work before a user's first query is timed: {@value #WARM_UP_PASSES} passes over them, or less
   * when {@code budget} runs out.
   */
  @Override
  public int warmUp(Duration budget) throws IOException {
    long until = System.nanoTime() + budget.toNanos();
    List<SearchRequest> requests =
        withSearcher(
            s -> {
              readerState.of(s.getIndexReader());
              return Warmup.requests(s);
            });
    SearchTimeLimit untimed = new SearchTimeLimit(budget);
    int runs = 0;
    while (runs < WARM_UP_PASSES * requests.size() && System.nanoTime() < until) {
      SearchRequest request = requests.get(runs % requests.size());
      try {
        withSearcher(s -> searchOnce(request, s, untimed));
      } catch (InvalidQueryException e) {
        // A word read from the index that does not parse is simply not a warm-up query.
      }
      runs++;
    }
    return runs;
  }

  /** {@code request} on the view {@code shared}, within {@code limit}. */
  private SearchResult searchOnce(
      SearchRequest request, IndexSearcher shared, SearchTimeLimit limit) throws IOException {
    // Before the clock starts: what every search of this view shares is built by the first search
    // on it, and no request's time limit may stop that. On the 1M bench index those reads took
    // longer than the limit, and every first request failed (500) until one finished in time.
    ReaderState state = readerState.of(shared.getIndexReader());
    try (SearchTimeLimit.Budget budget = limit.start(request.query())) {
      return search(request, shared, state, budget);
    }
  }

  /** {@code request} on the view {@code shared}, whose reader state is {@code state}. */
  private SearchResult search(
      SearchRequest request, IndexSearcher shared, ReaderState state, SearchTimeLimit.Budget budget)
      throws IOException {
    Ranking ranking = Ranking.of(request.relevance());
    Ranking.Interpretation interpretation =
        QueryBackstop.parse(() -> ranking.interpret(request, analyzer));
    budget.lap("parse");
    return new Search(request, shared, state, budget, analyzer, highlighting)
        .answer(interpretation);
  }

  /**
   * The quote with id {@code quoteId} (a hit's {@link SearchResult.Hit#quoteId()}) and every
   * article that carries it; empty when the index holds no such quote.
   */
  @Override
  public Optional<Quotation> quote(String quoteId) throws IOException {
    return withSearcher(
        searcher ->
            new QuoteGroups(searcher, readerState.of(searcher.getIndexReader()))
                .quotation(quoteId));
  }

  /** Counts of indexed articles and quotes in the current view of the index. */
  @Override
  public Stats stats() throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      ReaderState.Days days = readerState.of(searcher.getIndexReader()).days();
      return new Stats(
          searcher.count(new TermQuery(new Term(Schema.TYPE, Schema.TYPE_ARTICLE))),
          searcher.count(new TermQuery(new Term(Schema.TYPE, Schema.TYPE_QUOTE))),
          days.first(),
          days.last());
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * The article with id {@code id} in full, with its quotes in text order, or empty when the index
   * holds no such article.
   *
   * @throws IOException when the index cannot be read
   */
  @Override
  public Optional<ArticleDetail> article(String id) throws IOException {
    return withSearcher(searcher -> ArticleLookup.article(searcher, id));
  }

  /** Something read from one point-in-time view of the index. */
  private interface Read<T> {
    T from(IndexSearcher searcher) throws IOException;
  }

  private <T> T withSearcher(Read<T> read) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return read.from(searcher);
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Makes the newest commit of the index visible to later searches.
   *
   * @return true when a newer commit was found
   */
  @Override
  public boolean refresh() throws IOException {
    IndexSearcher before = manager.acquire();
    try {
      manager.maybeRefreshBlocking();
      IndexSearcher after = manager.acquire();
      try {
        // Built here, on the refreshing thread, rather than inside the first timed search.
        readerState.of(after.getIndexReader());
        return after != before;
      } finally {
        manager.release(after);
      }
    } finally {
      manager.release(before);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      manager.close();
    } finally {
      directory.close();
    }
  }
}
