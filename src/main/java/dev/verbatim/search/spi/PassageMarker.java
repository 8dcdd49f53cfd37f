package dev.verbatim.search.spi;

import dev.verbatim.search.SearchResult;
import java.util.List;

/**
 * Marks passages as the searcher marks its hits: the text HTML-escaped, {@code <mark>} around each
 * match, a passage longer than the maximum cut to a window of whole words around its first match.
 * For the local searcher and for a backend that finds the matches itself. Stateless and
 * thread-safe.
 */
public final class PassageMarker {
  private static final String OPEN = "<mark>";
  private static final String CLOSE = "</mark>";
  private static final String CUT = "\u2026";

  private PassageMarker() {}

  /**
   * The passage {@code content[start, end)} with {@code matches} (in order, not overlapping) marked
   * and HTML-escaped, cut to {@code maxLength} characters around its first match.
   */
  public static SearchResult.Passage mark(
      String content, int start, int end, List<SearchResult.Span> matches, int maxLength) {
    boolean cutStart = false;
    boolean cutEnd = false;
    if (end - start > maxLength) {
      int first = matches.isEmpty() ? start : matches.get(0).start();
      // Some words before the first match give it context; the rest of the room goes after it.
      int from = Math.max(start, Math.min(first - maxLength / 4, end - maxLength));
      int to = Math.min(end, from + maxLength);
      from = wordStart(content, from, start, first);
      to = wordEnd(content, to, end, from);
      cutStart = from > start;
      cutEnd = to < end;
      start = from;
      end = to;
      int s = start;
      int e = end;
      matches = matches.stream().filter(m -> m.start() >= s && m.end() <= e).toList();
    }
    StringBuilder html = new StringBuilder();
    if (cutStart) {
      html.append(CUT);
    }
    int pos = start;
    for (SearchResult.Span m : matches) {
      escape(content, pos, m.start(), html);
      html.append(OPEN);
      escape(content, m.start(), m.end(), html);
      html.append(CLOSE);
      pos = m.end();
    }
    escape(content, pos, end, html);
    if (cutEnd) {
      html.append(CUT);
    }
    return new SearchResult.Passage(html.toString(), start, end, matches);
  }

  // Moves a cut forward to the next word start, without passing the first match.
  private static int wordStart(String content, int from, int floor, int limit) {
    if (from == floor) {
      return from;
    }
    int i = from;
    while (i < limit && !Character.isWhitespace(content.charAt(i - 1))) {
      i++;
    }
    while (i < limit && Character.isWhitespace(content.charAt(i))) {
      i++;
    }
    return i;
  }

  // Moves a cut back to the end of the last whole word, unless that would empty the passage.
  private static int wordEnd(String content, int to, int ceiling, int from) {
    if (to == ceiling) {
      return to;
    }
    int i = to;
    while (i > from && !Character.isWhitespace(content.charAt(i))) {
      i--;
    }
    while (i > from && Character.isWhitespace(content.charAt(i - 1))) {
      i--;
    }
    return i > from ? i : to;
  }

  /** {@code text} with the five HTML-significant characters escaped. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    escape(text, 0, text.length(), out);
    return out.toString();
  }

  private static void escape(String text, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }
}
