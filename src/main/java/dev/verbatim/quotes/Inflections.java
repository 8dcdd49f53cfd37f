package dev.verbatim.quotes;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The regular forms of an English verb from its lemma: {@code add} -> {@code adds}, {@code added},
 * {@code adding}; {@code reply} -> {@code replies}, {@code replied}; {@code quip} -> {@code
 * quipped}. Enough for the reporting verbs of news copy, not a general morphology.
 */
final class Inflections {
  /** Verbs of two or more syllables stressed on the last, whose last consonant doubles. */
  private static final Set<String> DOUBLING =
      Set.of(
          "admit", "commit", "omit", "permit", "submit", "regret", "refer", "prefer", "occur",
          "deter");

  private Inflections() {}

  /** {@code lemma} and its -s, -ed and -ing forms. */
  static Set<String> of(String lemma) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(lemma);
    forms.add(thirdPerson(lemma));
    String stem = doubles(lemma) ? lemma + lemma.charAt(lemma.length() - 1) : lemma;
    forms.add(past(lemma, stem));
    forms.add(participle(lemma, stem));
    return forms;
  }

  static String thirdPerson(String w) {
    if (consonantY(w)) {
      return w.substring(0, w.length() - 1) + "ies";
    }
    boolean sibilant =
        w.endsWith("s")
            || w.endsWith("x")
            || w.endsWith("z")
            || w.endsWith("ch")
            || w.endsWith("sh")
            || w.endsWith("o");
    return w + (sibilant ? "es" : "s");
  }

  private static String past(String w, String stem) {
    if (consonantY(w)) {
      return w.substring(0, w.length() - 1) + "ied";
    }
    return w.endsWith("e") ? w + "d" : stem + "ed";
  }

  private static String participle(String w, String stem) {
    if (w.endsWith("ie")) {
      return w.substring(0, w.length() - 2) + "ying";
    }
    if (w.endsWith("e") && !w.endsWith("ee")) {
      return w.substring(0, w.length() - 1) + "ing";
    }
    return stem + "ing";
  }

  private static boolean consonantY(String w) {
    return w.length() > 1 && w.endsWith("y") && !isVowel(w.charAt(w.length() - 2));
  }

  /** "quip" -> "quipp-": one short vowel before one final consonant, in a short or listed verb. */
  private static boolean doubles(String w) {
    int n = w.length();
    if (n < 3 || !(n <= 4 || DOUBLING.contains(w))) {
      return false;
    }
    char last = w.charAt(n - 1);
    return !isVowel(last)
        && "wxy".indexOf(last) < 0
        && isVowel(w.charAt(n - 2))
        && (!isVowel(w.charAt(n - 3))
            || (n >= 4 && w.charAt(n - 3) == 'u' && w.charAt(n - 4) == 'q'));
  }

  private static boolean isVowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }
}
