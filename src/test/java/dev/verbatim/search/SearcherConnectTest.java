package dev.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The library alone: no cluster client on the classpath, and a clear word when one is asked for.
 */
class SearcherConnectTest {
  @Test
  void theLibraryBringsNoClusterClient() {
    assertThrows(
        ClassNotFoundException.class,
        () -> Class.forName("org.opensearch.client.opensearch.OpenSearchClient"));
    assertThrows(
        ClassNotFoundException.class,
        () -> Class.forName("org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder"));
  }

  @Test
  void connectingWithoutABackendSaysWhichArtifactToAdd() {
    IOException e =
        assertThrows(IOException.class, () -> Searcher.connect("http://127.0.0.1:9200"));
    assertEquals(
        "no cluster backend on the classpath to connect to http://127.0.0.1:9200; add the"
            + " dev.verbatim:verbatim-opensearch artifact beside dev.verbatim:verbatim",
        e.getMessage());
  }
}
