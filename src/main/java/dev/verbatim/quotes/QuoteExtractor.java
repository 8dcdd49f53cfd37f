package dev.verbatim.quotes;

import dev.verbatim.corpus.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds quoted spans in an article and attributes them. Stateless and thread-safe.
 *
 * <p>First version: spans between curly or straight double quotes within a paragraph, speaker
 * from a simple {@code “…,” Name said} cue right after the closing mark.
 */
public final class QuoteExtractor {
  private static final Pattern AFTER_CUE =
      Pattern.compile("^\\s*(?:(\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3})\\s+(said|says|noted|added|told|tells))");

  /** Every quoted span of {@code article}'s text, in text order. */
  public List<Quote> extract(Article article) {
    String text = article.text();
    List<Quote> quotes = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '“' || c == '"') {
        char close = c == '“' ? '”' : '"';
        int end = findClose(text, i + 1, close);
        if (end < 0) {
          i++;
          continue;
        }
        String inner = text.substring(i + 1, end);
        String speaker = null;
        String cue = null;
        Quote.Mention mention = null;
        Matcher m = AFTER_CUE.matcher(text).region(end + 1, text.length());
        if (m.lookingAt()) {
          speaker = m.group(1);
          cue = m.group(2);
          mention = new Quote.Mention(m.group(1), m.start(1));
        }
        quotes.add(new Quote(i, end + 1 - i, inner, QuoteKind.FULL, speaker, cue, mention));
        i = end + 1;
      } else {
        i++;
      }
    }
    return List.copyOf(quotes);
  }

  private static int findClose(String text, int from, char close) {
    for (int j = from; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == close) {
        return j;
      }
      if (c == '\n') {
        return -1;
      }
    }
    return -1;
  }
}
