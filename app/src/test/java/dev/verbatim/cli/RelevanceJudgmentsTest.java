package dev.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metrics checked against values worked out by hand. */
class RelevanceJudgmentsTest {
  private static final double EPS = 1e-12;

  // q1: three relevant (d5 best, then d1, then d3), d2 judged 0 and d4 judged -1 (not relevant).
  private final RelevanceJudgments judgments =
      RelevanceJudgments.of(
          Map.of(
              "q1", Map.of("d1", 2, "d2", 0, "d3", 1, "d4", -1, "d5", 3),
              "q2", Map.of("d1", 0),
              "q3", Map.of("d9", 1)));

  @Test
  void oneQueryByHand() {
    // d1 (grade 2) at rank 2, d3 (grade 1) at rank 4, d5 never retrieved.
    RelevanceJudgments.Scores s = judgments.score("q1", List.of("d2", "d1", "d4", "d3", "d6"));
    assertEquals((1.0 / 2 + 2.0 / 4) / 3, s.map(), EPS);
    assertEquals(0.2, s.p10(), EPS);
    assertEquals(2.0 / 3, s.recall100(), EPS);
    double dcg = 2 / log2(3) + 1 / log2(5);
    double ideal = 3 / log2(2) + 2 / log2(3) + 1 / log2(4);
    assertEquals(dcg / ideal, s.ndcg10(), EPS);
    assertEquals(0.355436, s.ndcg10(), 1e-6);
  }

  @Test
  void cutoffsAreCutoffs() {
    // The only relevant document at rank 11: no credit at 10, full credit at 100.
    List<String> ranking = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ranking.add("x" + i);
    }
    ranking.add("d9");
    RelevanceJudgments.Scores s = judgments.score("q3", ranking);
    assertEquals(0, s.p10(), EPS);
    assertEquals(0, s.ndcg10(), EPS);
    assertEquals(1, s.recall100(), EPS);
    assertEquals(1.0 / 11, s.map(), EPS);
  }

  @Test
  void meanIsOverQueriesWithARelevantDocument() {
    assertNull(judgments.score("q2", List.of("d1")));
    assertEquals(List.of("q1", "q3"), judgments.judgedQueries().stream().sorted().toList());
    // q3 has no run: it counts as zero, q2 has no relevant document: it does not count.
    RelevanceJudgments.Scores mean =
        judgments.mean(Map.of("q1", List.of("d5", "d1", "d3"), "q2", List.of("d1")));
    assertEquals(0.5, mean.map(), EPS);
    assertEquals(0.5, mean.ndcg10(), EPS);
    assertEquals(0.15, mean.p10(), EPS);
    assertEquals(0.5, mean.recall100(), EPS);
  }

  @Test
  void malformedQrelsNameTheLine(@TempDir Path dir) throws IOException {
    Path bad = Files.writeString(dir.resolve("q.trec"), "1 0 d1 1\n1 0 d2 high\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RelevanceJudgments.read(bad));
    assertTrue(
        e.getMessage().endsWith("q.trec:2: grade must be an integer, got 'high'"), e.getMessage());
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }
}
