package dev.verbatim.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.corpus.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * JSON Lines as the bench's bare-Lucene side reads them, as the indexer does: raw lines in batches
 * on the reading thread, each batch parsed by a worker, here with Jackson into the fields the bare
 * loop indexes (id, title, text or body). The library streams from a package its module does not
 * export, and the bench uses only the exported API, so it reads its own; BareLuceneTest checks that
 * it finds the articles the library's reader finds. Stateless and thread-safe.
 */
final class BareJsonLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Receives the raw lines of a file, a batch at a time; may block, for back-pressure. */
  @FunctionalInterface
  interface Batches {
    void accept(List<String> lines) throws InterruptedException;
  }

  private BareJsonLines() {}

  /** True for the files read this way: {@code .jsonl} and {@code .jsonl.gz}. */
  static boolean holds(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".jsonl") || name.endsWith(".jsonl.gz");
  }

  /** Hands {@code file}'s lines to {@code sink} in batches of at most {@code batchLines}. */
  static void read(Path file, int batchLines, Batches sink)
      throws IOException, InterruptedException {
    boolean gzip = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      List<String> batch = new ArrayList<>(batchLines);
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        batch.add(line);
        if (batch.size() == batchLines) {
          sink.accept(batch);
          batch = new ArrayList<>(batchLines);
        }
      }
      if (!batch.isEmpty()) {
        sink.accept(batch);
      }
    }
  }

  /**
   * The articles in {@code lines}; the lines the library skips (blank, malformed, not an object, no
   * id, neither title nor text) are left out here too.
   */
  static List<Article> parse(List<String> lines) {
    List<Article> articles = new ArrayList<>(lines.size());
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        continue;
      }
      if (node == null || !node.isObject()) {
        continue;
      }
      String id = text(node, "id");
      String title = text(node, "title");
      String body = text(node, "text");
      if (body == null) {
        body = text(node, "body");
      }
      if (id != null && !id.isBlank() && !(isBlank(body) && isBlank(title))) {
        articles.add(Article.of(id.strip(), title, body == null ? "" : body));
      }
    }
    return articles;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
