package dev.verbatim.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.index.Indexer;
import dev.verbatim.search.CompleteAnswers;
import dev.verbatim.search.Searcher;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A real server on a free port over a test corpus indexed into a folder, and an HTTP client for it.
 */
final class TestServer implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final Searcher searcher;
  final WebServer server;

  /** Indexes the classpath folder {@code corpusResource} into {@code indexDir} and serves it. */
  TestServer(String corpusResource, Path indexDir) throws Exception {
    this(Path.of(TestServer.class.getResource(corpusResource).toURI()), indexDir);
  }

  /** Indexes the folder {@code corpus} into {@code indexDir} and serves it. */
  TestServer(Path corpus, Path indexDir) throws Exception {
    // One worker keeps documents in corpus order, so equal scores tie-break predictably.
    new Indexer(1).rebuild(corpus, indexDir);
    searcher = CompleteAnswers.open(indexDir);
    server = new WebServer(searcher).start("127.0.0.1", 0);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The JSON body of {@code path}, which must answer 200. */
  JsonNode json(String path) throws Exception {
    HttpResponse<String> r = get(path);
    if (r.statusCode() != 200) {
      throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return Json.mapper().readTree(r.body());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    server.close();
    searcher.close();
  }
}
