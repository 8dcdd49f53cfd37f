package dev.verbatim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export of a search as CSV and JSON Lines from {@code GET /api/search?format=}, against a real
 * server over a real index of {@code newsroom-corpus}, and over a generated corpus of more articles
 * than an export holds; and the citation line.
 */
public class ExportTest {
  /** Articles in the generated corpus: more than {@link Export#MAX_ROWS}. */
  public static final int MANY = Export.MAX_ROWS + 50;

  @TempDir static Path dir;
  static TestServer server;
  static TestServer many;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer("/newsroom-corpus", dir.resolve("index"));
    many = new TestServer(manyArticles(dir.resolve("many"), MANY), dir.resolve("many-index"));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    if (many != null) {
      many.close();
    }
  }

  /**
   * A folder holding {@code n} articles about a ferry (JSON Lines, one quote each, no two alike),
   * dated a day apart from 2019-01-01 on.
   */
  public static Path manyArticles(Path folder, int n) throws java.io.IOException {
    StringBuilder lines = new StringBuilder();
    java.time.LocalDate day = java.time.LocalDate.of(2019, 1, 1);
    for (int i = 0; i < n; i++) {
      lines.append(
          String.format(
              java.util.Locale.ROOT,
              "{\"id\":\"notice-%04d\",\"title\":\"Ferry notice %d\",\"source\":\"Harbour"
                  + " Post\",\"date\":\"%s\",\"text\":\"The ferry sails at pier %d.\\n\\n\\u201cWe"
                  + " will sail from pier %d,\\u201d said Captain Ana Ruiz.\"}%n",
              i,
              i,
              day.plusDays(i),
              i,
              i));
    }
    java.nio.file.Files.createDirectories(folder);
    java.nio.file.Files.writeString(folder.resolve("notices.jsonl"), lines);
    return folder;
  }

  /** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF) into rows of cells. */
  public static List<List<String>> csv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
        // CRLF as written; a bare LF where a browser's script bridge normalised the line ends.
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i += c == '\r' ? 1 : 0;
      } else {
        cell.append(c);
      }
    }
    return rows;
  }

  @Test
  void csvHasOneRowPerHitWithCitationPermalinkAndTheArticlesAddress() throws Exception {
    HttpResponse<String> r = server.get("/api/search?q=%22full+timetable%22&type=quote&format=csv");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("text/csv; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
    assertEquals(
        "attachment; filename=\"verbatim-export.csv\"",
        r.headers().firstValue("Content-Disposition").orElse(""));
    assertTrue(r.body().startsWith("\uFEFF"), "a BOM, so spreadsheets read UTF-8");
    List<List<String>> rows = csv(r.body().substring(1));
    assertEquals(Export.COLUMNS, rows.get(0));
    assertEquals(2, rows.size(), rows.toString());
    List<String> row = rows.get(1);
    assertEquals("quote", row.get(0));
    assertEquals("We will restore the full timetable before the summer season begins,", row.get(1));
    assertEquals("Ana Ruiz", row.get(2));
    assertEquals("Ferry service to resume in spring", row.get(4));
    assertEquals("Harbour Post", row.get(5));
    assertEquals("2019-03-04", row.get(6));
    assertEquals("https://harbourpost.example/2019/ferry-a", row.get(7));
    assertEquals("3", row.get(8), "three printings of one quote");
    assertEquals(
        "“We will restore the full timetable before the summer season begins,” — Ana Ruiz, “Ferry"
            + " service to resume in spring”, Harbour Post, March 4, 2019,"
            + " https://harbourpost.example/2019/ferry-a",
        row.get(9));
    assertTrue(
        row.get(10).matches("http://127\\.0\\.0\\.1:\\d+/quotes/[A-Za-z0-9_-]+"), row.get(10));
    assertEquals("wire/2019/ferry-a", row.get(11));
  }

  @Test
  void cellsASpreadsheetWouldRunAsAFormulaStayText() throws Exception {
    HttpResponse<String> r = server.get("/api/search?q=spreadsheet&type=quote&format=csv");
    List<List<String>> rows = csv(r.body().substring(1));
    assertEquals(2, rows.size(), rows.toString());
    assertEquals("'=SUM(A1:A9) will not run in your spreadsheet,", rows.get(1).get(1));
    for (String dangerous : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
      assertTrue(Export.cell(dangerous).replace("\"", "").startsWith("'"), dangerous);
    }
    assertEquals("plain", Export.cell("plain"));
    assertEquals("\"a, \"\"b\"\"\"", Export.cell("a, \"b\""));
  }

  @Test
  void jsonLinesFollowTheSearchsFiltersAndSort() throws Exception {
    HttpResponse<String> r =
        server.get("/api/search?speaker=Ana+Ruiz&type=quote&sort=date&format=jsonl");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
    List<JsonNode> lines = new ArrayList<>();
    for (String line : r.body().split("\n")) {
      lines.add(Json.mapper().readTree(line));
    }
    JsonNode answer = server.json("/api/search?speaker=Ana+Ruiz&type=quote&facets=true");
    assertEquals(answer.get("total").asInt(), lines.size());
    List<String> dates = lines.stream().map(l -> l.get("date").asText()).toList();
    List<String> newestFirst = new ArrayList<>(dates);
    newestFirst.sort(java.util.Comparator.reverseOrder());
    assertEquals(newestFirst, dates);
    for (JsonNode l : lines) {
      assertEquals("Ana Ruiz", l.get("speaker").asText());
      assertEquals(Export.COLUMNS, iterable(l));
    }
    // Unknown fields are null in the row and left out of the citation.
    JsonNode library =
        lines.stream()
            .filter(l -> l.get("headline").asText().startsWith("Library"))
            .findFirst()
            .get();
    assertTrue(library.get("url").isNull());
    assertEquals(
        "“Readers asked for evenings and we listened,” — Ana Ruiz, “Library hours extended”, Valley"
            + " Times, November 20, 2018",
        library.get("citation").asText());
    assertEquals(
        2, server.get("/api/search?type=quote&format=jsonl&limit=2").body().split("\n").length);
  }

  private static List<String> iterable(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void anExportHoldsAtMostTheLimitAndItsHeadersSayHowManyOfHowMany() throws Exception {
    HttpResponse<String> all = many.get("/api/search?q=ferry&type=article&format=csv");
    assertEquals(200, all.statusCode(), all.body());
    List<List<String>> rows = csv(all.body().substring(1));
    assertEquals(Export.MAX_ROWS + 1, rows.size(), "a header and " + Export.MAX_ROWS + " rows");
    assertEquals(String.valueOf(Export.MAX_ROWS), header(all, "X-Export-Rows"));
    assertEquals(String.valueOf(MANY), header(all, "X-Total-Count"));
    assertEquals("", header(all, "X-Total-Count-Exact"), "the total is exact");
    // In the search's order: the same first hit as the search itself.
    JsonNode top = many.json("/api/search?q=ferry&type=article&limit=1");
    assertEquals(top.get("hits").get(0).get("articleId").asText(), rows.get(1).get(11));
    assertEquals(Export.MAX_ROWS, rows.stream().skip(1).map(r -> r.get(11)).distinct().count());

    // limit asks for fewer rows, more than a search page holds; offset starts further in.
    HttpResponse<String> some =
        many.get("/api/search?q=ferry&type=article&sort=date&format=jsonl&limit=250");
    assertEquals(200, some.statusCode(), some.body());
    assertEquals(250, some.body().split("\n").length);
    assertEquals("250", header(some, "X-Export-Rows"));
    assertEquals(String.valueOf(MANY), header(some, "X-Total-Count"));
    HttpResponse<String> rest =
        many.get("/api/search?q=ferry&type=article&sort=date&format=jsonl&offset=1000");
    assertEquals(50, rest.body().split("\n").length);
    assertEquals("50", header(rest, "X-Export-Rows"));
    // Newest first: the 1,001st newest is the 50th oldest article.
    assertEquals(
        "notice-0049",
        Json.mapper().readTree(rest.body().split("\n")[0]).get("article_id").asText());
  }

  private static String header(HttpResponse<String> r, String name) {
    return r.headers().firstValue(name).orElse("");
  }

  @Test
  void anUnknownFormatIsABadRequest() throws Exception {
    HttpResponse<String> r = server.get("/api/search?q=ferry&format=xlsx");
    assertEquals(400, r.statusCode());
    assertEquals(
        "format must be json, csv or jsonl, got 'xlsx'",
        Json.mapper().readTree(r.body()).get("error").asText());
  }

  @Test
  void aCitationLeavesOutWhatIsNotKnown() {
    assertEquals(
        "“So unfair.” — Kim Kardashian, “Reality star asks for a pardon”, Metro US, June 6, 2018,"
            + " https://metro.example/a",
        Citation.of(
            "So unfair.",
            "Kim Kardashian",
            "Reality star asks for a pardon",
            "Metro US",
            "2018-06-06",
            "https://metro.example/a"));
    assertEquals(
        "“closed for repairs” — “Library hours extended”, Valley Times",
        Citation.of(
            "closed for repairs", null, "Library hours extended", "Valley Times", "", null));
    assertEquals("“Just words.”", Citation.of("Just words.", " ", null, null, null, null));
    assertEquals(
        "“Harbour budget”, Coastal Gazette, February 11, 2019",
        Citation.of(null, null, "Harbour budget", "Coastal Gazette", "2019-02-11", null));
    assertEquals(
        Arrays.asList("type", "quote"), Export.COLUMNS.subList(0, 2), "the first two columns");
  }
}
