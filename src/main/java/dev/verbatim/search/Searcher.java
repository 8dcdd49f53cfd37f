package dev.verbatim.search;

import dev.verbatim.search.spi.Backend;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Searches a Verbatim index: the facade programs embed, the same whether the index is a local
 * folder ({@link #open(Path)}) or lives on a cluster ({@link #connect(String)}). Thread-safe: one
 * instance serves any number of concurrent searches. Close it when done.
 *
 * <pre>{@code
 * try (Searcher searcher = Searcher.open(Path.of("index"))) {
 *   SearchResult result = searcher.search(SearchRequest.builder("\"so unfair\"").withType(SearchRequest.Type.QUOTE).build());
 *   result.hits().forEach(hit -> System.out.println(hit.speaker() + ": " + hit.passages().get(0).html()));
 * }
 * }</pre>
 */
public interface Searcher extends AutoCloseable {
  /** The time limit {@link #open(Path)} uses: 400 ms to match, the answer within about 600 ms. */
  Duration DEFAULT_TIME_LIMIT = SearchTimeLimit.DEFAULT;

  /**
   * Opens the index in {@code indexDir}.
   *
   * @throws IOException when the folder holds no Verbatim index or it cannot be read
   */
  static Searcher open(Path indexDir) throws IOException {
    return LocalSearcher.open(indexDir, SearchTimeLimit.DEFAULT);
  }

  /**
   * As {@link #open(Path)}, with {@code timeLimit} for matching instead of {@link
   * #DEFAULT_TIME_LIMIT}. A search that reaches it answers with what it found, {@code
   * totalExact=false} and a notice; highlighting, facets and the suggestion may take up to half as
   * long again. A batch job that needs complete answers passes a long limit.
   *
   * @throws IllegalArgumentException when {@code timeLimit} is negative
   */
  static Searcher open(Path indexDir, Duration timeLimit) throws IOException {
    return LocalSearcher.open(indexDir, timeLimit);
  }

  /**
   * Connects to the index {@code indexName} on the cluster at {@code url} ({@code
   * http://host:9200}), through the first backend on the classpath ({@code
   * dev.verbatim:verbatim-opensearch} provides one for OpenSearch).
   *
   * @throws IOException when no backend is on the classpath, the cluster cannot be reached, or it
   *     holds no such index
   */
  static Searcher connect(String url, String indexName) throws IOException {
    for (Backend backend : ServiceLoader.load(Backend.class)) {
      return backend.connect(url, indexName);
    }
    throw new IOException(
        "no cluster backend on the classpath to connect to "
            + url
            + "; add the dev.verbatim:verbatim-opensearch artifact beside dev.verbatim:verbatim");
  }

  /** {@link #connect(String, String)} to the index named {@code verbatim}. */
  static Searcher connect(String url) throws IOException {
    return connect(url, "verbatim");
  }

  /**
   * Runs {@code request}.
   *
   * @throws InvalidQueryException when the query cannot be parsed or is too large
   * @throws IOException when the index cannot be read
   */
  SearchResult search(SearchRequest request) throws IOException;

  /**
   * Readies a freshly opened searcher for its first requests, so that a user's first query is not
   * the one that pays for a cold JVM and cold caches; runs for at most {@code budget}. Safe to call
   * at any time; backends with nothing to warm do nothing.
   *
   * @return the number of searches run
   * @throws IOException when the index cannot be read
   */
  default int warmUp(Duration budget) throws IOException {
    return 0;
  }

  /**
   * The quote with id {@code quoteId} (a hit's {@link SearchResult.Hit#quoteId()}) and every
   * article that carries it; empty when the index holds no such quote.
   */
  Optional<Quotation> quote(String quoteId) throws IOException;

  /**
   * Counts of indexed articles and quotes in the current view of the index, and the days its
   * articles were first and last published.
   */
  Stats stats() throws IOException;

  /**
   * The article with id {@code id} in full, with its quotes in text order, or empty when the index
   * holds no such article.
   *
   * @throws IOException when the index cannot be read
   */
  Optional<ArticleDetail> article(String id) throws IOException;

  /**
   * Makes the newest version of the index visible to later searches.
   *
   * @return true when a newer version was found
   */
  boolean refresh() throws IOException;

  @Override
  void close() throws IOException;

  /**
   * How much the index holds. Immutable and thread-safe.
   *
   * @param articles article documents
   * @param quotes quote documents (each printing of a quote once)
   * @param firstDate the earliest day an article was published, or null when none has a date
   * @param lastDate the latest day an article was published, or null when none has a date
   */
  record Stats(
      long articles, long quotes, java.time.LocalDate firstDate, java.time.LocalDate lastDate) {}
}
