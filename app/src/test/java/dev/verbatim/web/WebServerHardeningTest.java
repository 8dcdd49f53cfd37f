package dev.verbatim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.index.Indexer;
import dev.verbatim.search.Searcher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Security headers, output escaping and the admin token, over HTTP against real servers. */
class WebServerHardeningTest {
  static final String TOKEN = "correct-horse-battery-staple-42";
  @TempDir static Path dir;
  static Path corpus;
  static Path index;
  static Searcher searcher;
  static WebServer open;
  static WebServer guarded;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    corpus = Path.of(WebServerHardeningTest.class.getResource("/hostile-corpus").toURI());
    index = dir.resolve("index");
    new Indexer(2).rebuild(corpus, index);
    searcher = Searcher.open(index);
    open = new WebServer(searcher).start("127.0.0.1", 0);
    guarded = new WebServer(searcher, new AdminAccess(TOKEN, corpus, index)).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws IOException {
    open.close();
    guarded.close();
    searcher.close();
  }

  @Test
  void everyKindOfAnswerCarriesTheSecurityHeaders() throws Exception {
    Map<String, Integer> expected =
        Map.of(
            "/",
            200,
            "/app.js",
            200,
            "/app.css",
            200,
            "/api/search?q=harbour",
            200,
            "/api/health",
            200,
            "/api/search?q=x&limit=0",
            400,
            "/no/such/page",
            404,
            "/api/no-such-route",
            404,
            "/api/admin/reload",
            404);
    for (Map.Entry<String, Integer> e : expected.entrySet()) {
      HttpResponse<String> r = get(open, e.getKey());
      assertEquals(e.getValue(), r.statusCode(), e.getKey());
      assertHeaders(r, e.getKey());
    }
  }

  @Test
  void unknownPathsAreJson404s() throws Exception {
    HttpResponse<String> notFound = get(open, "/api/no-such-route");
    assertEquals(404, notFound.statusCode());
    assertTrue(Json.mapper().readTree(notFound.body()).hasNonNull("error"), notFound.body());
  }

  @Test
  void markupFromTheCorpusAndTheQueryIsEscapedInHighlights() throws Exception {
    String[] queries = {
      "alert",
      "onerror",
      "onmouseover",
      "script",
      "\"img src\"",
      "harbour <script>alert(1)</script>",
      "clerk \" onmouseover=\"x",
      "board <b>"
    };
    for (String q : queries) {
      for (String type : new String[] {"article", "quote"}) {
        JsonNode body =
            Json.mapper()
                .readTree(get(open, "/api/search?q=" + enc(q) + "&limit=100&type=" + type).body());
        // A query the parser refuses (a slash starts a regex) answers an error, and no markup.
        for (JsonNode hit : body.path("hits")) {
          for (String html : markup(hit)) {
            String withoutMarks = html.replace("<mark>", "").replace("</mark>", "");
            assertTrue(!withoutMarks.contains("<") && !withoutMarks.contains(">"), q + ": " + html);
            assertTrue(!withoutMarks.contains("\""), q + ": quotes must be escaped: " + html);
          }
        }
      }
    }
    JsonNode body =
        Json.mapper().readTree(get(open, "/api/search?q=" + enc("alert") + "&type=article").body());
    assertTrue(body.get("total").asInt() >= 2, body.toString());
    String html = body.get("hits").toString();
    assertTrue(html.contains("&lt;script&gt;<mark>alert</mark>(1)&lt;"), html);
    assertTrue(html.contains("&lt;img src=x onerror=<mark>alert</mark>(1)&gt;"), html);
  }

  /** Every string of a hit that the page inserts as HTML. */
  private static java.util.List<String> markup(JsonNode hit) {
    java.util.List<String> html = new java.util.ArrayList<>();
    hit.path("passages").forEach(p -> html.add(p.path("html").asText()));
    for (String field : new String[] {"titleHtml", "speakerHtml"}) {
      if (hit.hasNonNull(field)) {
        html.add(hit.get(field).asText());
      }
    }
    return html;
  }

