package dev.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.web.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verbatim index} at the command line over a corpus in a temporary folder and a real index
 * on disk: {@code --source NAME} names the publication of articles that name none, and a change to
 * {@code --source} or to a folder's {@code verbatim.json} is read by the next run without {@code
 * --full}, once, for the files it applies to.
 */
class IndexCommandTest {
  private static final Pattern SUMMARY =
      Pattern.compile("indexed (\\d+) articles .* from (\\d+) files .*; (\\d+) unchanged, .*");

  @TempDir Path dir;
  Path corpus;
  Path index;

  @BeforeEach
  void corpus() throws Exception {
    corpus = dir.resolve("corpus");
    index = dir.resolve("index");
    write(
        "desk/ferry.txt", "Harbour ferry returns\n\n“We will sail again,” said Mayor Ana Ruiz.\n");
    write("desk/library.txt", "Library hours extended\n\nThe library opens until nine.\n");
    write(
        "wire/budget.md", "---\nsource: Valley Times\n---\n# Council budget\n\nThe council met.\n");
  }

  @Test
  void sourceNamesTheArticlesThatNameNoneAndNotTheOthers() throws Exception {
    assertEquals(List.of(3, 0), index("--source", "Harbour Post"));
    assertEquals(
        Map.of(
            "desk/ferry", "Harbour Post",
            "desk/library", "Harbour Post",
            "wire/budget", "Valley Times"),
        field("source"));
    // The quote carries its article's source: the filter finds it under the name given.
    JsonNode quotes = search("--type", "quote", "--source", "Harbour Post");
    assertEquals(1, quotes.get("total").asInt(), quotes.toString());
    assertEquals("Ana Ruiz", quotes.get("hits").get(0).get("speaker").asText());
  }

  @Test
  void aChangedSourceIsReadOnTheNextRunOnceWithoutFull() throws Exception {
    assertEquals(List.of(3, 0), index("--source", "Harbour Post"));
    assertEquals(List.of(0, 3), index("--source", "Harbour Post"));
    // Every file may hold articles that name no source: all are read again, once.
    assertEquals(List.of(3, 0), index("--source", "Coastal Gazette"));
    assertEquals(List.of(0, 3), index("--source", "Coastal Gazette"));
    assertEquals(
        Map.of(
            "desk/ferry", "Coastal Gazette",
            "desk/library", "Coastal Gazette",
            "wire/budget", "Valley Times"),
        field("source"));
    assertEquals(List.of(3, 0), index());
    assertEquals(List.of(0, 3), index());
    assertEquals(Map.of("wire/budget", "Valley Times"), field("source"));
  }

  @Test
  void aChangedVerbatimJsonIsReadOnTheNextRunForTheFilesItCovers() throws Exception {
    assertEquals(List.of(3, 0), index());
    write("desk/verbatim.json", "{\"source\": \"Metro US\"}");
    assertEquals(List.of(2, 1), index(), "the two files of desk/, not wire/");
    assertEquals(List.of(0, 3), index());
    assertEquals(
        Map.of("desk/ferry", "Metro US", "desk/library", "Metro US", "wire/budget", "Valley Times"),
        field("source"));

    write(
        "desk/verbatim.json",
        "{\"source\": \"Metro US\", \"url\": \"https://metro.example/{name}\"}");
    assertEquals(List.of(2, 1), index());
    assertEquals(List.of(0, 3), index());
    assertEquals(
        Map.of(
            "desk/ferry", "https://metro.example/ferry",
            "desk/library", "https://metro.example/library"),
        field("url"));

    // A folder below inherits it; one of its own fields wins there only.
    write("desk/late/night.txt", "Night ferry added\n\nA late boat sails at ten.\n");
    write("desk/late/verbatim.json", "{\"date\": \"2019-03-04\"}");
    assertEquals(List.of(1, 3), index());
    assertEquals(Map.of("desk/late/night", "2019-03-04"), field("date"));
    assertEquals("Metro US", field("source").get("desk/late/night"));

    Files.delete(corpus.resolve("desk/verbatim.json"));
    assertEquals(List.of(3, 1), index(), "desk/ and desk/late/, which inherited it");
    assertEquals(List.of(0, 4), index());
    assertEquals(Map.of("wire/budget", "Valley Times"), field("source"));
    assertEquals(Map.of(), field("url"));
  }

  /** Runs {@code verbatim index} with {@code options}; returns [files read, files unchanged]. */
  private List<Integer> index(String... options) {
    List<String> args =
        new ArrayList<>(
            List.of("index", "--corpus", corpus.toString(), "--index", index.toString()));
    args.addAll(List.of(options));
    MainTest.Run run = MainTest.run(args.toArray(String[]::new));
    assertEquals(0, run.code(), run.err());
    Matcher m = SUMMARY.matcher(run.out().lines().findFirst().orElse(""));
    assertTrue(m.matches(), run.out());
    return List.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  /** {@code verbatim search --format json} of every article or quote matching {@code options}. */
  private JsonNode search(String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("search", "--index", index.toString()));
    args.addAll(List.of(options));
    args.addAll(List.of("--format", "json", "--limit", "100", ""));
    MainTest.Run run = MainTest.run(args.toArray(String[]::new));
    assertEquals(0, run.code(), run.err());
    return Json.mapper().readTree(run.out());
  }

  /** Article id -> the exported {@code column} of every article that has one. */
  private Map<String, String> field(String column) throws Exception {
    MainTest.Run run =
        MainTest.run(
            "search", "--index", index.toString(), "--type", "article", "--format", "jsonl", "");
    assertEquals(0, run.code(), run.err());
    Map<String, String> out = new TreeMap<>();
    for (String line : run.out().strip().split("\n")) {
      JsonNode row = Json.mapper().readTree(line);
      if (!row.get(column).isNull()) {
        out.put(row.get("article_id").asText(), row.get(column).asText());
      }
    }
    return out;
  }

  private void write(String relative, String text) throws Exception {
    Path file = corpus.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
