package dev.verbatim.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verbatim.index.schema.Schema;
import dev.verbatim.search.SearchRequest;
import dev.verbatim.search.SearchResult;
import dev.verbatim.search.query.ParsedQuery;
import dev.verbatim.search.spi.PassageMarker;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Marks a cluster hit as the local searcher marks its hits. The cluster's unified highlighter
 * returns each field whole with its matches between two private-use characters; those become match
 * spans, a phrase's word-by-word marks are joined into one (the local highlighter marks a phrase
 * match whole), and the library cuts and escapes the passages ({@link PassageMarker}): whole quotes
 * up to 300 characters, else the sentences with the most matches. Stateless.
 */
final class Highlights {
  // Private-use characters: the highlighter trims control characters off a field's ends.
  private static final String OPEN = "\uE000";
  private static final String CLOSE = "\uE001";
  private static final int WHOLE_QUOTE = 300;

  /** The marked parts of one hit. */
  record Marked(List<SearchResult.Passage> passages, String titleHtml, String speakerHtml) {}

  private Highlights() {}

  /** The {@code highlight} part of a search body. */
  static ObjectNode request(ObjectNode query) {
    ObjectNode h = Cluster.object().put("type", "unified").put("number_of_fragments", 0);
    h.set("highlight_query", query);
    h.putArray("pre_tags").add(OPEN);
    h.putArray("post_tags").add(CLOSE);
    h.put("require_field_match", true);
    ObjectNode fields = h.putObject("fields");
    fields.putObject(Schema.TEXT);
    fields.putObject(Schema.TITLE);
    fields.putObject(Schema.SPEAKER);
    // The exact copies match phrases; their marks are the same characters of the same text.
    fields.putObject(Schema.TEXT_EXACT);
    fields.putObject(Schema.TITLE_EXACT);
    return h;
  }

  static Marked of(
      JsonNode highlight,
      String text,
      String title,
      String speaker,
      boolean quote,
      SearchRequest request,
      ParsedQuery parsed) {
    Set<List<String>> pairs = phrasePairs(parsed.root());
    List<SearchResult.Span> textMarks =
        union(
            spans(highlight.path(Schema.TEXT), text, pairs),
            spans(highlight.path(Schema.TEXT_EXACT), text, pairs));
    List<SearchResult.Span> titleMarks =
        union(
            spans(highlight.path(Schema.TITLE), title, pairs),
            spans(highlight.path(Schema.TITLE_EXACT), title, pairs));
    List<SearchResult.Span> speakerMarks = spans(highlight.path(Schema.SPEAKER), speaker, pairs);
    return new Marked(
        passages(text, textMarks, quote, request),
        whole(title, quote ? List.of() : titleMarks),
        speaker == null ? null : whole(speaker, speakerMarks));
  }

  private static String whole(String value, List<SearchResult.Span> marks) {
    if (value == null) {
      return null;
    }
    return PassageMarker.mark(value, 0, value.length(), marks, Integer.MAX_VALUE).html();
  }

