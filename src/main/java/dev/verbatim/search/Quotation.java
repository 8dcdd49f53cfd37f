package dev.verbatim.search;

import dev.verbatim.quotes.Quote;
import java.util.List;

/**
 * A quote as said once and carried by one or more articles, from {@link Searcher#quote(String)}.
 * Immutable and thread-safe.
 *
 * @param quoteId the quote's id across articles
 * @param text the quote's words as the earliest article prints them (the representative when
 *     articles print it with small differences; each source has its own text)
 * @param speaker who said it (the first source that names a speaker), or null
 * @param kind full or partial, as in the earliest article
 * @param sources every article that carries it, earliest first
 */
public record Quotation(
    String quoteId,
    String text,
    String speaker,
    Quote.Kind kind,
    List<SearchResult.Source> sources) {
  public Quotation {
    sources = List.copyOf(sources);
    if (sources.isEmpty()) {
      throw new IllegalArgumentException(
          "a quotation needs at least one source, got none for " + quoteId);
    }
  }
}
