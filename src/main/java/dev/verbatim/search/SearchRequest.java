package dev.verbatim.search;

import java.util.Locale;
import java.util.Objects;

/**
 * One search: the query string and how to page and filter its results. Immutable and
 * thread-safe; build with {@link #of(String)} and the {@code with*} copies, which check their
 * arguments.
 *
 * @param query the user's query in the query language (README, "Query language")
 * @param type only articles, only quotes, or both (null)
 * @param limit hits per page, 1 to {@link #MAX_LIMIT}
 * @param offset hits to skip, 0 to {@link #MAX_WINDOW} - limit
 * @param strict report query syntax errors instead of searching around them with a notice
 * @param allowLeadingWildcard accept {@code *word} and {@code ?word}, which scan the whole term
 *     dictionary
 */
public record SearchRequest(
    String query, Type type, int limit, int offset, boolean strict, boolean allowLeadingWildcard) {
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

  public SearchRequest {
    Objects.requireNonNull(query, "query");
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
    return new SearchRequest(query, null, DEFAULT_LIMIT, 0, false, false);
  }

  public SearchRequest withType(Type newType) {
    return new SearchRequest(query, newType, limit, offset, strict, allowLeadingWildcard);
  }

  public SearchRequest withLimit(int newLimit) {
    return new SearchRequest(query, type, newLimit, offset, strict, allowLeadingWildcard);
  }

  public SearchRequest withOffset(int newOffset) {
    return new SearchRequest(query, type, limit, newOffset, strict, allowLeadingWildcard);
  }

  /** A copy that reports syntax errors ({@code true}) or mends them with a notice (the default). */
  public SearchRequest withStrict(boolean newStrict) {
    return new SearchRequest(query, type, limit, offset, newStrict, allowLeadingWildcard);
  }

  /** A copy that accepts ({@code true}) or refuses (the default) words starting with a wildcard. */
  public SearchRequest withAllowLeadingWildcard(boolean allow) {
    return new SearchRequest(query, type, limit, offset, strict, allow);
  }
}
