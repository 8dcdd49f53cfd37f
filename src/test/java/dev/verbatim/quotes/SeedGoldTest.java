package dev.verbatim.quotes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.corpus.Article;
import dev.verbatim.corpus.CorpusReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The extractor against the hand-made gold for the seed articles in {@code corpus/}. */
class SeedGoldTest {
  /** The hand-made gold of the two seed articles, kept in the repository. */
  private static final Path GOLD = Path.of("src", "test", "resources", "gold", "seed-quotes.jsonl");

  private static final Path CORPUS = Path.of("corpus");

  @Test
  void seedArticlesMatchGold() throws Exception {
    if (!Files.isRegularFile(GOLD)) {
      fail(
          "gold file missing: expected "
              + GOLD.toAbsolutePath().normalize()
              + " (it is part of the repository)");
    }
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> gold = new ArrayList<>();
    for (String line : Files.readAllLines(GOLD)) {
      if (!line.isBlank()) {
        gold.add(json.readTree(line));
      }
    }
    // Produced quotes keyed by "file@offset-in-file".
    QuoteExtractor extractor = new QuoteExtractor();
    CorpusReader reader = new CorpusReader(CORPUS);
    Map<String, Quote> produced = new HashMap<>();
    for (Path file : reader.files()) {
      for (Article a : reader.read(file).articles()) {
        for (Quote q : extractor.extract(a)) {
          produced.put(a.file() + "@" + (a.textOffset() + q.offset()), q);
        }
      }
    }
    int spans = 0;
    int kinds = 0;
    int speakers = 0;
    List<String> problems = new ArrayList<>();
    for (JsonNode g : gold) {
      String key = g.get("file").asText() + "@" + g.get("offset").asInt();
      Quote q = produced.remove(key);
      if (q == null
          || q.length() != g.get("length").asInt()
          || !q.text().equals(g.get("text").asText())) {
        problems.add("span " + key + " '" + g.get("text").asText() + "' got " + q);
        continue;
      }
      spans++;
      if (q.kind().label().equals(g.get("kind").asText())) {
        kinds++;
      } else {
        problems.add(
            "kind " + key + " want " + g.get("kind").asText() + " got " + q.kind().label());
      }
      if (speakerMatches(g, q.speaker())) {
        speakers++;
      } else {
        problems.add(
            "speaker "
                + key
                + " '"
                + q.text()
                + "' want "
                + g.get("speaker")
                + " got "
                + q.speaker());
      }
    }
    for (Map.Entry<String, Quote> extra : produced.entrySet()) {
      problems.add("extra span not in gold: " + extra.getKey() + " " + extra.getValue());
    }
    int n = gold.size();
    System.out.printf(
        "seed gold: spans %d/%d, kinds %d/%d, speakers %d/%d%n", spans, n, kinds, n, speakers, n);
    problems.forEach(p -> System.out.println("  " + p));
    assertEquals(17, n, "gold size");
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  private static boolean speakerMatches(JsonNode g, String speaker) {
    if (g.get("speaker").isNull()) {
      return speaker == null;
    }
    if (g.get("speaker").asText().equals(speaker)) {
      return true;
    }
    for (JsonNode alias : g.get("speaker_aliases")) {
      if (alias.asText().equals(speaker)) {
        return true;
      }
    }
    return false;
  }
}
