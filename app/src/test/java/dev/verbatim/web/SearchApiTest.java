package dev.verbatim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/search} options and {@code /api/quotes/{id}}, over HTTP to a real server. */
class SearchApiTest {
  @TempDir static Path indexDir;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer("/results-corpus", indexDir);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  @Test
  void aRepeatedQuoteComesOnceWithItsSourcesPassagesAndFacets() throws Exception {
    JsonNode body = json("/api/search?q=" + enc("\"so unfair\"") + "&type=quote&facets=true");
    assertEquals(1, body.get("total").asInt());
    assertTrue(body.get("totalExact").asBoolean());
    assertTrue(body.get("nextCursor").isNull());
    JsonNode hit = body.get("hits").get(0);
    JsonNode passage = hit.get("passages").get(0);
    assertEquals("This is <mark>so unfair</mark>,", passage.get("html").asText());
    // One representation of each thing: the passages' html is not repeated elsewhere.
    assertFalse(hit.has("highlights"));
    assertEquals(0, passage.get("start").asInt());
    assertEquals(18, passage.get("end").asInt());
    assertEquals(8, passage.get("matches").get(0).get("start").asInt());
    assertEquals(17, passage.get("matches").get(0).get("end").asInt());
    assertEquals("full", hit.get("kind").asText());
    assertEquals("Senator calls court ruling unfair", hit.get("titleHtml").asText());
    assertEquals("Jane Roe", hit.get("speakerHtml").asText());
    // the evidence chain comes with the hit: the words naming the speaker, the rule
    assertEquals("Jane Roe", hit.get("mention").get("text").asText());
    assertEquals(21, hit.get("mention").get("offset").asInt());
    assertEquals("cue-after/name", hit.get("rule").asText());
    assertTrue(hit.get("antecedent").isNull());
    assertEquals(2, hit.get("sources").size());
    assertEquals("ruling-ledger", hit.get("sources").get(1).get("articleId").asText());
    assertEquals("Daily Ledger", hit.get("sources").get(1).get("source").asText());
    assertEquals("2018-06-07", hit.get("sources").get(1).get("date").asText());
    // The type dimension is counted without the type filter: two articles carry the phrase too.
    assertEquals(
        Json.mapper()
            .readTree(
                "[{\"value\":\"article\",\"count\":2,\"children\":[]},{\"value\":\"quote\",\"count\":2,\"children\":[]}]"),
        body.get("facets").get("type"));
    assertEquals(
        "2018-06",
        body.get("facets").get("date").get(0).get("children").get(0).get("value").asText());

    // Facets are counted only when asked for; the page is the same without them.
    JsonNode plain = json("/api/search?q=" + enc("\"so unfair\"") + "&type=quote");
    assertEquals(0, plain.get("facets").size());
    assertEquals(hit, plain.get("hits").get(0));
    assertEquals(1, plain.get("total").asInt());
    assertEquals(400, get("/api/search?q=x&facets=maybe").statusCode());

    String quoteId = hit.get("quoteId").asText();
    HttpResponse<String> r = get("/api/quotes/" + quoteId);
    assertEquals(200, r.statusCode());
    JsonNode quote = Json.mapper().readTree(r.body());
    assertEquals(quoteId, quote.get("quoteId").asText());
    assertEquals("This is so unfair,", quote.get("text").asText());
    assertEquals("Jane Roe", quote.get("speaker").asText());
    assertEquals("full", quote.get("kind").asText());
    JsonNode second = quote.get("sources").get(1);
    assertEquals("ruling-ledger#0", second.get("id").asText());
    assertEquals(0, second.get("offset").asInt());
    assertEquals("said", second.get("cue").asText());
    assertEquals("Roe vows appeal", second.get("title").asText());
  }

  @Test
  void unknownQuoteIs404Json() throws Exception {
    HttpResponse<String> r = get("/api/quotes/0123456789abcdef01234567");
    assertEquals(404, r.statusCode());
    assertTrue(
        Json.mapper().readTree(r.body()).get("error").asText().contains("0123456789abcdef01234567"),
        r.body());
  }

