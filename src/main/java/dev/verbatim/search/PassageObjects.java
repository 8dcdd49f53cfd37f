package dev.verbatim.search;

import dev.verbatim.search.spi.PassageMarker;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns the highlighter's passages into {@link SearchResult.Passage} objects: offsets and match
 * spans as numbers, and the same span as escaped HTML with {@code <mark>} around each match ({@link
 * PassageMarker}, which the cluster backend marks its hits with too). Thread-safe.
 */
final class PassageObjects extends PassageFormatter {
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
    return PassageMarker.mark(content, start, end, mergedMatches(p, start, end), maxLength);
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
}
