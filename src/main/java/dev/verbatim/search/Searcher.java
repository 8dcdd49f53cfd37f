package dev.verbatim.search;

import dev.verbatim.index.Schema;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Searches a Verbatim index: the facade programs embed. Thread-safe: one instance serves any number
 * of concurrent searches; {@link #refresh()} makes a newer commit of the index visible. Close it
 * when done.
 *
 * <pre>{@code
 * try (Searcher searcher = Searcher.open(Path.of("index"))) {
 *   SearchResult result = searcher.search(SearchRequest.of("\"so unfair\"").withType(SearchRequest.Type.QUOTE));
 *   result.hits().forEach(hit -> System.out.println(hit.speaker() + ": " + hit.highlights()));
 * }
 * }</pre>
 */
public final class Searcher implements AutoCloseable {
  private static final Set<String> HIT_FIELDS =
      Set.of(
          Schema.ID,
          Schema.TYPE,
          Schema.ARTICLE_ID,
          Schema.TITLE,
          Schema.ARTICLE_TITLE,
          Schema.SOURCE,
          Schema.DATE,
          Schema.SPEAKER,
          Schema.CUE,
          Schema.KIND,
          Schema.TEXT,
          Schema.OFFSET,
          Schema.FINGERPRINT);

  private static final String FACETS_SKIPPED = "Facet counts left out at the time limit";
  // A search stopped before it found anything is tried once more with this many times the limit.
  private static final int RETRY_FACTOR = 4;
  // Times the warm-up runs through its searches when its time allows.
  private static final int WARM_UP_PASSES = 3;
  // Beyond this many terms, marking a page costs enough to be done a few hits at a time.
  private static final int MANY_TERMS = 64;
  private static final String MARKS_SKIPPED = "Matches not marked: the time limit was reached";
  private static final String SUGGESTION_SKIPPED =
      "No spelling suggestion: the time limit was reached";

  private final Directory directory;
  private final SearcherManager manager;
  private final Analyzer analyzer = Schema.analyzer();
  private final Highlighting highlighting = new Highlighting(analyzer);
  private final ReaderState.Cache readerState = new ReaderState.Cache();
  private final SearchTimeLimit timeLimit;

  private Searcher(Directory directory, SearcherManager manager, SearchTimeLimit timeLimit) {
    this.directory = directory;
    this.manager = manager;
    this.timeLimit = timeLimit;
  }

  /**
   * Opens the index in {@code indexDir}.
   *
   * @throws IOException when the folder holds no Verbatim index or it cannot be read
   */
  public static Searcher open(Path indexDir) throws IOException {
    return open(indexDir, SearchTimeLimit.DEFAULT);
  }

  /** The time limit {@link #open(Path)} uses: 400 ms to match, the answer within about 600 ms. */
  public static final Duration DEFAULT_TIME_LIMIT = SearchTimeLimit.DEFAULT;

  /**
   * As {@link #open(Path)}, with {@code timeLimit} for matching instead of {@link
   * #DEFAULT_TIME_LIMIT}. A search that reaches it answers with what it found, {@code
   * totalExact=false} and a notice; highlighting, facets and the suggestion may take up to half as
   * long again. A batch job that needs complete answers passes a long limit.
   *
   * @throws IllegalArgumentException when {@code timeLimit} is negative
   */
  public static Searcher open(Path indexDir, Duration timeLimit) throws IOException {
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
      return new Searcher(dir, manager, new SearchTimeLimit(timeLimit));
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
  public SearchResult search(SearchRequest request) throws IOException {
    SearchResult result;
    try (SearchTimeLimit.Budget budget = timeLimit.start(request.query())) {
      result = search(request, budget);
    }
    if (result.timedOut() && result.hits().isEmpty()) {
      // A cold JVM or a burst of load can stop a search before it found anything; an empty page
      // would read as "nothing matches". One more try with more time, then it says so plainly.
      try (SearchTimeLimit.Budget budget = timeLimit.times(RETRY_FACTOR).start(request.query())) {
        result = search(request, budget);
      }
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

  /**
   * Readies a freshly opened searcher for its first requests: builds what every search of this
   * index view shares (facet state, quote group ordinals) and runs a few searches of words read
   * from the index, so that the JIT and the page cache have seen the work before a user's first
   * query is timed: {@value #WARM_UP_PASSES} passes over them, or less when {@code budget} runs
   * out. Safe to call at any time.
   *
   * @return the number of searches run
   * @throws IOException when the index cannot be read
   */
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
      try (SearchTimeLimit.Budget b = untimed.start(request.query())) {
        search(request, b);
      } catch (InvalidQueryException e) {
        // A word read from the index that does not parse is simply not a warm-up query.
      }
      runs++;
    }
    return runs;
  }

  private SearchResult search(SearchRequest request, SearchTimeLimit.Budget budget)
      throws IOException {
    long start = System.nanoTime();
    Ranking ranking = Ranking.of(request.relevance());
    QueryParsing.Interpretation interpretation =
        QueryBackstop.parse(() -> ranking.interpret(request, analyzer));
    budget.lap("parse");
    Query parsed = interpretation.query();
    IndexSearcher shared = manager.acquire();
    try {
      IndexSearcher searcher = budget.bounded(ranking.searcher(shared));
      ReaderState state = readerState.of(searcher.getIndexReader());
      Query query = Filtering.apply(parsed, request);
      Paging.Page page;
      try {
        parsed = ranking.expand(searcher, parsed, q -> Filtering.apply(q, request), analyzer);
        // Rewritten once: wildcards and fuzzy words become the terms they matched, which is also
        // what highlighting marks, instead of walking the vocabulary again for every hit.
        Query filtered = Filtering.apply(parsed, request);
        query = QueryBackstop.search(() -> searcher.rewrite(filtered));
        Query rewritten = query;
        // Two phases: the first pass finds the candidates and can skip, the ranking's own query
        // re-ranks them (see Ranking#firstPass).
        Query firstPass = ranking.firstPass(parsed);
        Query retrieval =
            firstPass == null
                ? null
                : QueryBackstop.search(() -> searcher.rewrite(Filtering.apply(firstPass, request)));
        page =
            QueryBackstop.search(
                () ->
                    Paging.page(
                        searcher, state, rewritten, retrieval, ranking.candidates(), request));
      } catch (IndexSearcher.TooManyClauses e) {
        throw new InvalidQueryException(
            "query expands to too many terms (at most "
                + IndexSearcher.getMaxClauseCount()
                + "); make wildcards or fuzzy terms more specific",
            e);
      } catch (ExitableDirectoryReader.ExitingReaderException e) {
        // Expanding wildcards or fuzzy words, or walking the hits, ran out of time.
        page = new Paging.Page(List.of(), 0, false, null, null);
        budget.stopped();
      }
      if (searcher.timedOut()) {
        budget.stopped();
      }
      budget.lap("match");
      budget.finishing();
      List<SearchResult.Hit> hits = hits(searcher, state, query, page, request.snippets(), budget);
      budget.lap("hits");
      budget.finishing();
      Map<String, List<SearchResult.FacetValue>> facets =
          facets(searcher, state, parsed, request, page, budget);
      budget.lap("facets");
      String suggestion =
          page.total() == 0 && !budget.wasStopped()
              ? suggestion(searcher, request, interpretation.searched(), budget)
              : null;
      budget.lap("suggest");
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      boolean exact = page.totalExact() && !budget.wasStopped();
      return new SearchResult(
          request.query(),
          page.total(),
          exact,
          tookMs,
          hits,
          facets,
          page.nextCursor(),
          notice(interpretation.notice(), budget.notes()),
          suggestion,
          budget.wasStopped());
    } finally {
      manager.release(shared);
    }
  }

  /** The facet counts asked for, unless the time is up. */
  private static Map<String, List<SearchResult.FacetValue>> facets(
      IndexSearcher searcher,
      ReaderState state,
      Query parsed,
      SearchRequest request,
      Paging.Page page,
      SearchTimeLimit.Budget budget)
      throws IOException {
    if (page.matches() == null) {
      return Map.of();
    }
    if (budget.finishOver()) {
      budget.skipped(FACETS_SKIPPED);
      return Map.of();
    }
    return budget.orElse(
        () -> Facets.sideways(searcher, state.facets(), parsed, request, page.matches()),
        Map::of,
        FACETS_SKIPPED);
  }

  // Respelling costs a fuzzy scan per unknown word: only tried while matching's time is left.
  private String suggestion(
      IndexSearcher searcher, SearchRequest request, String searched, SearchTimeLimit.Budget budget)
      throws IOException {
    if (budget.searchOver()) {
      budget.skipped(SUGGESTION_SKIPPED);
      return null;
    }
    return budget.orElse(
        () -> suggest(searcher, request, searched, budget::finishOver),
        () -> null,
        SUGGESTION_SKIPPED);
  }

  private static String notice(String interpretation, List<String> timeLimit) {
    List<String> all = new ArrayList<>();
    if (interpretation != null) {
      all.add(interpretation);
    }
    all.addAll(timeLimit);
    return all.isEmpty() ? null : String.join("; ", all);
  }

  /**
   * The quote with id {@code quoteId} (a hit's {@link SearchResult.Hit#quoteId()}) and every
   * article that carries it; empty when the index holds no such quote.
   */
  public Optional<Quotation> quote(String quoteId) throws IOException {
    return withSearcher(
        searcher ->
            QuoteGroups.quotation(searcher, readerState.of(searcher.getIndexReader()), quoteId));
  }

  // Respells the query as it was searched, so a mended mistake is not suggested again.
  private String suggest(
      IndexSearcher searcher, SearchRequest request, String searched, BooleanSupplier timeUp)
      throws IOException {
    return QueryCorrector.suggest(
        searcher,
        analyzer,
        searched,
        corrected ->
            Filtering.apply(
                QueryParsing.interpret(corrected, analyzer, false, request.allowLeadingWildcard())
                    .query(),
                request),
        timeUp);
  }

  /** Counts of indexed articles and quotes in the current view of the index. */
  public Stats stats() throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return new Stats(
          searcher.count(new TermQuery(new Term(Schema.TYPE, Schema.TYPE_ARTICLE))),
          searcher.count(new TermQuery(new Term(Schema.TYPE, Schema.TYPE_QUOTE))));
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

  /**
   * How much the index holds. Immutable.
   *
   * @param articles article documents
   * @param quotes quote documents
   */
  public record Stats(long articles, long quotes) {}

  private List<SearchResult.Hit> hits(
      IndexSearcher searcher,
      ReaderState state,
      Query query,
      Paging.Page page,
      SearchRequest.Snippets snippets,
      SearchTimeLimit.Budget budget)
      throws IOException {
    StoredFields stored = searcher.storedFields();
    int n = page.hits().size();
    Document[] docs = new Document[n];
    List<Highlighting.Target> targets = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Document d = stored.document(page.hits().get(i).doc, HIT_FIELDS);
      docs[i] = d;
      boolean isQuote = Schema.TYPE_QUOTE.equals(d.get(Schema.TYPE));
      targets.add(
          new Highlighting.Target(
              page.hits().get(i).doc,
              isQuote,
              d.get(Schema.TEXT),
              title(d),
              d.get(Schema.SPEAKER)));
    }
    Highlighting.Marked[] marked = mark(searcher, state, query, targets, snippets, budget);
    budget.unbounded();
    List<SearchResult.Hit> hits = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Document d = docs[i];
      // Stored with the quote: cheaper here than its doc value, which needs a dictionary lookup.
      String fingerprint = d.get(Schema.FINGERPRINT);
      Highlighting.Marked m = marked[i];
      hits.add(
          new SearchResult.Hit(
              d.get(Schema.TYPE),
              d.get(Schema.ID),
              page.hits().get(i).score,
              d.get(Schema.ARTICLE_ID),
              title(d),
              d.get(Schema.SOURCE),
              d.get(Schema.DATE),
              d.get(Schema.SPEAKER),
              d.get(Schema.CUE),
              d.get(Schema.KIND),
              d.get(Schema.TEXT),
              m.passages().stream().map(SearchResult.Passage::html).toList(),
              m.passages(),
              m.titleHtml(),
              m.speakerHtml(),
              fingerprint == null ? null : QuoteGroups.quoteId(state, fingerprint),
              fingerprint == null
                  ? List.of()
                  : QuoteGroups.sources(searcher, state, fingerprint, d)));
    }
    return hits;
  }

  /**
   * Marks the page's hits; a few at a time when the query has many terms (marking seeks each term
   * in each hit), so that the deadline is checked between them. Hits left when it passes are shown
   * unmarked.
   */
  private Highlighting.Marked[] mark(
      IndexSearcher searcher,
      ReaderState state,
      Query query,
      List<Highlighting.Target> targets,
      SearchRequest.Snippets snippets,
      SearchTimeLimit.Budget budget)
      throws IOException {
    int n = targets.size();
    int chunk = termCount(query) > MANY_TERMS ? 2 : Math.max(1, n);
    Highlighting.Marked[] out = new Highlighting.Marked[n];
    long slowest = 0;
    for (int from = 0; from < n; from += chunk) {
      List<Highlighting.Target> some = targets.subList(from, Math.min(n, from + chunk));
      long started = System.nanoTime();
      // A chunk is not started when one like it would not finish in time.
      Highlighting.Marked[] part =
          budget.finishLeftNanos() <= slowest
              ? unmarked(some, snippets, budget)
              : budget.orElse(
                  () -> highlighting.mark(searcher, state.fieldInfos(), query, some, snippets),
                  () -> Highlighting.unmarked(some, snippets),
                  MARKS_SKIPPED);
      slowest = Math.max(slowest, System.nanoTime() - started);
      System.arraycopy(part, 0, out, from, part.length);
    }
    return out;
  }

  private static int termCount(Query query) {
    int[] terms = {0};
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query q, Term... t) {
            terms[0] += t.length;
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    return terms[0];
  }

  private static Highlighting.Marked[] unmarked(
      List<Highlighting.Target> targets,
      SearchRequest.Snippets snippets,
      SearchTimeLimit.Budget budget) {
    budget.skipped(MARKS_SKIPPED);
    return Highlighting.unmarked(targets, snippets);
  }

  private static String title(Document d) {
    return Schema.TYPE_QUOTE.equals(d.get(Schema.TYPE))
        ? d.get(Schema.ARTICLE_TITLE)
        : d.get(Schema.TITLE);
  }
}
