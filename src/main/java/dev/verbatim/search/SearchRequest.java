package dev.verbatim.search;

import java.util.Locale;
import java.util.Objects;
import org.apache.lucene.queryparser.classic.QueryParser;

/**
 * One search: the query string and how to page and filter its results. Immutable and
 * thread-safe; build with {@link #of(String)} and the {@code with*} copies, which check their
 * arguments.
 *
 * @param query the user's query (words, "phrases", field:value, OR, -exclusions)
 * @param type only articles, only quotes, or both (null)
 * @param limit hits per page, 1 to {@link #MAX_LIMIT}
 * @param offset hits to skip, 0 to {@link #MAX_WINDOW} - limit
 * @param relevance how hits are ranked; null means {@link Relevance#DEFAULT}
 */
public record SearchRequest(String query, Type type, int limit, int offset, Relevance relevance) {
  /** Hits per page unless asked otherwise. */
  public static final int DEFAULT_LIMIT = 10;
  /** The most hits one page may hold. */
  public static final int MAX_LIMIT = 100;
  /** The deepest a page may reach (offset + limit). */
  public static final int MAX_WINDOW = 10_000;

  /** The kinds of document a search can be limited to. */
  public enum Type {
    ARTICLE,
    QUOTE;

    /** {@code article} or {@code quote}, as in the index and the API. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The type named {@code label} ({@code article} or {@code quote}), case-insensitive. */
    public static Type fromLabel(String label) {
      for (Type t : values()) {
        if (t.label().equalsIgnoreCase(label.strip())) {
          return t;
        }
      }
      throw new InvalidQueryException("unknown type '" + label + "'; expected article or quote");
    }
  }

  /** How hits are ranked; every choice is measured in BENCHMARKS.md, "Ranking quality". */
  public enum Relevance {
    /** BM25 over headline and body, headline words weighing triple, nearby words rewarded. */
    DEFAULT,
    /**
     * DEFAULT, then the query is expanded with the most telling words of its top 10 hits
     * (RM3-style pseudo-relevance feedback): finds more for vague queries, costs a second search.
     */
    FEEDBACK,
    /** Plain BM25 over headline and body as one field, for comparison. */
    BASELINE
  }

  public SearchRequest {
    Objects.requireNonNull(query, "query");
    relevance = relevance == null ? Relevance.DEFAULT : relevance;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidQueryException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    if (offset < 0) {
      throw new InvalidQueryException("offset must be >= 0, got " + offset);
    }
    if ((long) offset + limit > MAX_WINDOW) {
      throw new InvalidQueryException(
          "offset + limit must be at most " + MAX_WINDOW + ", got " + ((long) offset + limit)
              + "; narrow the query or add filters instead of paging this deep");
    }
  }

  /** A request for {@code query} with default paging and no filters. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, null, DEFAULT_LIMIT, 0, null);
  }

  /**
   * A request for {@code words} taken literally, as a description: query syntax such as {@code
   * ?}, {@code (} or {@code field:} in it is escaped and searched as plain text.
   */
  public static SearchRequest ofWords(String words) {
    return of(QueryParser.escape(words));
  }

  public SearchRequest withType(Type newType) {
    return new SearchRequest(query, newType, limit, offset, relevance);
  }

  public SearchRequest withLimit(int newLimit) {
    return new SearchRequest(query, type, newLimit, offset, relevance);
  }

  public SearchRequest withOffset(int newOffset) {
    return new SearchRequest(query, type, limit, newOffset, relevance);
  }

  public SearchRequest withRelevance(Relevance newRelevance) {
    return new SearchRequest(query, type, limit, offset, newRelevance);
  }
}
