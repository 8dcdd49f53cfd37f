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
  void theCorporaAreArgumentsAndAMissingOneIsACleanUsageError() throws Exception {
    Path absent = dir.resolve("absent.jsonl");
    Path work = dir.resolve("work");
    MainTest.Run noFrom = MainTest.run("bench", "generate", "--articles", "5", "--out", "x.jsonl");
    assertEquals(2, noFrom.code(), noFrom.err());
    assertTrue(noFrom.err().contains("Missing required option: '--from=FILE'"), noFrom.err());
    MainTest.Run badFrom =
        MainTest.run(
            "bench",
            "generate",
            "--articles",
            "5",
            "--out",
            "x.jsonl",
            "--from",
            absent.toString());
    assertEquals(2, badFrom.code());
    assertEquals(
        "verbatim: --from " + absent + ": no such file (Reuters-21578 as JSON Lines)",
        badFrom.err().strip());
    MainTest.Run noReuters = MainTest.run("bench", "--work", work.toString());
    assertEquals(2, noReuters.code());
    assertEquals(
        "verbatim: the indexing section indexes Reuters-21578: give --reuters FILE (as JSON"
            + " Lines), or --reuters none to leave it out",
        noReuters.err().strip());
    MainTest.Run badReuters = MainTest.run("bench", "--reuters", absent.toString());
    assertEquals(2, badReuters.code());
    assertTrue(badReuters.err().contains(absent + ": no such file"), badReuters.err());
    MainTest.Run noCorpus =
        MainTest.run("bench", "--only", "search", "--work", work.toString(), "--articles", "7");
    assertEquals(2, noCorpus.code());
    assertEquals(
        "verbatim: the corpus "
            + work.resolve("generated-7.jsonl.gz")
            + " does not exist and there is no --reuters FILE to learn one from: give --corpus"
            + " FILE (see `verbatim bench generate`) or --reuters FILE",
        noCorpus.err().strip());
    assertTrue(java.nio.file.Files.notExists(work.resolve("generated-7.jsonl.gz")));
  }

  @Test
  void noCommandDefaultsToAPathOutsideTheRepository() throws Exception {
    List<String> outside = new java.util.ArrayList<>();
    for (Path sources : List.of(Path.of("src/main/java"), Path.of("app/src/main/java"))) {
      try (var files = java.nio.file.Files.walk(sources)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String text = java.nio.file.Files.readString(file);
          if (text.contains("/work/shared") || text.contains("../shared")) {
            outside.add(file.toString());
          }
        }
      }
    }
    assertEquals(List.of(), outside, "sources naming /work/shared or ../shared");
  }

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
                "memory|served index, -Xmx256m|errors",
                "memory|served index, -Xmx256m|shed (503)"));
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