  private static List<SearchResult.Passage> passages(
      String text, List<SearchResult.Span> marks, boolean quote, SearchRequest request) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    if (quote && text.length() <= WHOLE_QUOTE) {
      int[] b = trimmed(text, 0, text.length());
      return b == null
          ? List.of()
          : List.of(PassageMarker.mark(text, b[0], b[1], marks, Integer.MAX_VALUE));
    }
    int wanted = quote ? 1 : request.passages();
    List<int[]> sentences = sentences(text);
    List<int[]> chosen = new ArrayList<>();
    if (marks.isEmpty()) {
      // As Lucene's highlighter without a match: the first passages, a line break counting as one
      // (it is a passage there, dropped when printed).
      chosen.addAll(sentences.subList(0, Math.min(wanted, sentences.size())));
    } else {
      List<double[]> scored = new ArrayList<>();
      for (int i = 0; i < sentences.size(); i++) {
        double score = PassageScore.of(text, sentences.get(i), marks);
        if (score > 0) {
          scored.add(new double[] {score, i});
        }
      }
      // Best first; equal scores: the earlier sentence.
      scored.sort((a, c) -> a[0] != c[0] ? Double.compare(c[0], a[0]) : Double.compare(a[1], c[1]));
      for (double[] s : scored.subList(0, Math.min(wanted, scored.size()))) {
        chosen.add(sentences.get((int) s[1]));
      }
    }
    chosen.sort((a, c) -> Integer.compare(a[0], c[0]));
    List<SearchResult.Passage> out = new ArrayList<>();
    for (int[] s : chosen) {
      int[] b = trimmed(text, s[0], s[1]);
      if (b == null) {
        continue;
      }
      List<SearchResult.Span> inside = new ArrayList<>();
      for (SearchResult.Span m : marks) {
        if (m.start() >= b[0] && m.end() <= b[1]) {
          inside.add(m);
        }
      }
      out.add(PassageMarker.mark(text, b[0], b[1], inside, request.passageLength()));
    }
    return out;
  }

  private static int[] trimmed(String text, int start, int end) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return start == end ? null : new int[] {start, end};
  }

  // The local passages: each line's sentences, and each line break a passage of its own (as
  // Lucene's SplittingBreakIterator cuts; one without a match is dropped when printed).
  private static List<int[]> sentences(String text) {
    List<int[]> out = new ArrayList<>();
    int lineStart = 0;
    while (lineStart <= text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = text.length();
      }
      BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
      it.setText(text.substring(lineStart, lineEnd));
      int start = it.first();
      for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
        out.add(new int[] {lineStart + start, lineStart + end});
      }
      if (lineEnd < text.length()) {
        out.add(new int[] {lineEnd, lineEnd + 1});
      }
      lineStart = lineEnd + 1;
    }
    return out;
  }

  /** The match spans of a field returned whole with markers; empty when it does not line up. */
  private static List<SearchResult.Span> spans(
      JsonNode fragments, String value, Set<List<String>> pairs) {
    if (value == null || !fragments.isArray() || fragments.isEmpty()) {
      return List.of();
    }
    String marked = fragments.path(0).asText();
    List<SearchResult.Span> spans = new ArrayList<>();
    StringBuilder plain = new StringBuilder(value.length());
    int open = -1;
    for (int i = 0; i < marked.length(); i++) {
      char c = marked.charAt(i);
      if (c == OPEN.charAt(0)) {
        open = plain.length();
      } else if (c == CLOSE.charAt(0) && open >= 0) {
        spans.add(new SearchResult.Span(open, plain.length()));
        open = -1;
      } else {
        plain.append(c);
      }
    }
    // The highlighter may print a line break as a space; offsets still line up.
    if (plain.length() != value.length()) {
      return List.of();
    }
    return joinPhrases(value, spans, pairs);
  }

  // Two marks with only spaces or punctuation between them join when a phrase of the query has
  // their words next to each other: the local highlighter marks a phrase match as one span.
  private static List<SearchResult.Span> joinPhrases(
      String value, List<SearchResult.Span> spans, Set<List<String>> pairs) {
    List<SearchResult.Span> out = new ArrayList<>();
    for (SearchResult.Span s : spans) {
      int last = out.size() - 1;
      if (last >= 0) {
        SearchResult.Span prev = out.get(last);
        String gap = value.substring(prev.end(), s.start());
        String before = lastWord(value.substring(prev.start(), prev.end()));
        String after = value.substring(s.start(), s.end()).toLowerCase(Locale.ROOT);
        if (gap.codePoints().noneMatch(Character::isLetterOrDigit)
            && pairs.contains(List.of(before, after))) {
          out.set(last, new SearchResult.Span(prev.start(), s.end()));
          continue;
        }
      }
      out.add(s);
    }
    return out;
  }

  private static String lastWord(String span) {
    String[] words = span.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+");
    return words.length == 0 ? "" : words[words.length - 1];
  }

  /** Neighbouring words of every phrase in the query, lower-cased. */
  private static Set<List<String>> phrasePairs(ParsedQuery.Node node) {
    Set<List<String>> pairs = new HashSet<>();
    collect(node, pairs);
    return pairs;
  }

  private static void collect(ParsedQuery.Node node, Set<List<String>> pairs) {
    switch (node) {
      case ParsedQuery.Phrase p -> {
        String[] words = p.text().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+");
        for (int i = 1; i < words.length; i++) {
          if (!words[i - 1].isEmpty() && !words[i].isEmpty()) {
            pairs.add(List.of(words[i - 1], words[i]));
          }
        }
      }
      case ParsedQuery.Bool b -> b.clauses().forEach(c -> collect(c.node(), pairs));
      case ParsedQuery.Boost b -> collect(b.node(), pairs);
      default -> {}
    }
  }

  /** Spans of both lists, in order, overlapping or touching ones joined. */
  private static List<SearchResult.Span> union(
      List<SearchResult.Span> a, List<SearchResult.Span> b) {
    List<SearchResult.Span> all = new ArrayList<>(a);
    all.addAll(b);
    all.sort((x, y) -> Integer.compare(x.start(), y.start()));
    List<SearchResult.Span> out = new ArrayList<>();
    for (SearchResult.Span s : all) {
      int last = out.size() - 1;
      if (last >= 0 && s.start() <= out.get(last).end()) {
        out.set(
            last,
            new SearchResult.Span(out.get(last).start(), Math.max(s.end(), out.get(last).end())));
      } else {
        out.add(s);
      }
    }
    return out;
  }
}
