package dev.verbatim.quotes.match;

import java.text.Normalizer;
import java.util.Locale;

/**
 * When two printings of a quotation are the same quote: the key the extractor gives each span and
 * the comparison the indexer groups printings by. Pure functions, thread-safe. Not API: the module
 * does not export this package.
 */
public final class QuoteMatch {
  private QuoteMatch() {}

  /**
   * A key for spotting the same quotation in different articles: lower case, accents, quote marks,
   * apostrophes and other punctuation dropped, whitespace collapsed. {@code This is so unfair.} and
   * {@code “This is so unfair,”} give the same key. Pure function, thread-safe.
   */
  public static String fingerprint(String quoteText) {
    if (isAscii(quoteText)) {
      return asciiFingerprint(quoteText);
    }
    String folded = Normalizer.normalize(quoteText, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(folded.length());
    boolean space = false;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.append(c);
      } else if (Character.getType(c) == Character.NON_SPACING_MARK
          || c == '\''
          || c == '’'
          || c == '‘'
          || c == 'ʼ') {
        // accents and apostrophes vanish inside a word: "don’t" = "dont"
      } else {
        space = true;
      }
    }
    return out.toString();
  }

  /**
   * {@link #fingerprint} of an ASCII text in one pass: ASCII has no decompositions and no
   * non-spacing marks, and lower-cases letter by letter, so no normalised or lower-cased copy.
   */
  private static String asciiFingerprint(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lower = c >= 'a' && c <= 'z';
      boolean upper = c >= 'A' && c <= 'Z';
      if (lower || upper || (c >= '0' && c <= '9')) {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.append(upper ? (char) (c + ('a' - 'A')) : c);
      } else if (c != '\'') {
        space = true;
      }
    }
    return out.toString();
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * The words two printings of a quotation are compared on: the {@link #fingerprint} of the text
   * with square-bracketed editorial insertions ({@code [Trump]}, {@code [the]}) left out. Ellipses,
   * dashes and commas are punctuation, so they vanish as in the fingerprint. Pure, thread-safe.
   */
  public static String comparedWords(String quoteText) {
    int open = quoteText.indexOf('[');
    if (open < 0) {
      return fingerprint(quoteText);
    }
    StringBuilder kept = new StringBuilder(quoteText.length());
    int from = 0;
    while (open >= 0) {
      int close = quoteText.indexOf(']', open + 1);
      if (close < 0) {
        break;
      }
      // A space stands in for the insertion, so the words either side stay apart.
      kept.append(quoteText, from, open).append(' ');
      from = close + 1;
      open = quoteText.indexOf('[', from);
    }
    kept.append(quoteText, from, quoteText.length());
    return fingerprint(kept.toString());
  }

  /**
   * True when two quotations are the same words up to one changed, added or dropped word (after
   * {@link #comparedWords}), for quotes of at least six words; shorter quotes must match exactly,
   * and so must numbers: a changed, added or dropped word with a digit in it makes another quote.
   * Pure function, thread-safe.
   */
  public static boolean sameQuotation(String a, String b) {
    String[] x = splitWords(comparedWords(a));
    String[] y = splitWords(comparedWords(b));
    if (x.length != y.length && Math.abs(x.length - y.length) > 1) {
      return false;
    }
    int edits = wordEdits(x, y);
    return edits == 0 || (edits == 1 && Math.min(x.length, y.length) >= 6);
  }

  private static String[] splitWords(String fingerprint) {
    return fingerprint.isEmpty() ? new String[0] : fingerprint.split(" ");
  }

  /** Word edit distance, capped at 2 (all we need), in one linear pass. */
  private static int wordEdits(String[] x, String[] y) {
    int i = 0;
    while (i < x.length && i < y.length && x[i].equals(y[i])) {
      i++;
    }
    int j = 0;
    while (j < x.length - i
        && j < y.length - i
        && x[x.length - 1 - j].equals(y[y.length - 1 - j])) {
      j++;
    }
    int restX = x.length - i - j;
    int restY = y.length - i - j;
    if (hasDigit(x, i, restX) || hasDigit(y, i, restY)) {
      return 2; // "5 billion" and "6 billion" are different claims, not a misprint
    }
    return Math.min(2, Math.max(restX, restY));
  }

  private static boolean hasDigit(String[] words, int from, int count) {
    for (int k = from; k < from + Math.min(count, 2); k++) {
      if (words[k].chars().anyMatch(Character::isDigit)) {
        return true;
      }
    }
    return false;
  }
}
