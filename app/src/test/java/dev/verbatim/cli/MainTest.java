package dev.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.web.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
  @TempDir static Path indexDir;
  static Path corpus;

  @BeforeAll
  static void index() throws Exception {
    corpus = Path.of(MainTest.class.getResource("/fixture-corpus").toURI());
    Run run = run("index", "--corpus", corpus.toString(), "--index", indexDir.toString());
    assertEquals(0, run.code, run.err);
    assertTrue(run.out.startsWith("indexed 4 articles and "), run.out);
  }

  @Test
  void searchPrintsReadableHitsWithMarks() {
    Run run = run("search", "--index", indexDir.toString(), "regrettable");
    assertEquals(0, run.code, run.err);
    assertTrue(run.out.startsWith("1 hits for regrettable"), run.out);
    assertTrue(
        run.out.contains(
            "[article] Harbour bridge reopens after two years of repairs — Coastal Gazette"),
        run.out);
    assertTrue(run.out.contains("The city council called the delay [regrettable]."), run.out);
  }

  @Test
  void searchJsonIsTheApiShape() throws Exception {
    Run run =
        run("search", "--index", indexDir.toString(), "--type", "quote", "--json", "\"so unfair\"");
    assertEquals(0, run.code, run.err);
    JsonNode body = Json.mapper().readTree(run.out);
    assertEquals(1, body.get("total").asInt());
    assertEquals(
        "<mark>so unfair</mark>",
        body.get("hits").get(0).get("passages").get(0).get("html").asText());
  }

  @Test
  void badQueryExitsTwoWithTheMessage() {
    Run run = run("search", "--index", indexDir.toString(), "--strict", "(unclosed");
    assertEquals(2, run.code);
    assertEquals(
        "verbatim: cannot parse query: the '(' at character 1 is never closed", run.err.strip());
  }

  @Test
  void forgivenQueriesPrintTheNoteAndZeroHitsADidYouMean() {
    Run forgiven = run("search", "--index", indexDir.toString(), "(regrettable");
    assertEquals(0, forgiven.code, forgiven.err);
    assertTrue(
        forgiven.out.startsWith("1 hits for (regrettable")
            && forgiven.out.contains(
                "note: Unbalanced parenthesis ignored; searched as words: regrettable\n"),
        forgiven.out);
    Run misspelled = run("search", "--index", indexDir.toString(), "regretable");
    assertEquals(0, misspelled.code, misspelled.err);
    assertTrue(misspelled.out.contains("did you mean: regrettable\n"), misspelled.out);
  }

  @Test
  void helpListsTheQueryLanguage() {
    Run run = run("search", "--help");
    for (String operator :
        new String[] {
          "\"so unfair\"",
          "~3",
          "OR",
          "AND",
          "NOT",
          "pard*",
          "pardn~",
          "speaker:",
          "date:[2018-01-01 TO 2018-12-31]",
          "--strict"
        }) {
      assertTrue(run.out.contains(operator), operator + " in " + run.out);
    }
  }

  @Test
  void badUsageExitsTwo() {
    assertEquals(2, run("search", "--limit", "many", "x").code);
    assertEquals(2, run("frobnicate").code);
    assertEquals(2, run("search", "--index", indexDir.toString(), "--type", "video", "x").code);
  }

  @Test
  void missingIndexExitsOneWithAHint() {
    Run run = run("search", "--index", indexDir.resolve("absent").toString(), "x");
    assertEquals(1, run.code);
    assertTrue(run.err.contains("run `verbatim index` first"), run.err);
  }

  @Test
  void quotesJsonHasFileOffsetsKindSpeakerAndCue() throws Exception {
    Run run = run("quotes", "--json", corpus.resolve("harbour.txt").toString());
    assertEquals(0, run.code, run.err);
    String[] lines = run.out.strip().split("\n");
    assertEquals(2, lines.length, run.out);
    JsonNode first = Json.mapper().readTree(lines[0]);
    assertEquals("harbour", first.get("article").asText());
    assertEquals("harbour.txt", first.get("file").asText());
    String file = java.nio.file.Files.readString(corpus.resolve("harbour.txt"));
    assertEquals(file.indexOf("“This bridge"), first.get("offset").asInt());
    assertEquals(first.get("text").asText().length() + 2, first.get("length").asInt());
    assertEquals("full", first.get("kind").asText());
    for (String field : new String[] {"speaker", "cue"}) {
      assertTrue(first.has(field), field);
    }
  }

  @Test
  void helpIsEverywhere() {
    for (String cmd : new String[] {"index", "search", "quotes", "serve"}) {
      Run run = run(cmd, "--help");
      assertEquals(0, run.code);
      assertTrue(run.out.contains("Usage: verbatim " + cmd), run.out);
    }
  }

  @Test
  void hostileNeedsAJsonLinesCorpusAndHasHelp() {
    assertEquals(0, run("hostile", "--help").code);
    assertTrue(run("hostile", "--help").out.contains("--soak-seconds"));
    assertEquals(2, run("hostile").code);
    Run notJsonl =
        run(
            "hostile",
            "--corpus",
            corpus.resolve("harbour.txt").toString(),
            "--work",
            indexDir.resolve("h").toString());
    assertEquals(2, notJsonl.code);
    assertTrue(notJsonl.err.contains("corpus must be a .jsonl file"), notJsonl.err);
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
