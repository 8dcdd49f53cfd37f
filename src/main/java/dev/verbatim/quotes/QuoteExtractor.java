package dev.verbatim.quotes;

import dev.verbatim.corpus.Article;
import java.util.List;

/**
 * Finds quoted spans in an article, tells quotations from titles and scare quotes, and attributes
 * each quotation to a speaker. Stateless and thread-safe.
 *
 * <p>Spans are balanced curly or straight double marks within a paragraph (straight marks are read
 * as opening or closing from the chars around them); a quote that runs over paragraphs gives one
 * span per paragraph, all with the same speaker. The speaker comes from a cue next to the quote
 * ({@code ,” she said}, {@code said the White House}, {@code X reported that “…”}, {@code according
 * to X}), is canonicalised within the article ({@code Kardashian} -> {@code Kim Kardashian}), and
 * pronouns resolve to the speaker or subject they refer to. When the evidence is weak the speaker
 * is null: no speaker is better than a wrong one.
 */
public final class QuoteExtractor {
  /** An extractor; it holds nothing, so one can serve every thread. */
  public QuoteExtractor() {}

  /** Every quoted span of {@code article}'s text, in text order, not-a-quote spans included. */
  public List<Quote> extract(Article article) {
    return List.copyOf(ArticleQuotes.extract(article));
  }
}
