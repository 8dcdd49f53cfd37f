package dev.verbatim.quotes;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the quoted spans of a text: paragraphs first, then balanced double marks inside each.
 *
 * <p>A mark never pairs across a paragraph break and never further than {@link #MAX_QUOTE_CHARS},
 * so one unbalanced mark cannot swallow the rest of an article. News convention for quotes over
 * several paragraphs (a paragraph opens a quote and does not close it; the next paragraph opens
 * again) gives one span per paragraph piece, linked so they can share a speaker.
 */
final class SpanFinder {
  /** Longer than any sane quotation paragraph; beyond this an open mark is taken as stray. */
  static final int MAX_QUOTE_CHARS = 3000;

  private SpanFinder() {}

  /**
   * One quoted span.
   *
   * @param open offset of the opening mark
   * @param end offset just past the closing mark, or the paragraph end for an unclosed piece
   * @param innerStart first char of the quoted words
   * @param innerEnd offset just past the quoted words
   * @param paragraph index of the paragraph holding the opening mark
   * @param lastParagraph index of the paragraph holding the closing mark
   * @param continuesNext true when the span is left open at its paragraph's end and no next piece
   *     was found (a piece while spans are being found)
   * @param pieces true when the span joins several pieces (re-opened marks inside it); while spans
   *     are being found, true when this piece goes on from the previous one
   */
  record Span(
      int open,
      int end,
      int innerStart,
      int innerEnd,
      int paragraph,
      int lastParagraph,
      boolean continuesNext,
      boolean pieces) {
    boolean continuesPrevious() {
      return pieces;
    }
  }

  /**
   * Paragraph ranges as {@code [start0, end0, start1, end1, ...]}, whitespace trimmed. A newline
   * breaks a paragraph unless the text is hard-wrapped (wire copy), where only blank lines and
   * indented lines start a new one.
   */
  static int[] paragraphs(String text) {
    return paragraphs(text, text.length());
  }

  /**
   * Paragraph ranges up to the paragraph holding offset {@code until} (later paragraphs are not
   * needed when nothing after {@code until} is quoted).
   */
  static int[] paragraphs(String text, int until) {
    int n = text.length();
    // Line statistics from the opening lines are enough to tell wire copy from web copy.
    int sample = Math.min(n, 4000);
    int lines = 0;
    int wrappedLines = 0;
    int indentedLines = 0;
    int lineStart = 0;
    while (true) {
      int newline = text.indexOf('\n', lineStart, sample);
      int i = newline < 0 ? sample : newline;
      int len = i - lineStart;
      lines++;
      if (len >= 35 && len <= 90) {
        wrappedLines++;
      }
      if (len > 2 && (text.charAt(lineStart) == '\t' || text.startsWith("  ", lineStart))) {
        indentedLines++;
      }
      if (i == sample) {
        break;
      }
      lineStart = i + 1;
    }
    boolean softNewlines = lines >= 4 && (wrappedLines * 10 >= lines * 6 || indentedLines >= 2);
    int[] bounds = new int[16];
    int count = 0;
    // Jump from newline to newline (indexOf is vectorised) instead of testing every char: a
    // paragraph starts at the first non-space after a break and ends after the last non-space
    // before the next break.
    int from = 0;
    while (true) {
      int start = from;
      while (start < n && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
      if (start >= n) {
        break;
      }
      int newline = text.indexOf('\n', start);
      while (newline >= 0 && !isBreak(text, newline, softNewlines)) {
        newline = text.indexOf('\n', newline + 1);
      }
      int stop = newline < 0 ? n : newline;
      int last = stop - 1;
      while (Character.isWhitespace(text.charAt(last))) {
        last--; // stops at start at the latest, which is not whitespace
      }
      if (count + 2 > bounds.length) {
        bounds = java.util.Arrays.copyOf(bounds, bounds.length * 2);
      }
      bounds[count++] = start;
      bounds[count++] = last + 1;
      if (newline < 0 || newline > until) {
        break;
      }
      from = newline + 1;
    }
    return java.util.Arrays.copyOf(bounds, count);
  }

  private static boolean isBreak(String text, int newline, boolean softNewlines) {
    if (!softNewlines) {
      return true;
    }
    int j = newline + 1;
    int spaces = 0;
    while (j < text.length()
        && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r')) {
      spaces += text.charAt(j) == '\t' ? 4 : 1;
      j++;
    }
    return j >= text.length() || text.charAt(j) == '\n' || spaces >= 2;
  }

  private enum Role {
    OPEN,
    CLOSE,
    EITHER,
    NONE
  }

  /**
   * Every quoted span in text order. The pieces of one quote (over several paragraphs, or re-opened
   * after a full stop where paragraphs were run together: {@code "First. "Second."}) are one span
   * from the first opening mark to the last closing mark, as a reader counts them.
   */
  static List<Span> find(String text, int[] paragraphs) {
    return joinPieces(pieces(text, paragraphs));
  }

  /** Consecutive linked pieces joined into one span each. */
  private static List<Span> joinPieces(List<Span> pieces) {
    List<Span> joined = new ArrayList<>(pieces.size());
    for (int i = 0; i < pieces.size(); i++) {
      Span first = pieces.get(i);
      int j = i;
      while (j + 1 < pieces.size()
          && pieces.get(j).continuesNext()
          && pieces.get(j + 1).continuesPrevious()) {
        j++;
      }
      Span last = pieces.get(j);
      joined.add(
          i == j
              ? new Span(
                  first.open(),
                  first.end(),
                  first.innerStart(),
                  first.innerEnd(),
                  first.paragraph(),
                  last.paragraph(),
                  first.continuesNext(),
                  false)
              : new Span(
                  first.open(),
                  last.end(),
                  first.innerStart(),
                  last.innerEnd(),
                  first.paragraph(),
                  last.paragraph(),
                  last.continuesNext(),
                  true));
      i = j;
    }
    return joined;
  }

  /** The pieces of the quoted spans, in text order, each linked to the next piece of its quote. */
  private static List<Span> pieces(String text, int[] paragraphs) {
    List<Span> spans = new ArrayList<>();
    boolean previousContinues = false;
    int[] marks = marks(text, paragraphs.length == 0 ? 0 : paragraphs[paragraphs.length - 1]);
    int m = 0;
    for (int p = 0; p < paragraphs.length; p += 2) {
      int ps = paragraphs[p];
      int pe = paragraphs[p + 1];
      int pending = -1;
      boolean pendingContinues = false;
      boolean firstInParagraph = true;
      while (m < marks.length && marks[m] < ps) {
        m++;
      }
      for (; m < marks.length && marks[m] < pe; m++) {
        int i = marks[m];
        if (pending >= 0 && i - pending > MAX_QUOTE_CHARS) {
          pending = -1;
          pendingContinues = false;
        }
        Role role = role(text, i, ps, pe);
        if (role == Role.NONE
            && pending >= 0
            && (i - pending < 60 || afterClausePunctuation(text, i, ps))) {
          // a loose mark closes an open span when short ("the Whirlwind ") or after a comma or
          // full stop ("… but only might, " Bue said.")
          role = Role.CLOSE;
        }
        if (pending < 0) {
          if (role == Role.OPEN) {
            pending = i;
          }
        } else if (role == Role.CLOSE || role == Role.EITHER) {
          if (hasWords(text, pending + 1, i)) {
            boolean linked =
                pendingContinues || (previousContinues && firstInParagraph && pending == ps);
            spans.add(new Span(pending, i + 1, pending + 1, i, p / 2, p / 2, false, linked));
            firstInParagraph = false;
          }
          previousContinues = false;
          pendingContinues = false;
          pending = -1;
        } else if (role == Role.OPEN) {
          int piece = continuedPieceEnd(text, pending, i);
          if (piece > 0) {
            // Paragraphs run together (as in some archives): `… him. "Being …` is the news
            // convention for a quote going on in a new paragraph, not a stray mark.
            boolean linked =
                pendingContinues || (previousContinues && firstInParagraph && pending == ps);
            spans.add(new Span(pending, piece, pending + 1, piece, p / 2, p / 2, true, linked));
            firstInParagraph = false;
            previousContinues = true;
            pendingContinues = true;
          } else {
            previousContinues = false;
            pendingContinues = false;
          }
          pending = i; // the earlier open mark was unbalanced, or its piece ended here
        }
      }
      boolean continues = false;
      if (pending >= 0 && p + 2 < paragraphs.length && hasWords(text, pending + 1, pe)) {
        int next = paragraphs[p + 2];
        char first = text.charAt(next);
        continues =
            (first == '“' || first == '"')
                && role(text, next, next, paragraphs[p + 3]) == Role.OPEN;
        if (continues) {
          boolean linked =
              pendingContinues || (previousContinues && firstInParagraph && pending == ps);
          spans.add(new Span(pending, pe, pending + 1, pe, p / 2, p / 2, true, linked));
        }
      }
      previousContinues = continues;
    }
    return spans;
  }

  /**
   * Offsets of the double marks before {@code limit}, in order; indexOf skips the prose between.
   */
  private static int[] marks(String text, int limit) {
    int[] found = new int[8];
    int count = 0;
    for (char mark : new char[] {'"', '“', '”'}) {
      for (int i = text.indexOf(mark, 0, limit); i >= 0; i = text.indexOf(mark, i + 1, limit)) {
        if (count == found.length) {
          found = java.util.Arrays.copyOf(found, count * 2);
        }
        found[count++] = i;
      }
    }
    java.util.Arrays.sort(found, 0, count);
    return count == found.length ? found : java.util.Arrays.copyOf(found, count);
  }

  /**
   * Where the quote opened at {@code pending} ends when a new opening mark at {@code open} follows
   * a sentence end ({@code … him. "Being}), or -1 when the new mark does not look like that.
   */
  private static int continuedPieceEnd(String text, int pending, int open) {
    int j = open - 1;
    while (j > pending && Character.isWhitespace(text.charAt(j))) {
      j--;
    }
    if (j == open - 1 || j <= pending + 1 || ".!?".indexOf(text.charAt(j)) < 0) {
      return -1;
    }
    if (open + 1 >= text.length() || !Character.isUpperCase(text.charAt(open + 1))) {
      return -1;
    }
    return hasWords(text, pending + 1, j) ? j + 1 : -1;
  }

  private static boolean afterClausePunctuation(String text, int i, int ps) {
    int j = i - 1;
    while (j > ps && Character.isWhitespace(text.charAt(j))) {
      j--;
    }
    return j < i - 1 && ",.!?".indexOf(text.charAt(j)) >= 0;
  }

  private static boolean hasWords(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a mark at {@code i} can open or close, from the chars around it. */
  private static Role role(String text, int i, int ps, int pe) {
    char c = text.charAt(i);
    char prev = i > ps ? text.charAt(i - 1) : ' ';
    char next = i + 1 < pe ? text.charAt(i + 1) : ' ';
    boolean spaceBefore = Character.isWhitespace(prev) || "([{—–-/‘'“\"".indexOf(prev) >= 0;
    boolean spaceAfter = Character.isWhitespace(next) || ".,;:!?)]}—–-/…’'”\"".indexOf(next) >= 0;
    if (c == '“') {
      return Role.OPEN;
    }
    if (c == '”') {
      // Some copy sets a right mark where a left one belongs (”Hello); treat it by position.
      return spaceBefore && !spaceAfter && Character.isLetter(next) && Character.isWhitespace(prev)
          ? Role.OPEN
          : Role.CLOSE;
    }
    if (spaceBefore && !spaceAfter) {
      return Role.OPEN;
    }
    if (!spaceBefore && spaceAfter) {
      return Role.CLOSE;
    }
    return spaceBefore ? Role.NONE : Role.EITHER;
  }
}
