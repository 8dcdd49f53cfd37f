package dev.verbatim.corpus;

/**
 * Plain-text articles: the first line is the page title, which may end in {@code " – Source"},
 * {@code " - Source"} or {@code " | Source"} when {@code titles} says that suffix names the
 * publication; the body is everything after it, with page furniture (photo credits, "Comments", tag
 * lines) blanked by {@link Boilerplate} so offsets stay file offsets.
 */
final class TxtArticleReader {
  private TxtArticleReader() {}

  /** Splits a headline into its title and the publication it names, if any (null). */
  @FunctionalInterface
  interface Headlines {
    String[] titleAndSource(String headline);
  }

  static CorpusReader.Result read(String id, String file, String original, Headlines titles) {
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
      return CorpusReader.Result.skip(file, "empty article");
    }
    String[] titleAndSource = titles.titleAndSource(firstLine);
    return CorpusReader.Result.of(
        Article.of(id, titleAndSource[0], body)
            .withSource(titleAndSource[1])
            .withFile(file, bodyStart));
  }
}
