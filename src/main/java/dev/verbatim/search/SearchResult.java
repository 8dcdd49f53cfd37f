package dev.verbatim.search;

import java.util.List;

/**
 * The answer to one {@link SearchRequest}. Immutable and thread-safe.
 *
 * @param query the query as received
 * @param total matching documents: exact when {@code totalExact}, else a lower bound
 * @param totalExact whether {@code total} is the exact count
 * @param tookMs time spent searching and highlighting
 * @param hits this page of hits, best first
 * @param notice how the query was reinterpreted to be searchable (forgiving mode), or null
 * @param suggestion a corrected query that has hits, offered when this one has none, or null
 */
public record SearchResult(
    String query,
    long total,
    boolean totalExact,
    long tookMs,
    List<Hit> hits,
    String notice,
    String suggestion) {

  public SearchResult {
    hits = List.copyOf(hits);
  }

  /**
   * One matching article or quote. Immutable.
   *
   * @param type {@code article} or {@code quote}
   * @param id the document's id (an article id, or {@code articleId#offset} for a quote)
   * @param score relevance score (BM25)
   * @param articleId the article this hit is or belongs to
   * @param title the article's title
   * @param source the article's publication, or null
   * @param date the article's date (ISO {@code yyyy-MM-dd}), or null
   * @param speaker who said the quote, or null (always null for articles)
   * @param cue the words that attribute the quote ({@code said}), or null
   * @param text the quote's words, or the article's body
   * @param highlights HTML-escaped passages with {@code <mark>} around matches, best first
   */
  public record Hit(
      String type,
      String id,
      float score,
      String articleId,
      String title,
      String source,
      String date,
      String speaker,
      String cue,
      String text,
      List<String> highlights) {

    public Hit {
      highlights = List.copyOf(highlights);
    }
  }
}
