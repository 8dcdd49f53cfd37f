package dev.verbatim.search;

import dev.verbatim.quotes.Quote;
import java.util.List;
import java.util.Objects;

/**
 * One indexed article in full, with every quote found in it: what an article page shows. Immutable
 * and thread-safe.
 *
 * @param id the article's id
 * @param title the headline (may be empty)
 * @param source the publication, or null
 * @param date the publication day (ISO {@code yyyy-MM-dd}), or null
 * @param author the byline, or null
 * @param url the canonical address, or null
 * @param text the body exactly as indexed; quote offsets point into it
 * @param quotes the article's quotes in text order
 */
public record ArticleDetail(
    String id,
    String title,
    String source,
    String date,
    String author,
    String url,
    String text,
    List<QuoteSpan> quotes) {

  public ArticleDetail {
    Objects.requireNonNull(id, "id");
    title = title == null ? "" : title;
    Objects.requireNonNull(text, "text");
    quotes = List.copyOf(quotes);
  }

  /**
   * A quote as it sits in its article's text. Immutable and thread-safe.
   *
   * @param id the quote document's id ({@code articleId#offset})
   * @param offset char offset of the opening quote mark in the article text
   * @param length chars from the opening mark through the closing mark
   * @param text the quoted words, without the marks
   * @param kind full or partial
   * @param speaker who said it, or null
   * @param cue the words that attribute it ({@code said}), or null
   * @param mention where the text names the speaker ({@code she}), or null
   * @param rule how the speaker was found ({@code cue-after/pronoun}), or null
   * @param antecedent where the article names the speaker that the mention (or an earlier quote)
   *     refers to, or null when the mention is the name itself
   */
  public record QuoteSpan(
      String id,
      int offset,
      int length,
      String text,
      Quote.Kind kind,
      String speaker,
      String cue,
      Quote.Mention mention,
      String rule,
      Quote.Mention antecedent) {

    public QuoteSpan {
      Objects.requireNonNull(id, "id");
      if (offset < 0 || length < 0) {
        throw new IllegalArgumentException(
            "a quote span needs offset >= 0 and length >= 0, got offset="
                + offset
                + " length="
                + length);
      }
    }
  }
}
