package dev.verbatim.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Lines: one article per line with {@code id}, {@code title}, {@code text} (or {@code body})
 * and optional {@code source}, {@code url}, {@code date}, {@code author}. A malformed line is
 * skipped and reported as {@code path:line}; the rest of the file is still read.
 */
final class JsonlArticleReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonlArticleReader() {}

  /** Parses {@code lines}, the first being line {@code firstLine} of {@code file}. */
  static CorpusReader.Result parse(String file, int firstLine, List<String> lines) {
    List<Article> articles = new ArrayList<>();
    List<CorpusReader.Skip> skipped = new ArrayList<>();
    int number = firstLine - 1;
    for (String line : lines) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      String where = file + ":" + number;
      try {
        JsonNode node = JSON.readTree(line);
        if (node == null || !node.isObject()) {
          skipped.add(new CorpusReader.Skip(where, "not a JSON object"));
          continue;
        }
        String id = text(node, "id");
        String body = text(node, "text");
        if (body == null) {
          body = text(node, "body");
        }
        if (id == null || id.isBlank()) {
          skipped.add(new CorpusReader.Skip(where, "missing \"id\""));
        } else if ((body == null || body.isBlank()) && isBlank(text(node, "title"))) {
          skipped.add(
              new CorpusReader.Skip(where, "empty article: no \"title\", \"text\" or \"body\""));
        } else {
          // A headline without a body (an abstract's title, a wire flash) is still an article.
          articles.add(
              Article.of(id.strip(), text(node, "title"), body == null ? "" : body)
                  .withSource(text(node, "source"))
                  .withAuthor(text(node, "author"))
                  .withUrl(text(node, "url"))
                  .withDate(Dates.parse(text(node, "date")))
                  .withFile(file, 0));
        }
      } catch (JsonProcessingException e) {
        skipped.add(new CorpusReader.Skip(where, "malformed JSON: " + e.getOriginalMessage()));
      }
    }
    return new CorpusReader.Result(articles, skipped);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
