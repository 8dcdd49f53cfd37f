package dev.verbatim.quotes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words and punctuation of one text, with the quote each lies in, its paragraph and its
 * sentence. Built once per article in one linear pass; cue and name rules read these arrays.
 */
final class Tokens {
  static final byte WORD = 0;
  static final byte PUNCT = 1;
  static final byte OPEN = 2;
  static final byte CLOSE = 3;

  /** Abbreviations whose dot does not end a sentence. */
  private static final Set<String> ABBREVIATIONS =
      Lexicon.words(
          "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gov", "sen", "rep", "gen", "col",
          "lt", "sgt", "capt", "rev", "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan", "feb",
          "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k",
          "u.n", "e.g", "i.e", "mt", "ft", "approx", "dept", "est", "fig", "messrs");

  /** {@link #ABBREVIATIONS} packed by {@link #packAscii}, sorted, for lookups without a copy. */
  private static final long[] PACKED_ABBREVIATIONS =
      ABBREVIATIONS.stream().mapToLong(a -> packAscii(a, 0, a.length())).sorted().toArray();

  /**
   * ASCII chars for which {@link Character#isLetterOrDigit} and {@link Character#isWhitespace}
   * hold.
   */
  private static final boolean[] ASCII_WORD = new boolean[128];

  private static final boolean[] ASCII_SPACE = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_WORD[c] = Character.isLetterOrDigit(c);
      ASCII_SPACE[c] = Character.isWhitespace(c);
    }
  }

  final String text;
  int size;
  int[] start;
  int[] end;
  byte[] kind;

  /** Index of the span a token is inside (marks included), or -1. */
  int[] quote;

  int[] paragraph;
  int[] sentence;

  /** First token of each sentence, indexed by sentence number; one extra entry at the end. */
  int[] sentenceStart;

  private String[] lowerCache;

  private Tokens(String text, int limit) {
    this.text = text;
    // about one token per five chars of prose; sized from what is read, not the whole text
    int cap = Math.max(16, limit / 4);
    start = new int[cap];
    end = new int[cap];
    kind = new byte[cap];
  }

  static Tokens of(String text, List<SpanFinder.Span> spans, int[] paragraphs) {
    return of(text, spans, paragraphs, text.length());
  }

  /** Tokens of {@code text} up to {@code limit}: nothing after the last quote is ever needed. */
  static Tokens of(String text, List<SpanFinder.Span> spans, int[] paragraphs, int limit) {
    Tokens t = new Tokens(text, limit);
    t.tokenize(spans, limit);
    t.assign(spans, paragraphs);
    return t;
  }

  String word(int i) {
    return text.substring(start[i], end[i]);
  }

  /** The token lower-cased. */
  String lower(int i) {
    // Rules ask for the same few tokens many times; lower-case each one once.
    if (lowerCache == null) {
      lowerCache = new String[size];
    }
    String w = lowerCache[i];
    if (w == null) {
      w = word(i).toLowerCase(Locale.ROOT);
      lowerCache[i] = w;
    }
    return w;
  }

  boolean isWord(int i) {
    return i >= 0 && i < size && kind[i] == WORD;
  }

  boolean isPunct(int i, char c) {
    return i >= 0 && i < size && kind[i] == PUNCT && text.charAt(start[i]) == c;
  }

  boolean capitalised(int i) {
    return isWord(i) && Character.isUpperCase(text.charAt(start[i]));
  }

  /**
   * Capitalised, or a word that opens with digits and goes on in mixed case ({@code 4Cast}, {@code
   * 3Com}): a name either way. {@code 3G} and {@code 1990s} are not.
   */
  boolean nameLike(int i) {
    if (capitalised(i)) {
      return true;
    }
    if (!isWord(i) || !Character.isDigit(text.charAt(start[i]))) {
      return false;
    }
    boolean upper = false;
    boolean lower = false;
    for (int c = start[i]; c < end[i]; c++) {
      upper |= Character.isUpperCase(text.charAt(c));
      lower |= Character.isLowerCase(text.charAt(c));
    }
    return upper && lower;
  }

  boolean lowerCase(int i) {
    return isWord(i) && Character.isLowerCase(text.charAt(start[i]));
  }

  int sentenceStartOf(int i) {
    return sentenceStart[sentence[i]];
  }

  int sentenceEndOf(int i) {
    return sentenceStart[sentence[i] + 1];
  }

  /** The first token starting at or after {@code offset}. */
  int tokenAt(int offset) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (start[mid] < offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private void add(int s, int e, byte k) {
    if (size == start.length) {
      int cap = size * 2;
      start = Arrays.copyOf(start, cap);
      end = Arrays.copyOf(end, cap);
      kind = Arrays.copyOf(kind, cap);
    }
    start[size] = s;
    end[size] = e;
    kind[size] = k;
    size++;
  }

  private void tokenize(List<SpanFinder.Span> spans, int limit) {
    int n = limit;
    int si = 0;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      while (si < spans.size() && spans.get(si).end() <= i && spans.get(si).open() < i) {
        si++;
      }
      if (c == '“' || c == '”' || c == '"') {
        byte k = PUNCT;
        if (si < spans.size()) {
          SpanFinder.Span s = spans.get(si);
          if (s.open() == i) {
            k = OPEN;
          } else if (s.end() == i + 1 && s.innerEnd() == i) {
            k = CLOSE;
          }
        }
        add(i, i + 1, k);
        i++;
        continue;
      }
      if (isWordChar(c)) {
        int j = i + 1;
        while (j < n) {
          char d = text.charAt(j);
          if (isWordChar(d)) {
            j++;
          } else if ((d == '\'' || d == '’' || d == '-' || d == '.' || d == '&' || d == ',')
              && j + 1 < n
              && isWordChar(text.charAt(j + 1))
              && (d != ','
                  || (Character.isDigit(text.charAt(j - 1))
                      && Character.isDigit(text.charAt(j + 1))))
              && (d != '.' || !Character.isUpperCase(text.charAt(j + 1)) || j - i <= 1)) {
            j++;
          } else {
            break;
          }
        }
        if (j < n && text.charAt(j) == '.' && isAbbreviation(i, j)) {
          j++;
        } else if (isPluralPossessive(j, n)) {
          j++; // "PBS' Jacoba Atlas": the apostrophe belongs to the word
        }
        add(i, j, WORD);
        i = j;
        continue;
      }
      add(i, i + 1, PUNCT);
      i++;
    }
  }

  /**
   * An apostrophe at {@code j} right after an s and before a space and a capital ({@code PBS'
   * Jacoba Atlas}, {@code Actors' Equity}): a plural possessive, not a closing single quote.
   */
  private boolean isPluralPossessive(int j, int n) {
    if (j + 2 >= n || (text.charAt(j) != '\'' && text.charAt(j) != '’')) {
      return false;
    }
    char s = text.charAt(j - 1);
    return (s == 's' || s == 'S')
        && text.charAt(j + 1) == ' '
        && Character.isUpperCase(text.charAt(j + 2));
  }

  private boolean isAbbreviation(int s, int e) {
    if (e - s == 1 && Character.isUpperCase(text.charAt(s))) {
      return true; // an initial: "J. Smith"
    }
    if (e - s > 6) {
      return false;
    }
    long packed = packAscii(text, s, e);
    return packed >= 0
        ? Arrays.binarySearch(PACKED_ABBREVIATIONS, packed) >= 0
        : ABBREVIATIONS.contains(text.substring(s, e).toLowerCase(Locale.ROOT));
  }

  /**
   * Chars {@code [s, e)} (at most 8) lower-cased into one number, 7 bits each, or -1 when one is
   * not ASCII. For ASCII, lower-casing here is what {@code toLowerCase(Locale.ROOT)} does.
   */
  private static long packAscii(String w, int s, int e) {
    long packed = 0;
    for (int i = s; i < e; i++) {
      char c = w.charAt(i);
      if (c >= 128) {
        return -1;
      }
      packed = packed << 7 | (c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return packed;
  }

  private static boolean isWordChar(char c) {
    return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
  }

  private static boolean isSpace(char c) {
    return c < 128 ? ASCII_SPACE[c] : Character.isWhitespace(c);
  }

  private void assign(List<SpanFinder.Span> spans, int[] paragraphs) {
    quote = new int[size];
    paragraph = new int[size];
    sentence = new int[size];
    int si = 0;
    int p = 0;
    for (int t = 0; t < size; t++) {
      int s = start[t];
      while (si < spans.size() && spans.get(si).end() <= s) {
        si++;
      }
      quote[t] = si < spans.size() && spans.get(si).open() <= s ? si : -1;
      while (p + 2 < paragraphs.length && paragraphs[p + 1] <= s) {
        p += 2;
      }
      paragraph[t] = p / 2;
    }
    int[] starts = new int[size + 2];
    int count = 0;
    if (size > 0) {
      starts[count++] = 0;
    }
    for (int t = 1; t < size; t++) {
      if (paragraph[t] != paragraph[t - 1] || endsSentenceBefore(t)) {
        starts[count++] = t;
      }
      sentence[t] = count - 1;
    }
    starts[count] = size;
    sentenceStart = Arrays.copyOf(starts, count + 1);
  }

  /** True when a sentence ends between token {@code t - 1} and {@code t}. */
  private boolean endsSentenceBefore(int t) {
    int prev = t - 1;
    boolean nextOpensSentence =
        capitalised(t)
            || kind[t] == OPEN
            || (isWord(t) && Character.isDigit(text.charAt(start[t])));
    if (!nextOpensSentence) {
      return false;
    }
    if (kind[prev] == CLOSE) {
      // "... wrong.” Kardashian has" ends a sentence; "... wrong,” she said" does not.
      int before = start[prev] - 1;
      return before >= 0 && ".!?".indexOf(text.charAt(before)) >= 0;
    }
    if (kind[prev] == PUNCT && quote[prev] < 0) {
      char c = text.charAt(start[prev]);
      return c == '.' || c == '!' || c == '?';
    }
    return false;
  }
}
