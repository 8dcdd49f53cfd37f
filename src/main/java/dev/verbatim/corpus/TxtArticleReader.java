package dev.verbatim.corpus;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-text articles: the first line is the page title, optionally ending in {@code " – Source"},
 * {@code " - Source"} or {@code " | Source"}; the body is everything after it, with page furniture
 * (photo credits, "Comments", tag lines) blanked by {@link Boilerplate} so offsets stay file
 * offsets.
 */
final class TxtArticleReader {
  // A short trailing segment after a dash or bar names the publication ("... – Metro US").
  private static final Pattern TITLE_SOURCE =
      Pattern.compile("^(.*\\S)\\s+[–—|-]\\s+(\\p{Lu}[^–—|]{0,40}?)\\s*$");

  private TxtArticleReader() {}

  static ReadResult read(String id, String file, String original) {
    int firstNewline = original.indexOf('\n');
    String content =
        firstNewline < 0
            ? original
            : Boilerplate.blank(original, firstNewline + 1, original.length());
    int lineEnd = content.indexOf('\n');
    String firstLine = (lineEnd < 0 ? content : content.substring(0, lineEnd)).strip();
    int bodyStart = lineEnd < 0 ? content.length() : lineEnd + 1;
    while (bodyStart < content.length() && Character.isWhitespace(content.charAt(bodyStart))) {
      bodyStart++;
    }
    int bodyEnd = content.length();
    while (bodyEnd > bodyStart && Character.isWhitespace(content.charAt(bodyEnd - 1))) {
      bodyEnd--;
    }
    String body = content.substring(bodyStart, bodyEnd);
    if (firstLine.isEmpty() && body.isEmpty()) {
      return ReadResult.skip(file, "empty article");
    }
    String title = firstLine;
    String source = null;
    Matcher m = TITLE_SOURCE.matcher(firstLine);
    if (m.matches()) {
      title = m.group(1);
      source = m.group(2);
    }
    return ReadResult.of(Article.of(id, title, body).withSource(source).withFile(file, bodyStart));
  }
}
