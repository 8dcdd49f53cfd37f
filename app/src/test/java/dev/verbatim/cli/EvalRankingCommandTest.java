package dev.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluator end to end on a four-document collection of our own (src/test/resources/eval-tiny):
 * query 1 "bridge repairs" (a1 grade 2, a3 grade 1), query 2 a question with query syntax in it (a2
 * grade 1), query 3 judged with no relevant document, so not averaged, query 4 unjudged and too
 * long to search.
 */
class EvalRankingCommandTest {
  @TempDir Path dir;

  @Test
  void defaultRequiresBothShortWordsAndAnyOfALongQuestionsWords() throws Exception {
    Path run = dir.resolve("default.run");
    String out = eval("default", run);
    // q1 AND: only a1 -> AP 1/2, nDCG 2/(2 + 1/log2 3) = 0.7602; q2: a2 first -> 1.
    assertTrue(
        out.contains(
            "config default: 4 documents (and 0 quotes found in them), 4 queries (2 judged)"),
        out);
    // Query 4 is longer than the product accepts: reported, and it ranks nothing.
    assertTrue(
        out.contains("query 4 refused: query is 4499 characters long; at most 4000 are allowed"),
        out);
    assertTrue(out.contains("MAP 0.7500  nDCG@10 0.8801  P@10 0.1000  R@100 0.7500"), out);
    List<String> lines = Files.readAllLines(run);
    assertEquals(3, lines.size(), lines.toString());
    assertTrue(lines.get(0).matches("1 Q0 a1 1 \\d+\\.\\d{6} verbatim"), lines.get(0));
    assertTrue(lines.get(1).startsWith("2 Q0 a2 1 "), lines.get(1));
    assertTrue(lines.get(2).startsWith("3 Q0 a4 1 "), lines.get(2));
  }

  @Test
  void bareBm25MatchesAnyWord() throws Exception {
    // q1 OR: a1 (both words) then a3 (bridge only) -> every metric 1 except P@10 (2 and 1 of 10).
    String out = eval("bare-bm25", null);
    assertTrue(out.contains("MAP 1.0000  nDCG@10 1.0000  P@10 0.1500  R@100 1.0000"), out);
  }

  @Test
  void unknownConfigIsBadUsage() throws Exception {
    MainTest.Run r =
        MainTest.run(
            "eval-ranking",
            "--docs",
            tiny("docs.jsonl"),
            "--queries",
            tiny("queries.tsv"),
            "--qrels",
            tiny("qrels.trec"),
            "--config",
            "bm99");
    assertEquals(Main.USAGE, r.code());
    assertTrue(
        r.err().contains("unknown config 'bm99'; expected default, rm3 or bare-bm25"), r.err());
  }

  private String eval(String config, Path run) throws Exception {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "eval-ranking",
                "--docs",
                tiny("docs.jsonl"),
                "--queries",
                tiny("queries.tsv"),
                "--qrels",
                tiny("qrels.trec"),
                "--config",
                config));
    if (run != null) {
      args.addAll(List.of("--run", run.toString()));
    }
    MainTest.Run r = MainTest.run(args.toArray(String[]::new));
    assertEquals(Main.OK, r.code(), r.err());
    return r.out();
  }

  private static String tiny(String name) throws Exception {
    return Path.of(EvalRankingCommandTest.class.getResource("/eval-tiny/" + name).toURI())
        .toString();
  }
}
