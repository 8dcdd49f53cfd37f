package dev.verbatim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Graded relevance judgments (TREC qrels: {@code qid 0 docid grade}) and the metrics they allow:
 * MAP, nDCG@10, P@10 and Recall@100, computed as trec_eval does. Immutable after reading.
 *
 * <p>A document is relevant when its grade is at least 1; grade 0 and negative grades (Cranfield's
 * -1, "of no interest") count as judged non-relevant. nDCG uses the grade itself as the gain.
 */
final class RelevanceJudgments {
  /** The smallest grade that counts as relevant. */
  static final int RELEVANT = 1;

  private final Map<String, Map<String, Integer>> grades;

  private RelevanceJudgments(Map<String, Map<String, Integer>> grades) {
    this.grades = grades;
  }

  /** Reads a qrels file; a malformed line is an error naming the line, not a silent skip. */
  static RelevanceJudgments read(Path qrels) throws IOException {
    Map<String, Map<String, Integer>> grades = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(qrels, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\\s+");
      if (f.length != 4) {
        throw new IllegalArgumentException(
            qrels + ":" + (i + 1) + ": expected 'qid iteration docid grade', got '" + line + "'");
      }
      try {
        grades.computeIfAbsent(f[0], q -> new HashMap<>()).put(f[2], Integer.parseInt(f[3]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            qrels + ":" + (i + 1) + ": grade must be an integer, got '" + f[3] + "'", e);
      }
    }
    return new RelevanceJudgments(grades);
  }

  static RelevanceJudgments of(Map<String, Map<String, Integer>> grades) {
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
    grades.forEach((q, g) -> copy.put(q, Map.copyOf(g)));
    return new RelevanceJudgments(copy);
  }

  /**
   * Scores one query's ranking, best first.
   *
   * @return null when the query has no relevant document, so no metric is defined for it
   */
  Scores score(String qid, List<String> ranking) {
    Map<String, Integer> judged = grades.getOrDefault(qid, Map.of());
    long relevant = judged.values().stream().filter(g -> g >= RELEVANT).count();
    if (relevant == 0) {
      return null;
    }
    double precisionSum = 0;
    int found = 0;
    int foundAt10 = 0;
    int foundAt100 = 0;
    double dcg = 0;
    for (int i = 0; i < ranking.size(); i++) {
      int grade = judged.getOrDefault(ranking.get(i), 0);
      if (grade < RELEVANT) {
        continue;
      }
      found++;
      precisionSum += found / (double) (i + 1);
      if (i < 10) {
        foundAt10++;
        dcg += grade / log2(i + 2);
      }
      if (i < 100) {
        foundAt100++;
      }
    }
    double idealDcg = 0;
    List<Integer> best =
        judged.values().stream()
            .filter(g -> g >= RELEVANT)
            .sorted((a, b) -> b - a)
            .limit(10)
            .toList();
    for (int i = 0; i < best.size(); i++) {
      idealDcg += best.get(i) / log2(i + 2);
    }
    return new Scores(
        precisionSum / relevant, dcg / idealDcg, foundAt10 / 10.0, foundAt100 / (double) relevant);
  }

  /** Query ids with at least one relevant document: the queries a mean is taken over. */
  List<String> judgedQueries() {
    return grades.entrySet().stream()
        .filter(e -> e.getValue().values().stream().anyMatch(g -> g >= RELEVANT))
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * The mean of every judged query's scores; a judged query missing from {@code runs} scores 0, as
   * with {@code trec_eval -c}.
   */
  Scores mean(Map<String, List<String>> runs) {
    List<String> queries = judgedQueries();
    double[] sum = new double[4];
    for (String qid : queries) {
      Scores s = score(qid, runs.getOrDefault(qid, List.of()));
      sum[0] += s.map();
      sum[1] += s.ndcg10();
      sum[2] += s.p10();
      sum[3] += s.recall100();
    }
    int n = Math.max(1, queries.size());
    return new Scores(sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n);
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }

  /** Average precision (mean of them: MAP), nDCG@10, precision@10, recall@100. */
  record Scores(double map, double ndcg10, double p10, double recall100) {}
}
