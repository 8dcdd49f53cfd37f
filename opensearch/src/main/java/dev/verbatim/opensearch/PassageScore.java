package dev.verbatim.opensearch;

import dev.verbatim.search.SearchResult;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the local highlighter ranks an article's sentences, redone on a cluster hit's marks: Lucene's
 * default passage score (BM25 over the passage, with k1 1.2, b 0.75 and an average passage of 87
 * characters, a matched word's weight from how often it is matched in the whole text, and a small
 * bonus for passages nearer the start). Each distinct marked text counts as one term. Stateless.
 */
final class PassageScore {
  private static final double K1 = 1.2;
  private static final double B = 0.75;
  private static final double PIVOT = 87;

  private PassageScore() {}

  /** The score of {@code sentence} ({start, end}) of {@code text}; 0 when it holds no mark. */
  static double of(String text, int[] sentence, List<SearchResult.Span> marks) {
    Map<String, Integer> inDoc = new HashMap<>();
    Map<String, Integer> inPassage = new HashMap<>();
    for (SearchResult.Span m : marks) {
      String term = text.substring(m.start(), m.end()).toLowerCase(Locale.ROOT);
      inDoc.merge(term, 1, Integer::sum);
      if (m.start() >= sentence[0] && m.start() < sentence[1]) {
        inPassage.merge(term, 1, Integer::sum);
      }
    }
    double numDocs = 1 + text.length() / PIVOT;
    int length = sentence[1] - sentence[0];
    double score = 0;
    for (Map.Entry<String, Integer> e : inPassage.entrySet()) {
      double weight = (K1 + 1) * Math.log(1 + (numDocs + 0.5) / (inDoc.get(e.getKey()) + 0.5));
      double norm = K1 * ((1 - B) + B * (length / PIVOT));
      score += weight * e.getValue() / (e.getValue() + norm);
    }
    return score * (1 + 1 / Math.log(PIVOT + sentence[0]));
  }
}