  @Test
  void filtersAndSortComeFromTheQueryString() throws Exception {
    assertEquals(1, json("/api/search?type=quote&speaker=" + enc("Ann Lee")).get("total").asInt());
    assertEquals(4, json("/api/search?q=harvest&type=article&date=2019-02").get("total").asInt());
    assertEquals(
        2,
        json("/api/search?q=harvest&type=article&date=2019-03&source=" + enc("Farm Weekly"))
            .get("total")
            .asInt());
    JsonNode newest = json("/api/search?q=harvest&type=article&sort=date&limit=2");
    assertEquals("harvest-11", newest.get("hits").get(0).get("id").asText());
    assertEquals("harvest-10", newest.get("hits").get(1).get("id").asText());
  }

  @Test
  void passageOptionsShapeTheExcerpts() throws Exception {
    JsonNode best = json("/api/search?q=zeppelin&type=article&passages=1").get("hits").get(0);
    assertEquals(1, best.get("passages").size());
    // The best passage is the short sentence; in text order the long one comes first.
    assertEquals(
        "Nobody told us the <mark>zeppelin</mark> would stay above the square for a whole year.",
        best.get("passages").get(0).get("html").asText());
    JsonNode cut =
        json("/api/search?q=zeppelin&type=article&passages=2&passageLength=80").get("hits").get(0);
    assertEquals(2, cut.get("passages").size());
    assertEquals(
        "\u2026mentioned the <mark>zeppelin</mark> that had been parked above the town hall"
            + " since\u2026",
        cut.get("passages").get(0).get("html").asText());
  }

  @Test
  void theCursorWalksTheSamePagesAsOffsets() throws Exception {
    String base = "/api/search?q=" + enc("harvest OR field") + "&type=quote&limit=5";
    List<String> byOffset = new ArrayList<>();
    for (int offset = 0; offset < 15; offset += 5) {
      json(base + "&offset=" + offset).get("hits").forEach(h -> byOffset.add(h.get("id").asText()));
    }
    List<String> byCursor = new ArrayList<>();
    String cursor = "";
    int pages = 0;
    do {
      JsonNode page = json(base + "&cursor=" + cursor);
      page.get("hits").forEach(h -> byCursor.add(h.get("id").asText()));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
      pages++;
    } while (cursor != null);
    assertEquals(3, pages);
    assertEquals(13, byOffset.size());
    assertEquals(byOffset, byCursor);
  }

  @Test
  void corpusMarkupArrivesEscaped() throws Exception {
    JsonNode hit = json("/api/search?q=alert&type=article").get("hits").get(0);
    assertEquals(
        "Markup &lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt; in a headline",
        hit.get("titleHtml").asText());
    assertEquals("Markup <script>alert(1)</script> in a headline", hit.get("title").asText());
  }

  @Test
  void badOptionsAre400WithAMessage() throws Exception {
    for (String bad :
        new String[] {
          "cursor=garbage!",
          "limit=10&offset=9995",
          "date=2019-13",
          "date=June",
          "sort=popular",
          "passages=0",
          "passageLength=5",
          "passages=two",
          "offset=3&cursor=" + validCursor()
        }) {
      HttpResponse<String> r = get("/api/search?q=harvest&" + bad);
      assertEquals(400, r.statusCode(), bad);
      String error = Json.mapper().readTree(r.body()).get("error").asText();
      assertTrue(!error.isBlank(), bad + " -> " + r.body());
    }
    assertTrue(
        Json.mapper()
            .readTree(get("/api/search?q=x&limit=10&offset=9995").body())
            .get("error")
            .asText()
            .contains("cursor"));
  }

  private static String validCursor() throws Exception {
    return json("/api/search?q=harvest&limit=2").get("nextCursor").asText();
  }

  private static JsonNode json(String path) throws Exception {
    return server.json(path);
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return server.get(path);
  }

  private static String enc(String s) {
    return TestServer.enc(s);
  }
}
