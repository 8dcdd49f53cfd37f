package dev.verbatim.corpus;

import java.util.List;

/**
 * What reading one corpus file produced: the articles, and what had to be skipped and why.
 * Immutable and thread-safe.
 *
 * @param articles the articles read, in file order
 * @param skipped the parts (a whole file, or {@code path:line} of a JSON Lines file) left out
 */
public record ReadResult(List<Article> articles, List<Skip> skipped) {

  public ReadResult {
    articles = List.copyOf(articles);
    skipped = List.copyOf(skipped);
  }

  static ReadResult of(Article article) {
    return new ReadResult(List.of(article), List.of());
  }

  static ReadResult skip(String where, String reason) {
    return new ReadResult(List.of(), List.of(new Skip(where, reason)));
  }

  /**
   * A part of the corpus that was not indexed. Immutable and thread-safe.
   *
   * @param where the file path, or {@code path:line} for one line of a JSON Lines file
   * @param reason why it was skipped, for people
   */
  public record Skip(String where, String reason) {}
}
