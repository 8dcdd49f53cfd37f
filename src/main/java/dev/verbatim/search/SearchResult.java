package dev.verbatim.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to one {@link SearchRequest}. Immutable and thread-safe.
 *
 * @param query the query as received
 * @param total matching results (articles plus distinct quotes): exact when {@code totalExact},
 *     else a lower bound
 * @param totalExact whether {@code total} is the exact count
 * @param tookMs time spent searching and highlighting
 * @param hits this page of hits, best first; a quote found in several articles appears once
 * @param facets per dimension ({@code type}, {@code speaker}, {@code source}, {@code date}) the
 *     most frequent values among all matching documents; a filtered dimension is counted without
 *     its own filter; empty when not requested
 * @param nextCursor pass as {@link SearchRequest#withCursor(String)} for the next page, or null
 *     when this is the last page
 * @param notice how the query was reinterpreted to be searchable (forgiving mode) and what the time
 *     limit cut short (matching, marking, facets, suggestion), or null
 * @param suggestion a corrected query that has hits, offered when this one has none, or null
 * @param timedOut whether matching stopped at the time limit: {@code hits} and {@code total} are
 *     then partial, and no hits does not mean that nothing matches
 */
public record SearchResult(
    String query,
    long total,
    boolean totalExact,
    long tookMs,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets,
    String nextCursor,
    String notice,
    String suggestion,
    boolean timedOut) {

  public SearchResult {
    hits = List.copyOf(hits);
    // Insertion order is the order dimensions are shown in, so no Map.copyOf.
    facets = Collections.unmodifiableMap(new LinkedHashMap<>(facets));
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
   * @param kind {@code full} or {@code partial} for quotes, null for articles
   * @param text the quote's words, or the article's body
   * @param highlights the {@code html} of each passage, in text order
   * @param passages the best excerpts of {@code text} with the matches marked, in text order
   * @param titleHtml the title HTML-escaped, with {@code <mark>} around matches
   * @param speakerHtml the speaker HTML-escaped, with {@code <mark>} around matches, or null
   * @param quoteId the id of this quote across articles (for {@link Searcher#quote(String)}), or
   *     null for articles
   * @param sources every article that carries this quote, this one included; empty for articles
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
      String kind,
      String text,
      List<String> highlights,
      List<Passage> passages,
      String titleHtml,
      String speakerHtml,
      String quoteId,
      List<Source> sources) {

    public Hit {
      highlights = List.copyOf(highlights);
      passages = List.copyOf(passages);
      sources = List.copyOf(sources);
    }
  }

  /**
   * An excerpt of a hit's text. Immutable.
   *
   * @param html the excerpt HTML-escaped with {@code <mark>} around matches; starts or ends with
   *     {@code …} when the passage was cut to the maximum length
   * @param start offset of the excerpt's first character in the hit's {@code text}
   * @param end offset just past the excerpt's last character
   * @param matches the marked spans, as offsets into the hit's {@code text}
   */
  public record Passage(String html, int start, int end, List<Span> matches) {
    public Passage {
      matches = List.copyOf(matches);
      if (start < 0 || end < start) {
        throw new IllegalArgumentException(
            "passage bounds must satisfy 0 <= start <= end, got " + start + ".." + end);
      }
    }
  }

  /**
   * A character range {@code [start, end)}. Immutable.
   *
   * @param start first character
   * @param end one past the last character
   */
  public record Span(int start, int end) {}

  /**
   * One article that carries a quote. Immutable.
   *
   * @param articleId the article's id
   * @param title the article's title
   * @param source its publication, or null
   * @param date its date (ISO), or null
   * @param speaker who the article says spoke, or null
   * @param cue the attributing words, or null
   * @param id the quote document's id ({@code articleId#offset})
   * @param offset where the quote starts in the article's text
   * @param text the quote as this article prints it (a variant may differ by a word), or null
   */
  public record Source(
      String articleId,
      String title,
      String source,
      String date,
      String speaker,
      String cue,
      String id,
      int offset,
      String text) {
    /** A source whose printed text is not given. */
    public Source(
        String articleId,
        String title,
        String source,
        String date,
        String speaker,
        String cue,
        String id,
        int offset) {
      this(articleId, title, source, date, speaker, cue, id, offset, null);
    }
  }

  /**
   * One facet value and how many matching documents have it. Immutable.
   *
   * @param value the value ({@code 2018}, or {@code 2018-06} for a month)
   * @param count matching documents with this value
   * @param children finer values (months of a year), most frequent first; empty if none
   */
  public record FacetValue(String value, long count, List<FacetValue> children) {
    public FacetValue {
      children = List.copyOf(children);
    }
  }
}
