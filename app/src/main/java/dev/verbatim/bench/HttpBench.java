package dev.verbatim.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Requests to {@code /api/search} on loopback from a {@link HttpClient} on virtual threads in this
 * JVM, one virtual thread per connection. The client's CPU counts with the server's. Thread-safe.
 */
final class HttpBench implements HttpLoad {
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newVirtualThreadPerTaskExecutor())
          .build();
  private final List<URI> uris;

  /** A client for the server on {@code 127.0.0.1:port}; see {@link HttpLoad#targets}. */
  HttpBench(int port, List<QuerySet.Entry> queries, boolean facets) {
    this.uris =
        HttpLoad.targets(queries, facets).stream()
            .map(t -> URI.create("http://127.0.0.1:" + port + t))
            .toList();
  }

  @Override
  public Load.Result run(int connections, double seconds) {
    return Load.run(uris, connections, seconds, true, this::get);
  }

  @Override
  public String describe() {
    return "java.net.http.HttpClient on virtual threads in the bench's JVM (wrk is not on PATH); "
        + "CPU per request is client and server together";
  }

  private void get(URI uri) throws IOException, InterruptedException, Load.Shed {
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() == 503) {
      throw new Load.Shed(uri + " answered 503");
    }
    if (response.statusCode() != 200 || response.body().length == 0) {
      throw new IOException(uri + " answered " + response.statusCode());
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
