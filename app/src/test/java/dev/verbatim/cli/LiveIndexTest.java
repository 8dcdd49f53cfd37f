package dev.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.index.Indexer;
import dev.verbatim.search.CompleteAnswers;
import dev.verbatim.search.Searcher;
import dev.verbatim.web.Json;
import dev.verbatim.web.WebServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running server sees new commits without a restart, and {@code --watch} makes them. */
class LiveIndexTest {
  private static final long WAIT_SECONDS = 30;

  @TempDir Path tmp;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void serverPicksUpACommitFromASeparateIndexRun() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Path index = tmp.resolve("index");
    Files.writeString(corpus.resolve("first.txt"), "First\n\nThe lighthouse was repainted.");
    assertEquals(
        0,
        MainTest.run("index", "--corpus", corpus.toString(), "--index", index.toString()).code());
    try (Searcher searcher = CompleteAnswers.open(index);
        WebServer server = new WebServer(searcher).start("127.0.0.1", 0);
        LiveIndex live =
            new LiveIndex(searcher, new PrintWriter(new StringWriter())).refreshPeriodically()) {
      assertEquals(1, get(server, "/api/health").get("articles").asInt());
      Files.writeString(corpus.resolve("second.txt"), "Second\n\nThe harbour seals returned.");
      assertEquals(
          0,
          MainTest.run("index", "--corpus", corpus.toString(), "--index", index.toString()).code());
      JsonNode health = await(server, "/api/health", h -> h.get("articles").asInt() == 2);
      assertEquals(2, health.get("articles").asInt());
      assertEquals(1, get(server, "/api/search?q=seals").get("total").asInt());
    }
  }

  @Test
  void watchReindexesWhenCorpusFilesAreAddedAndDeleted() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Path index = tmp.resolve("index");
    Files.writeString(corpus.resolve("first.txt"), "First\n\nThe lighthouse was repainted.");
    new Indexer(1).update(corpus, index);
    StringWriter log = new StringWriter();
    try (Searcher searcher = CompleteAnswers.open(index);
        WebServer server = new WebServer(searcher).start("127.0.0.1", 0);
        LiveIndex live =
            new LiveIndex(searcher, new PrintWriter(log, true))
                .watch(corpus, index, new Indexer(1))) {
      Files.createDirectories(corpus.resolve("late"));
      Files.writeString(
          corpus.resolve("late/otters.txt"), "Otters\n\nOtters were seen under the pier.");
      JsonNode found = await(server, "/api/search?q=otters", r -> r.get("total").asInt() == 1);
      assertEquals("late/otters", found.get("hits").get(0).get("articleId").asText());
      Files.delete(corpus.resolve("first.txt"));
      assertEquals(
          0,
          await(server, "/api/search?q=lighthouse", r -> r.get("total").asInt() == 0)
              .get("total")
              .asInt());
      assertEquals(1, get(server, "/api/health").get("articles").asInt(), log.toString());
    }
  }

  private JsonNode await(WebServer server, String path, Predicate<JsonNode> done) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    JsonNode last = get(server, path);
    while (!done.test(last) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      last = get(server, path);
    }
    return last;
  }

  private JsonNode get(WebServer server, String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return Json.mapper().readTree(response.body());
  }
}
