package dev.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.index.Indexer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code verbatim search} filters, sort, sources and facets, run as a user would. */
class SearchCommandTest {
  @TempDir static Path indexDir;

  @BeforeAll
  static void index() throws Exception {
    new Indexer(1)
        .rebuild(Path.of(SearchCommandTest.class.getResource("/results-corpus").toURI()), indexDir);
  }

  @Test
  void aRepeatedQuoteSaysHowManySources() {
    String[] out = run(0, "--type", "quote", "\"so unfair\"");
    assertTrue(out[0].startsWith("1 hits for \"so unfair\""), out[0]);
    assertTrue(
        out[0].contains(
            "   2 sources: Senator calls court ruling unfair — Metro US; Roe vows appeal — Daily"
                + " Ledger"),
        out[0]);
    assertTrue(out[0].contains("This is [so unfair],"), out[0]);
  }

  @Test
  void filtersAndSort() {
    String[] out =
        run(
            0,
            "--type",
            "article",
            "--source",
            "Farm Weekly",
            "--date",
            "2019-03",
            "--sort",
            "date",
            "harvest");
    assertTrue(out[0].startsWith("2 hits for harvest"), out[0]);
    assertTrue(out[0].indexOf("Harvest report 11") < out[0].indexOf("Harvest report 9"), out[0]);
    assertTrue(
        run(0, "--type", "quote", "--speaker", "Ann Lee", "harvest")[0].startsWith(
            "1 hits for harvest"));
  }

  @Test
  void facetsOnRequest() {
    String withFacets = run(0, "--type", "quote", "--facets", "\"so unfair\"")[0];
    assertTrue(withFacets.contains("speaker:\n       2  Jane Roe\n"), withFacets);
    assertTrue(withFacets.contains("date:\n       2  2018\n       2    2018-06\n"), withFacets);
    assertTrue(!run(0, "--type", "quote", "\"so unfair\"")[0].contains("speaker:"));
  }

  @Test
  void morePagesPrintTheCursor() {
    String out = run(0, "--limit", "2", "harvest")[0];
    assertTrue(out.matches("(?s).*\nnext page: --cursor [A-Za-z0-9_-]+\n.*"), out);
  }

  @Test
  void badOptionsExitTwo() {
    assertTrue(run(2, "--date", "2019-13", "harvest")[1].contains("YYYY-MM"));
    assertTrue(run(2, "--sort", "popular", "harvest")[1].contains("relevance or date"));
  }

  private static String[] run(int expectedCode, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] full = new String[args.length + 3];
    full[0] = "search";
    full[1] = "--index";
    full[2] = indexDir.toString();
    System.arraycopy(args, 0, full, 3, args.length);
    int code = cli.execute(full);
    assertEquals(expectedCode, code, err.toString());
    return new String[] {out.toString().replace(System.lineSeparator(), "\n"), err.toString()};
  }

  @Test
  void formatCsvExportsTheSearchWithItsFilters() throws Exception {
    java.nio.file.Path corpus =
        java.nio.file.Path.of(SearchCommandTest.class.getResource("/newsroom-corpus").toURI());
    java.nio.file.Path idx = java.nio.file.Files.createTempDirectory("verbatim-export-cli");
    assertEquals(
        0, MainTest.run("index", "--corpus", corpus.toString(), "--index", idx.toString()).code());
    MainTest.Run run =
        MainTest.run(
            "search",
            "--index",
            idx.toString(),
            "--format",
            "csv",
            "--speaker",
            "Bo Lind",
            "--type",
            "quote",
            "--sort",
            "date",
            "");
    assertEquals(0, run.code(), run.err());
    java.util.List<java.util.List<String>> rows = dev.verbatim.web.ExportTest.csv(run.out());
    assertEquals(dev.verbatim.web.Export.COLUMNS, rows.get(0));
    assertEquals(3, rows.size(), run.out());
    assertTrue(
        rows.stream()
            .anyMatch(r -> r.get(1).equals("'=SUM(A1:A9) will not run in your spreadsheet,")),
        run.out());
    assertEquals("/quotes/", rows.get(1).get(10).substring(0, 8), "paths, there is no server");
    MainTest.Run bad = MainTest.run("search", "--index", idx.toString(), "--format", "xls", "x");
    assertEquals(2, bad.code());
  }

  @Test
  void anExportPastTheLimitIsCutThereAndSaysSoOnStderr(@TempDir Path dir) throws Exception {
    Path corpus = dev.verbatim.web.ExportTest.manyArticles(dir.resolve("corpus"), 1_050);
    Path idx = dir.resolve("index");
    assertEquals(
        0, MainTest.run("index", "--corpus", corpus.toString(), "--index", idx.toString()).code());
    MainTest.Run run =
        MainTest.run(
            "search", "--index", idx.toString(), "--type", "article", "--format", "jsonl", "ferry");
    assertEquals(0, run.code(), run.err());
    assertEquals(dev.verbatim.web.Export.MAX_ROWS, run.out().strip().split("\n").length);
    assertEquals(
        "verbatim: exported 1000 of 1050 hits (at most 1000 rows an export); page on with --offset"
            + " 1000",
        run.err().strip());
    MainTest.Run rest =
        MainTest.run(
            "search",
            "--index",
            idx.toString(),
            "--type",
            "article",
            "--format",
            "jsonl",
            "--offset",
            "1000",
            "ferry");
    assertEquals(50, rest.out().strip().split("\n").length);
    assertEquals("", rest.err(), "nothing left out");
  }
}
