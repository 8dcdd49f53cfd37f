package dev.verbatim.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns the highlighter's passages into {@link SearchResult.Passage} objects: offsets and match
 * spans as numbers, and the same span as escaped HTML with {@code <mark>} around each match. A
 * passage longer than the maximum is cut to a window around its first match. Thread-safe.
 */
final class PassageObjects extends PassageFormatter {
  private static final String OPEN = "<mark>";
  private static final String CLOSE = "</mark>";
  private static final String CUT = "\u2026";

  private final int maxLength;

  PassageObjects(int maxLength) {
    this.maxLength = maxLength;
  }

  @Override
  public Object format(Passage[] passages, String content) {
    List<SearchResult.Passage> out = new ArrayList<>(passages.length);
    for (Passage p : passages) {
      SearchResult.Passage formatted = format(p, content);
      if (formatted != null) {
        out.add(formatted);
      }
    }
    return out;
  }

  private SearchResult.Passage format(Passage p, String content) {
    int start = p.getStartOffset();
    int end = p.getEndOffset();
    // Sentence breaks leave the spaces and line breaks between sentences on the passage.
    while (start < end && Character.isWhitespace(content.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(content.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      return null;
    }
    return mark(content, start, end, mergedMatches(p, start, end), maxLength);
  }

  /**
   * The passage {@code content[start, end)} with {@code matches} (in order, not overlapping) marked
   * and HTML-escaped, cut to {@code maxLength} around its first match.
   */
  static SearchResult.Passage mark(
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

  /** Match spans within {@code [start, end)}, in order, overlapping or touching ones joined. */
  private static List<SearchResult.Span> mergedMatches(Passage p, int start, int end) {
    List<SearchResult.Span> merged = new ArrayList<>();
    int[] starts = p.getMatchStarts();
    int[] ends = p.getMatchEnds();
    for (int i = 0; i < p.getNumMatches(); i++) {
      int s = Math.max(start, starts[i]);
      int e = Math.min(end, ends[i]);
      if (s >= e) {
        continue;
      }
      int last = merged.size() - 1;
      if (last >= 0 && s <= merged.get(last).end()) {
        merged.set(
            last,
            new SearchResult.Span(merged.get(last).start(), Math.max(e, merged.get(last).end())));
      } else {
        merged.add(new SearchResult.Span(s, e));
      }
    }
    return merged;
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
  static String escape(String text) {
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
