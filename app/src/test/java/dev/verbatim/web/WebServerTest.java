package dev.verbatim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.index.Indexer;
import dev.verbatim.search.CompleteAnswers;
import dev.verbatim.search.Searcher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real server on a free port, spoken to over HTTP. */
class WebServerTest {
  @TempDir static Path indexDir;
  static Searcher searcher;
  static WebServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Path corpus = Path.of(WebServerTest.class.getResource("/fixture-corpus").toURI());
    new Indexer(2).rebuild(corpus, indexDir);
    searcher = CompleteAnswers.open(indexDir);
    server = new WebServer(searcher).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    searcher.close();
  }

  @Test
  void relevanceParameterChoosesTheRanking() throws Exception {
    HttpResponse<String> fed = get("/api/search?q=ferry&type=article&relevance=feedback");
    assertEquals(200, fed.statusCode(), fed.body());
    assertEquals(
        "harbour", Json.mapper().readTree(fed.body()).get("hits").get(0).get("articleId").asText());
    HttpResponse<String> bad = get("/api/search?q=ferry&relevance=magic");
    assertEquals(400, bad.statusCode());
    assertEquals(
        "unknown relevance 'magic'; expected default or feedback or baseline",
        Json.mapper().readTree(bad.body()).get("error").asText());
  }

  @Test
  void pastItsLanesAndQueueASearchIsShedWith503AndRetryAfterWhileHealthStillAnswers()
      throws Exception {
    Admission admission = new Admission(1, 0, 0, java.time.Duration.ofSeconds(30));
    try (WebServer busy = new WebServer(searcher, null, admission).start("127.0.0.1", 0);
        HeldLane held = new HeldLane(admission)) {
      String base = "http://127.0.0.1:" + busy.port();
      HttpResponse<String> shed = send(base + "/api/search?q=ferry");
      assertEquals(503, shed.statusCode(), shed.body());
      assertEquals("1", shed.headers().firstValue("retry-after").orElse(null));
      assertTrue(Json.mapper().readTree(shed.body()).get("error").asText().contains("busy"));
      assertEquals(503, send(base + "/api/quotes/abc").statusCode());
      HttpResponse<String> health = send(base + "/api/health");
      assertEquals(200, health.statusCode(), health.body());
      assertTrue(held.release());
      assertEquals(200, send(base + "/api/search?q=ferry").statusCode());
    }
  }

  @Test
  void requestsRunOnThePoolTheAdmissionIsSizedBy() throws Exception {
    // /api/health runs on the request thread itself (it never enters the lanes).
    HttpResponse<String> health = get("/api/health");
    assertEquals(200, health.statusCode(), health.body());
    long ours =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("verbatim-http"))
            .count();
    assertTrue(ours >= 1, "no request thread of the server's own pool");
  }

  @Test
  void theListeningSocketHoldsABurstOfNewConnections() throws Exception {
    // The kernel's own figure (ss shows a listening socket's backlog as Send-Q): Java's default is
    // 50, past which a burst's connection requests are dropped and retried a second later.
    Path cap = Path.of("/proc/sys/net/core/somaxconn");
    Assumptions.assumeTrue(Files.isReadable(cap), "not Linux: no " + cap);
    int somaxconn = Integer.parseInt(Files.readAllLines(cap).get(0).trim());
    Process p;
    try {
      p = new ProcessBuilder("ss", "-ltnH", "sport = :" + server.port()).start();
    } catch (IOException e) {
      Assumptions.abort("ss (iproute2) is not on PATH; .ci/run installs it: " + e.getMessage());
      return;
    }
    String listening = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), listening);
    String[] columns = listening.trim().split("\\s+");
    assertEquals("LISTEN", columns[0], listening);
    assertEquals(
        Math.min(WebServer.ACCEPT_QUEUE, somaxconn), Integer.parseInt(columns[2]), listening);
  }

  @Test
  void aSearchCutByTheTimeLimitWithNothingFoundSaysItTimedOut() throws Exception {
    try (Searcher noTime = Searcher.open(indexDir, java.time.Duration.ZERO);
        WebServer cut = new WebServer(noTime).start("127.0.0.1", 0)) {
      HttpResponse<String> r = send("http://127.0.0.1:" + cut.port() + "/api/search?q=ferry");
      assertEquals(200, r.statusCode());
      JsonNode body = Json.mapper().readTree(r.body());
      assertTrue(body.get("timedOut").asBoolean(), r.body());
      assertEquals(0, body.get("hits").size());
      assertTrue(body.get("notice").asText().contains("does not mean that nothing matches"));
    }
    assertFalse(
        Json.mapper().readTree(get("/api/search?q=ferry").body()).get("timedOut").asBoolean());
  }

  private static HttpResponse<String> send(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void searchReturnsHitsWithHighlights() throws Exception {
    HttpResponse<String> r = get("/api/search?q=" + enc("\"so unfair\"") + "&type=quote");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    JsonNode body = Json.mapper().readTree(r.body());
    assertEquals("\"so unfair\"", body.get("query").asText());
    assertEquals(1, body.get("total").asInt());
    assertTrue(body.get("tookMs").isNumber());
    JsonNode hit = body.get("hits").get(0);
    assertEquals("quote", hit.get("type").asText());
    assertEquals("Library extends its opening hours", hit.get("title").asText());
    assertEquals("Valley Post", hit.get("source").asText());
    assertEquals("<mark>so unfair</mark>", hit.get("passages").get(0).get("html").asText());
    for (String field : new String[] {"id", "score", "speaker", "text"}) {
      assertTrue(hit.has(field), "hit has " + field);
    }
  }

  @Test
  void answerHasItsLengthOrIsGzippedWhenTheClientAsks() throws Exception {
    String path = "/api/search?q=&limit=20";
    HttpResponse<byte[]> plain =
        HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, plain.statusCode());
    assertEquals(
        String.valueOf(plain.body().length),
        plain.headers().firstValue("content-length").orElse(""));
    assertTrue(plain.body().length > 1500, "big enough to compress: " + plain.body().length);

    HttpResponse<byte[]> zipped =
        HTTP.send(
            request(path).header("Accept-Encoding", "gzip").build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, zipped.statusCode());
    assertEquals("gzip", zipped.headers().firstValue("content-encoding").orElse(""));
    byte[] unzipped;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      unzipped = in.readAllBytes();
    }
    JsonNode a = Json.mapper().readTree(plain.body());
    JsonNode b = Json.mapper().readTree(unzipped);
    assertEquals(a.get("hits"), b.get("hits"));
    assertEquals(a.get("total"), b.get("total"));
  }

  @Test
  void pagingParametersAreHonoured() throws Exception {
    JsonNode page = Json.mapper().readTree(get("/api/search?q=&limit=2&offset=1").body());
    assertEquals(2, page.get("hits").size());
  }

  @Test
  void badQueryIs400WithAMessage() throws Exception {
    for (String bad :
        new String[] {
          "q=" + enc("(bridge") + "&strict=true",
          "q=" + enc("colour:red") + "&strict=true",
          "q=x&strict=maybe",
          "q=x&limit=abc",
          "q=x&limit=0",
          "q=x&type=video",
          "q=x&offset=99999"
        }) {
      HttpResponse<String> r = get("/api/search?" + bad);
      assertEquals(400, r.statusCode(), bad);
      JsonNode error = Json.mapper().readTree(r.body()).get("error");
      assertTrue(error != null && !error.asText().isBlank(), bad + " -> " + r.body());
    }
  }

  @Test
  void syntaxMistakesAnswerWithANoticeUnlessStrict() throws Exception {
    HttpResponse<String> forgiven = get("/api/search?q=" + enc("\"so unfair") + "&type=quote");
    assertEquals(200, forgiven.statusCode());
    JsonNode body = Json.mapper().readTree(forgiven.body());
    assertEquals(
        "Unbalanced quote ignored; searched as words: so unfair", body.get("notice").asText());
    assertEquals(1, body.get("total").asInt());
    assertTrue(body.get("suggestion").isNull());

    HttpResponse<String> strict = get("/api/search?q=" + enc("\"so unfair") + "&strict=true");
    assertEquals(400, strict.statusCode());
    assertEquals(
        "cannot parse query: the quote at character 1 is never closed",
        Json.mapper().readTree(strict.body()).get("error").asText());
  }

  @Test
  void zeroHitsCarryADidYouMean() throws Exception {
    JsonNode body = Json.mapper().readTree(get("/api/search?q=" + enc("regretable")).body());
    assertEquals(0, body.get("total").asInt());
    assertEquals("regrettable", body.get("suggestion").asText());
    assertTrue(body.get("notice").isNull());
  }

  @Test
  void healthCountsArticlesAndQuotes() throws Exception {
    JsonNode body = Json.mapper().readTree(get("/api/health").body());
    assertEquals("ok", body.get("status").asText());
    assertEquals(4, body.get("articles").asInt());
    assertEquals(searcher.stats().quotes(), body.get("quotes").asLong());
  }

  @Test
  void pageAndItsAssetsAreServedByTheApp() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<title>Verbatim"), page.body());
    assertTrue(page.body().contains("app.js"));
    assertTrue(
        !page.body().contains("http://") && !page.body().contains("https://"),
        "no external assets");
    assertEquals(200, get("/app.js").statusCode());
    assertEquals(200, get("/app.css").statusCode());
  }

  @Test
  void articleApiGivesTextAndQuoteOffsets() throws Exception {
    HttpResponse<String> r = get("/api/articles/harbour");
    assertEquals(200, r.statusCode());
    JsonNode body = Json.mapper().readTree(r.body());
    assertEquals("harbour", body.get("id").asText());
    assertEquals("Coastal Gazette", body.get("source").asText());
    String text = body.get("text").asText();
    JsonNode quotes = body.get("quotes");
    assertEquals(2, quotes.size());
    for (JsonNode q : quotes) {
      int offset = q.get("offset").asInt();
      String span = text.substring(offset, offset + q.get("length").asInt());
      assertTrue(span.contains(q.get("text").asText()), span);
      for (String field : new String[] {"id", "kind", "speaker", "cue", "mention"}) {
        assertTrue(q.has(field), "quote has " + field);
      }
    }
    assertEquals("Lena Ortiz", quotes.get(0).get("speaker").asText());
  }

  @Test
  void unknownArticleIs404WithAMessage() throws Exception {
    HttpResponse<String> r = get("/api/articles/no%20such%20article");
    assertEquals(404, r.statusCode());
    assertTrue(
        Json.mapper().readTree(r.body()).get("error").asText().contains("no such article"),
        r.body());
  }

  @Test
  void articlePageIsServedForKnownAndUnknownIds() throws Exception {
    HttpResponse<String> page = get("/articles/wire-1");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    assertTrue(page.body().contains("article.js"), page.body());
    // Unknown: still the page, so the browser shows a readable message, but with a 404 status.
    HttpResponse<String> missing = get("/articles/nope/nothing");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("article.js"));
  }

  static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
