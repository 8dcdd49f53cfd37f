package dev.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.web.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code verbatim quotes --json corpus/} and compares every line with the hand-made gold file
 * of the two seed articles: spans, kinds and speakers.
 */
class QuotesGoldTest {
  /** The hand-made gold of the two seed articles, kept in the repository. */
  private static final Path GOLD = Path.of("src/test/resources/gold/seed-quotes.jsonl");

  @Test
  void seedCorpusMatchesGoldSpansKindsAndSpeakers() throws IOException {
    assertTrue(
        Files.exists(GOLD),
        "gold file missing: " + GOLD.toAbsolutePath() + " (it is part of the repository)");
    MainTest.Run run = MainTest.run("quotes", "--json", "corpus");
    assertEquals(0, run.code(), run.err());

    Map<String, JsonNode> produced = new HashMap<>();
    for (String line : run.out().strip().split("\n")) {
      JsonNode q = Json.mapper().readTree(line);
      produced.put(q.get("file").asText() + "@" + q.get("offset").asInt(), q);
    }
    List<String> gold = Files.readAllLines(GOLD);
    int spans = 0, kinds = 0, speakers = 0;
    List<String> misses = new ArrayList<>();
    for (String line : gold) {
      JsonNode g = Json.mapper().readTree(line);
      String key = g.get("file").asText() + "@" + g.get("offset").asInt();
      JsonNode p = produced.remove(key);
      if (p == null
          || p.get("length").asInt() != g.get("length").asInt()
          || !p.get("text").asText().equals(g.get("text").asText())) {
        misses.add("span " + key + " " + g.get("text").asText());
        continue;
      }
      spans++;
      if (p.get("kind").asText().equals(g.get("kind").asText())) {
        kinds++;
      } else {
        misses.add("kind " + key + ": " + p.get("kind").asText() + " != " + g.get("kind").asText());
      }
      if (speakerMatches(p.get("speaker"), g)) {
        speakers++;
      } else {
        misses.add("speaker " + key + ": " + p.get("speaker") + " != " + g.get("speaker"));
      }
    }
    misses.addAll(produced.keySet().stream().map(k -> "extra span " + k).toList());
    int n = gold.size();
    System.out.printf(
        "seed gold via `verbatim quotes --json`: spans %d/%d, kinds %d/%d, speakers %d/%d%n",
        spans, n, kinds, n, speakers, n);
    assertEquals(List.of(), misses);
    assertEquals(17, n);
  }

  private static boolean speakerMatches(JsonNode produced, JsonNode gold) {
    if (gold.get("speaker").isNull()) {
      return produced == null || produced.isNull();
    }
    if (produced == null || produced.isNull()) {
      return false;
    }
    String s = produced.asText();
    if (s.equals(gold.get("speaker").asText())) {
      return true;
    }
    for (JsonNode alias : gold.get("speaker_aliases")) {
      if (s.equals(alias.asText())) {
        return true;
      }
    }
    return false;
  }
}
