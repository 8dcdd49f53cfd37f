package dev.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.web.Json;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
  @TempDir Path dir;

  @Test
  void tinyRunHasEveryRowWithPositiveRatios() throws Exception {
    // Learns from Reuters when given (-Dverbatim.reuters=FILE), else from a corpus of our own.
    Path from = dev.verbatim.bench.CorpusGeneratorTest.trainingText(dir);
    Path corpus = dir.resolve("tiny.jsonl.gz");
    MainTest.Run gen =
        MainTest.run(
            "bench",
            "generate",
            "--articles",
            "150",
            "--out",
            corpus.toString(),
            "--seed",
            "3",
            "--from",
            from.toString());
    assertEquals(0, gen.code(), gen.err());
    assertTrue(gen.out().startsWith("wrote 150 articles"), gen.out());

    Path json = dir.resolve("bench.json");
    MainTest.Run run =
        MainTest.run(
            "bench",
            "--corpus",
            corpus.toString(),
            "--reuters",
            "none",
            "--work",
            dir.resolve("work").toString(),
            "--rounds",
            "1",
            "--seconds",
            "0.2",
            "--queries",
            "4",
            "--json",
            json.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(
        run.out().contains("| section | case | metric | Verbatim | baseline | ratio |"), run.out());

    JsonNode rows = Json.mapper().readTree(json.toFile()).get("rows");
    Set<String> seen = new HashSet<>();
    for (JsonNode row : rows) {
      String key =
          row.get("section").asText()
              + "|"
              + row.get("name").asText()
              + "|"
              + row.get("metric").asText();
      seen.add(key);
      if (!row.get("ratio").isNull()) {
        double ratio = row.get("ratio").asDouble();
        assertTrue(ratio > 0 && Double.isFinite(ratio), key + " ratio " + ratio);
      }
    }
    String generated = "generated tiny.jsonl.gz";
    List<String> expected =
        new java.util.ArrayList<>(
            List.of(
                "indexing|" + generated + "|docs/s",
                "indexing|" + generated + "|MB/s",
                "indexing|" + generated + "|extraction share",
                "indexing|" + generated + "|docs per CPU-s",
                "memory|served index, -Xmx256m|heap used after GC, MB",
                "memory|served index, -Xmx256m|errors"));
    for (String kind : List.of("term", "and", "or", "phrase", "speaker", "faceted")) {
      for (String threads : List.of("1 thread", "2 threads")) {
        for (String metric : List.of("p50 ms", "p99 ms", "QPS", "CPU ms/query")) {
          expected.add("search|" + kind + ", " + threads + "|" + metric);
        }
      }
    }
    int cores = Runtime.getRuntime().availableProcessors();
    for (String c :
        List.of(
            "1 connection vs API 1T",
            "16 connections vs API " + Math.min(16, cores) + "T",
            "64 connections vs API " + Math.min(64, cores) + "T")) {
      for (String metric : List.of("req/s", "p50 ms", "p99 ms", "errors")) {
        expected.add("http|" + c + "|" + metric);
      }
    }
    for (String key : expected) {
      assertTrue(seen.contains(key), "missing row " + key + " in " + seen);
    }
    for (JsonNode row : rows) {
      if (row.get("metric").asText().equals("errors")) {
        assertEquals(0, row.get("verbatim").asDouble(), row.toString());
      }
    }
  }
}
