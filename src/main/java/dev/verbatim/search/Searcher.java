package dev.verbatim.search;

import dev.verbatim.index.Schema;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Searches a Verbatim index: the facade programs embed. Thread-safe: one instance serves any
 * number of concurrent searches; {@link #refresh()} makes a newer commit of the index visible.
 * Close it when done.
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
          Schema.ID, Schema.TYPE, Schema.ARTICLE_ID, Schema.TITLE, Schema.ARTICLE_TITLE,
          Schema.SOURCE, Schema.DATE, Schema.SPEAKER, Schema.CUE, Schema.TEXT);
  private static final int ARTICLE_PASSAGES = 2;
  private static final int HIGHLIGHT_MAX_LENGTH = 200_000;
  // Joins non-adjacent passages in the formatter's output; a control char never found in text.
  private static final String PASSAGE_SEPARATOR = "\u0000";

  private final Directory directory;
  private final SearcherManager manager;
  private final Analyzer analyzer = Schema.analyzer();
  private final SearchTimeLimit timeLimit = new SearchTimeLimit(SearchTimeLimit.DEFAULT);

  private Searcher(Directory directory, SearcherManager manager) {
    this.directory = directory;
    this.manager = manager;
  }

  /**
   * Opens the index in {@code indexDir}.
   *
   * @throws IOException when the folder holds no Verbatim index or it cannot be read
   */
  public static Searcher open(Path indexDir) throws IOException {
    if (!Files.isDirectory(indexDir)) {
      throw new IOException("no index at " + indexDir + ": the folder does not exist; run `verbatim index` first");
    }
    Directory dir = FSDirectory.open(indexDir);
    try {
      if (!DirectoryReader.indexExists(dir)) {
        throw new IOException("no index at " + indexDir + ": the folder holds no index commit; run `verbatim index` first");
      }
      return new Searcher(dir, new SearcherManager(dir, null));
    } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException
        | EOFException | NoSuchFileException e) {
      dir.close();
      // Lucene's own message names internal files and checksums; the operator needs the fix.
      throw new IOException(
          "the index at " + indexDir + " is damaged or incomplete (" + e.getClass().getSimpleName()
              + "); rebuild it with `verbatim index --index " + indexDir + "`", e);
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
    long start = System.nanoTime();
    Query query = filtered(QueryParsing.parse(request.query(), analyzer), request);
    IndexSearcher shared = manager.acquire();
    try {
      IndexSearcher searcher = timeLimit.bounded(shared);
      TopDocs top;
      try {
        top = searcher.search(query, request.offset() + request.limit());
      } catch (IndexSearcher.TooManyClauses e) {
        throw new InvalidQueryException(
            "query expands to too many terms (at most " + IndexSearcher.getMaxClauseCount() + "); make wildcards or fuzzy terms more specific", e);
      }
      ScoreDoc[] page =
          Arrays.copyOfRange(
              top.scoreDocs, Math.min(request.offset(), top.scoreDocs.length), top.scoreDocs.length);
      List<SearchResult.Hit> hits = hits(searcher, query, page);
      boolean exact =
          top.totalHits.relation() == TotalHits.Relation.EQUAL_TO && !searcher.timedOut();
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      return new SearchResult(request.query(), top.totalHits.value(), exact, tookMs, hits);
    } finally {
      manager.release(shared);
    }
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

  private static Query filtered(Query query, SearchRequest request) {
    if (request.type() == null) {
      return query;
    }
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(Schema.TYPE, request.type().label())), BooleanClause.Occur.FILTER)
        .build();
  }

  private List<SearchResult.Hit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page)
      throws IOException {
    StoredFields stored = searcher.storedFields();
    Document[] docs = new Document[page.length];
    List<Integer> quoteDocs = new ArrayList<>();
    List<Integer> articleDocs = new ArrayList<>();
    for (int i = 0; i < page.length; i++) {
      docs[i] = stored.document(page[i].doc, HIT_FIELDS);
      (Schema.TYPE_QUOTE.equals(docs[i].get(Schema.TYPE)) ? quoteDocs : articleDocs).add(i);
    }
    String[][] passages = new String[page.length][];
    // A quote is shown whole; an article by its best sentences.
    highlight(searcher, query, page, quoteDocs, passages, WholeBreakIterator::new, 1);
    highlight(
        searcher, query, page, articleDocs, passages,
        () -> BreakIterator.getSentenceInstance(Locale.ROOT), ARTICLE_PASSAGES);
    List<SearchResult.Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      Document d = docs[i];
      boolean isQuote = Schema.TYPE_QUOTE.equals(d.get(Schema.TYPE));
      hits.add(
          new SearchResult.Hit(
              d.get(Schema.TYPE),
              d.get(Schema.ID),
              page[i].score,
              d.get(Schema.ARTICLE_ID),
              isQuote ? d.get(Schema.ARTICLE_TITLE) : d.get(Schema.TITLE),
              d.get(Schema.SOURCE),
              d.get(Schema.DATE),
              d.get(Schema.SPEAKER),
              d.get(Schema.CUE),
              d.get(Schema.TEXT),
              passages[i] == null ? List.of() : Arrays.asList(passages[i])));
    }
    return hits;
  }

  private void highlight(
      IndexSearcher searcher,
      Query query,
      ScoreDoc[] page,
      List<Integer> which,
      String[][] out,
      java.util.function.Supplier<BreakIterator> breaks,
      int maxPassages)
      throws IOException {
    if (which.isEmpty()) {
      return;
    }
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withBreakIterator(breaks)
            .withMaxLength(HIGHLIGHT_MAX_LENGTH)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", PASSAGE_SEPARATOR, true))
            .withMaskedFieldsFunc(
                field -> Schema.TEXT.equals(field) ? Set.of(Schema.TEXT_EXACT) : Set.of())
            .build();
    int[] docIds = which.stream().mapToInt(i -> page[i].doc).toArray();
    int[] sorted = docIds.clone();
    Arrays.sort(sorted);
    Map<String, String[]> byField =
        highlighter.highlightFields(
            new String[] {Schema.TEXT}, query, sorted, new int[] {maxPassages});
    String[] texts = byField.get(Schema.TEXT);
    for (int k = 0; k < which.size(); k++) {
      int pos = Arrays.binarySearch(sorted, docIds[k]);
      String passage = texts[pos];
      out[which.get(k)] = passage == null ? null : splitPassages(passage);
    }
  }

  private static String[] splitPassages(String joined) {
    return joined.split(PASSAGE_SEPARATOR);
  }
}
