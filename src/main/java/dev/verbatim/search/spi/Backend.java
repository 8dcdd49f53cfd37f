package dev.verbatim.search.spi;

import dev.verbatim.search.Searcher;
import java.io.IOException;
import java.util.ServiceLoader;

/**
 * A search backend for indexes that live elsewhere than a local folder, found by {@link
 * Searcher#connect(String, String)} with {@link ServiceLoader}. Implementations must be
 * thread-safe.
 */
public interface Backend {
  /** A searcher of the index {@code indexName} at {@code url}. */
  Searcher connect(String url, String indexName) throws IOException;
}
