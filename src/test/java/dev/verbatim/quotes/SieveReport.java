package dev.verbatim.quotes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.corpus.Article;
import dev.verbatim.corpus.CorpusReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Dev tool, not a test: each attribution rule's precision and coverage against a gold file of
 * quotes (the gold format: one JSON object a line with article, offset, length, speaker and
 * aliases), given on the command line with the corpus folder it marks. Run from the project folder
 * after {@code test-compile}:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) dev.verbatim.quotes.SieveReport \
 *     GOLD.jsonl CORPUS_FOLDER
 * </pre>
 *
 * A gold quote is matched to the extracted quote of its article with the largest overlap over union
 * (at least 0.5), as the scorer does; speakers compare as the scorer's strict rule does (case,
 * punctuation, apostrophes and Mr/Mrs/Ms/Dr set aside; aliases count). For each rule: how many
 * matched quotes it named a speaker for, how many of those are right (precision), and which share
 * of the matched gold quotes with a speaker it covers.
 */
final class SieveReport {
  private SieveReport() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: SieveReport GOLD.jsonl CORPUS_DIR");
      System.exit(2);
    }
    ObjectMapper json = new ObjectMapper();
    Map<String, List<JsonNode>> gold = new HashMap<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (!line.isBlank()) {
        JsonNode g = json.readTree(line);
        if (!"not-a-quote".equals(g.get("kind").asText())) {
          gold.computeIfAbsent(g.get("article").asText(), k -> new ArrayList<>()).add(g);
        }
      }
    }
    CorpusReader reader = new CorpusReader(Path.of(args[1]));
    QuoteExtractor extractor = new QuoteExtractor();
    Map<String, int[]> byRule = new TreeMap<>();
    Map<String, int[]> bySieve = new TreeMap<>();
    Map<String, int[]> byResolution = new TreeMap<>();
    int withSpeaker = 0;
    int matched = 0;
    int unattributed = 0;
    for (Path file : reader.files()) {
      for (Article a : reader.read(file).articles()) {
        List<JsonNode> golds = gold.get(a.id());
        if (golds == null) {
          continue;
        }
        List<Quote> quotes =
            extractor.extract(a).stream().filter(q -> q.kind() != Quote.Kind.NOT_A_QUOTE).toList();
        for (JsonNode g : golds) {
          Quote q = best(g, quotes, a.textOffset());
          if (q == null) {
            continue;
          }
          matched++;
          boolean goldNamed = !g.get("speaker").isNull();
          withSpeaker += goldNamed ? 1 : 0;
          if (q.speaker() == null) {
            unattributed += goldNamed ? 1 : 0;
            continue;
          }
          boolean right = goldNamed && names(g).contains(norm(q.speaker()));
          String rule = q.evidence().rule();
          count(byRule, rule, right);
          count(bySieve, rule.substring(0, rule.indexOf('/')), right);
          count(byResolution, rule.substring(rule.indexOf('/') + 1), right);
        }
      }
    }
    System.out.printf(
        "matched gold quotes %d, with a speaker %d, left without one %d%n",
        matched, withSpeaker, unattributed);
    print("stage 1: where the cue was found", bySieve, withSpeaker);
    print("stage 2: how the mention was resolved", byResolution, withSpeaker);
    print("rule (stage 1/stage 2)", byRule, withSpeaker);
  }

  private static void count(Map<String, int[]> m, String key, boolean right) {
    int[] c = m.computeIfAbsent(key, k -> new int[2]);
    c[0]++;
    c[1] += right ? 1 : 0;
  }

  private static void print(String title, Map<String, int[]> m, int withSpeaker) {
    System.out.println(title);
    System.out.printf(
        "  %-28s %6s %6s %9s %9s%n", "rule", "named", "right", "precision", "coverage");
    for (Map.Entry<String, int[]> e : m.entrySet()) {
      int[] c = e.getValue();
      System.out.printf(
          "  %-28s %6d %6d %9.3f %9.3f%n",
          e.getKey(), c[0], c[1], c[1] / (double) c[0], c[0] / (double) withSpeaker);
    }
  }

  private static Quote best(JsonNode g, List<Quote> quotes, int base) {
    int gs = g.get("offset").asInt();
    int ge = gs + g.get("length").asInt();
    Quote best = null;
    double bestIou = 0.5;
    for (Quote q : quotes) {
      int ps = base + q.offset();
      int pe = ps + q.length();
      int inter = Math.min(ge, pe) - Math.max(gs, ps);
      double iou = inter <= 0 ? 0 : inter / (double) (Math.max(ge, pe) - Math.min(gs, ps));
      if (iou >= bestIou) {
        bestIou = iou;
        best = q;
      }
    }
    return best;
  }

  private static Set<String> names(JsonNode g) {
    Set<String> out = new HashSet<>();
    out.add(norm(g.get("speaker").asText()));
    if (g.has("speaker_aliases")) {
      g.get("speaker_aliases").forEach(a -> out.add(norm(a.asText())));
    }
    return out;
  }

  /**
   * The scorer's norm(): NFKC, lower case, apostrophes out, punctuation to spaces, no Mr/Mrs/Ms/Dr.
   */
  private static String norm(String s) {
    String n =
        Normalizer.normalize(s, Normalizer.Form.NFKC)
            .replace("'", "")
            .replace("’", "")
            .replace("‘", "");
    StringBuilder b = new StringBuilder();
    n.codePoints()
        .forEach(
            c -> {
              int type = Character.getType(c);
              boolean punct =
                  type >= Character.DASH_PUNCTUATION && type <= Character.OTHER_PUNCTUATION
                      || type == Character.INITIAL_QUOTE_PUNCTUATION
                      || type == Character.FINAL_QUOTE_PUNCTUATION
                      || type == Character.CONNECTOR_PUNCTUATION
                      || type == Character.MATH_SYMBOL
                      || type == Character.CURRENCY_SYMBOL
                      || type == Character.MODIFIER_SYMBOL
                      || type == Character.OTHER_SYMBOL;
              b.appendCodePoint(punct ? ' ' : c);
            });
    List<String> words = new ArrayList<>();
    for (String w : b.toString().toLowerCase(Locale.ROOT).split("\\s+")) {
      if (!w.isEmpty() && !Set.of("mr", "mrs", "ms", "dr").contains(w)) {
        words.add(w);
      }
    }
    return String.join(" ", words);
  }
}
