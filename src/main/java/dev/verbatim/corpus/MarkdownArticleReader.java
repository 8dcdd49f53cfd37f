package dev.verbatim.corpus;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown articles: optional front matter ({@code ---} lines around {@code key: value} pairs for
 * title, author, date, source, url), the title from the first {@code # } heading or else the first
 * line, the body after it. Syntax that would be indexed as words (link and image targets, reference
 * definitions, heading and quote markers) is blanked with spaces, so body offsets stay file
 * offsets.
 */
final class MarkdownArticleReader {
  private static final Pattern FRONT_MATTER_LINE =
      Pattern.compile("^([A-Za-z_-]+)\\s*:\\s*(.*?)\\s*$");
  private static final Pattern HEADING = Pattern.compile("^ {0,3}# +(.*?)[ #]*$");
  // Blanked spans: the "(target)" of links and images, whole reference definitions, raw HTML tags.
  private static final Pattern SYNTAX =
      Pattern.compile(
          "(?m)\\]\\([^)\\s]*(?:\\s+\"[^\"]*\")?\\)"
              + "|^ {0,3}\\[[^\\]]+\\]:\\s*\\S+.*$"
              + "|</?[A-Za-z][^>\\n]*>"
              + "|^ {0,3}#{1,6}(?= )|^ {0,3}>+|^ {0,3}```.*$|!\\[|\\[(?=[^\\]\\n]*\\]\\()");

  private MarkdownArticleReader() {}

  static CorpusReader.Result read(String id, String file, String content) {
    int bodyStart = 0;
    Map<String, String> meta = new HashMap<>();
    if (content.startsWith("---\n") || content.startsWith("---\r\n")) {
      int close = content.indexOf("\n---", 3);
      if (close > 0) {
        for (String line : content.substring(content.indexOf('\n') + 1, close).split("\n")) {
          Matcher m = FRONT_MATTER_LINE.matcher(line);
          if (m.matches()) {
            meta.put(m.group(1).toLowerCase(Locale.ROOT), unquote(m.group(2)));
          }
        }
        int after = content.indexOf('\n', close + 1);
        bodyStart = after < 0 ? content.length() : after + 1;
      }
    }
    String title = meta.get("title");
    int firstLineStart = skipBlankLines(content, bodyStart);
    int firstLineEnd = lineEnd(content, firstLineStart);
    String firstLine = content.substring(firstLineStart, firstLineEnd);
    Matcher heading = HEADING.matcher(firstLine);
    if (title == null || heading.matches()) {
      if (heading.matches()) {
        title = title == null ? heading.group(1) : title;
        bodyStart = firstLineEnd;
      } else {
        title = firstHeading(content, firstLineStart);
        if (title == null) {
          title = firstLine.strip();
          bodyStart = firstLineEnd;
        }
      }
    }
    String blanked = blankSyntax(content, bodyStart);
    int start = skipWhitespace(blanked, bodyStart);
    int end = blanked.length();
    while (end > start && Character.isWhitespace(blanked.charAt(end - 1))) {
      end--;
    }
    String body = blanked.substring(start, end);
    if (body.isEmpty() && title.isBlank()) {
      return CorpusReader.Result.skip(file, "empty article");
    }
    Article article =
        Article.of(id, title, body)
            .withAuthor(meta.get("author"))
            .withSource(meta.getOrDefault("source", meta.get("site")))
            .withUrl(meta.getOrDefault("url", meta.get("canonical")))
            .withDate(Dates.parse(meta.get("date")))
            .withFile(file, start);
    return CorpusReader.Result.of(article);
  }

  private static String firstHeading(String content, int from) {
    int lineStart = from;
    while (lineStart < content.length()) {
      int end = lineEnd(content, lineStart);
      Matcher m = HEADING.matcher(content.substring(lineStart, end));
      if (m.matches()) {
        return m.group(1);
      }
      lineStart = end + 1;
    }
    return null;
  }

  private static String blankSyntax(String content, int from) {
    Matcher m = SYNTAX.matcher(content);
    m.region(from, content.length());
    char[] chars = null;
    while (m.find()) {
      chars = chars == null ? content.toCharArray() : chars;
      for (int i = m.start(); i < m.end(); i++) {
        if (chars[i] != '\n' && chars[i] != '\r') {
          chars[i] = ' ';
        }
      }
    }
    return chars == null ? content : new String(chars);
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  private static int skipBlankLines(String s, int from) {
    int i = from;
    int lineStart = from;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      if (s.charAt(i) == '\n') {
        lineStart = i + 1;
      }
      i++;
    }
    return lineStart;
  }

  private static int skipWhitespace(String s, int from) {
    int i = from;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int lineEnd(String s, int from) {
    int newline = s.indexOf('\n', from);
    return newline < 0 ? s.length() : newline;
  }
}
