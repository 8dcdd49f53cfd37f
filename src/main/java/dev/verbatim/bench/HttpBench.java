package dev.verbatim.bench;

import dev.verbatim.search.SearchRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Requests to {@code /api/search} on loopback from a {@link HttpClient} on virtual threads, one
 * virtual thread per connection, each sending its next request as soon as the last is answered.
 * Thread-safe.
 */
final class HttpBench implements AutoCloseable {
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newVirtualThreadPerTaskExecutor())
          .build();
  private final List<URI> uris;

  /**
   * A client for the server on {@code 127.0.0.1:port} that asks the given queries in turn, with
   * facet counts when {@code facets} (as the page's first request of a query does), else the
   * highlighted top 10 alone.
   */
  HttpBench(int port, List<QuerySet.Entry> queries, boolean facets) {
    List<URI> list = new ArrayList<>();
    for (QuerySet.Entry e : queries) {
      SearchRequest r = e.request();
      String uri =
          "http://127.0.0.1:" + port + "/api/search?limit=" + SearchBench.TOP + "&q="
              + URLEncoder.encode(r.query(), StandardCharsets.UTF_8)
              + (r.type() == null ? "" : "&type=" + r.type().label())
              + (facets ? "&facets=true" : "");
      list.add(URI.create(uri));
    }
    this.uris = List.copyOf(list);
  }

  /** {@code connections} clients for {@code seconds}; an answer other than 200 is an error. */
  Load.Result run(int connections, double seconds) {
    return Load.run(uris, connections, seconds, true, this::get);
  }

  private void get(URI uri) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200 || response.body().length == 0) {
      throw new IOException(uri + " answered " + response.statusCode());
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