  @Test
  void adminRoutesAreOffWithoutAToken() throws Exception {
    for (String path : new String[] {"/api/admin/reload", "/api/admin/reindex"}) {
      HttpResponse<String> r = post(open, path, null);
      assertEquals(404, r.statusCode(), path);
      assertHeaders(r, path);
      HttpResponse<String> withAGuess = post(open, path, "Bearer " + TOKEN);
      assertEquals(404, withAGuess.statusCode(), path);
    }
  }

  @Test
  void adminRoutesNeedTheRightBearerToken() throws Exception {
    for (String auth :
        new String[] {
          null,
          "",
          "Bearer",
          "Bearer ",
          "Bearer wrong",
          "Basic " + TOKEN,
          TOKEN,
          "Bearer " + TOKEN + "x",
          "Bearer " + TOKEN.substring(1),
          "Bearer " + TOKEN.toUpperCase()
        }) {
      HttpResponse<String> r = post(guarded, "/api/admin/reload", auth);
      assertEquals(401, r.statusCode(), String.valueOf(auth));
      assertTrue(
          r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
          String.valueOf(auth));
      assertHeaders(r, "401");
    }
    HttpResponse<String> ok = post(guarded, "/api/admin/reload", "Bearer " + TOKEN);
    assertEquals(200, ok.statusCode(), ok.body());
    JsonNode body = Json.mapper().readTree(ok.body());
    assertEquals(searcher.stats().articles(), body.get("articles").asLong());
    assertEquals(false, body.get("refreshed").asBoolean());
    // A GET cannot change state.
    assertEquals(404, get(guarded, "/api/admin/reload").statusCode());
  }

  @Test
  void anAuthorizedReindexRebuildsAndReloads() throws Exception {
    HttpResponse<String> started = post(guarded, "/api/admin/reindex", "Bearer " + TOKEN);
    assertEquals(202, started.statusCode(), started.body());
    JsonNode status;
    long deadline = System.nanoTime() + 60_000_000_000L;
    do {
      Thread.sleep(100);
      status = Json.mapper().readTree(adminGet("/api/admin/reindex").body());
    } while (status.get("running").asBoolean() && System.nanoTime() < deadline);
    assertEquals(false, status.get("running").asBoolean());
    JsonNode last = status.get("last");
    assertTrue(last.hasNonNull("files") && !last.has("error"), status.toString());
    // Nothing changed in the corpus, so the update reads nothing and the index keeps its articles.
    assertEquals(0, last.get("files").asInt(), status.toString());
    assertEquals(1, last.get("unchanged").asInt(), status.toString());
    assertEquals(2, searcher.stats().articles());
    assertEquals(401, post(guarded, "/api/admin/reindex", "Bearer nope").statusCode());
  }

  @Test
  void adminAccessRefusesWeakTokensAndHidesItsToken() throws IOException {
    assertThrows(IllegalArgumentException.class, () -> new AdminAccess("short", null, null));
    assertThrows(
        IllegalArgumentException.class, () -> new AdminAccess("                    ", null, null));
    Path file = dir.resolve("token");
    Files.writeString(file, "  " + TOKEN + "\n");
    AdminAccess fromFile = AdminAccess.fromFile(file, null, null);
    assertEquals(TOKEN, fromFile.token());
    assertTrue(!fromFile.toString().contains(TOKEN), fromFile.toString());
    assertTrue(fromFile.allows("Bearer " + TOKEN));
    assertTrue(!fromFile.allows("Bearer " + TOKEN + " extra"));
  }

  private static void assertHeaders(HttpResponse<String> r, String what) {
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), what);
    assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), what);
    assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null), what);
    String csp = r.headers().firstValue("Content-Security-Policy").orElse(null);
    assertNotNull(csp, what);
    assertTrue(
        csp.contains("script-src 'self'")
            && !csp.contains("unsafe-inline")
            && csp.contains("frame-ancestors 'none'"),
        csp);
  }

  private static HttpResponse<String> get(WebServer server, String path)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(uri(server, path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> adminGet(String path)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(uri(guarded, path))
            .header("Authorization", "Bearer " + TOKEN)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(WebServer server, String path, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(server, path)).POST(HttpRequest.BodyPublishers.noBody());
    if (authorization != null && !authorization.isEmpty()) {
      b.header("Authorization", authorization);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(WebServer server, String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
