package dev.verbatim.search;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.classic.QueryParser;

/**
 * One search: the query string and how to filter, sort, page and highlight its results. Immutable
 * and thread-safe; build with {@link #of(String)} and the {@code with*} copies, which check their
 * arguments.
 *
 * @param query the user's query in the query language (README, "Query language")
 * @param type only articles, only quotes, or both (null)
 * @param limit hits per page, 1 to {@link #MAX_LIMIT}
 * @param offset hits to skip, 0 to {@link #MAX_WINDOW} - limit; 0 when a cursor is given
 * @param filters exact speaker, source and date restrictions
 * @param sort relevance (best first) or date (newest first, ties by relevance)
 * @param cursor the {@link SearchResult#nextCursor()} of the previous page, or null
 * @param snippets how many passages to show per hit and how long each may be
 * @param facets whether to count facet values (a full pass over all matches)
 * @param strict report query syntax errors instead of searching around them with a notice
 * @param allowLeadingWildcard accept {@code *word} and {@code ?word}, which scan the whole term
 *     dictionary
 * @param relevance how hits are ranked; null means {@link Relevance#DEFAULT}
 */
public record SearchRequest(
    String query,
    Type type,
    int limit,
    int offset,
    Filters filters,
    SortOrder sort,
    String cursor,
    Snippets snippets,
    boolean facets,
    boolean strict,
    boolean allowLeadingWildcard,
    Relevance relevance) {
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
      return byLabel(values(), "type", label);
    }
  }

  /** How hits are ranked; every choice is measured in BENCHMARKS.md, "Ranking quality". */
  public enum Relevance {
    /** BM25 over headline and body, headline words weighing triple, nearby words rewarded. */
    DEFAULT,
    /**
     * DEFAULT, then the query is expanded with the most telling words of its top 10 hits (RM3-style
     * pseudo-relevance feedback): finds more for vague queries, costs a second search.
     */
    FEEDBACK,
    /** Plain BM25 over headline and body as one field, for comparison. */
    BASELINE;

    /** The ranking named {@code label} ({@code default}, {@code feedback} or {@code baseline}). */
    public static Relevance fromLabel(String label) {
      return byLabel(values(), "relevance", label);
    }
  }

  /** The order of hits. */
  public enum SortOrder {
    RELEVANCE,
    DATE;

    /** {@code relevance} or {@code date}, as in the API. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The order named {@code label} ({@code relevance} or {@code date}), case-insensitive. */
    public static SortOrder fromLabel(String label) {
      return byLabel(values(), "sort", label);
    }
  }

  /**
   * Exact restrictions on top of the query; null means no restriction. Immutable.
   *
   * @param speaker the speaker's canonical name, exactly as in the speaker facet
   * @param source the publication, exactly as in the source facet
   * @param date a year {@code YYYY} or a month {@code YYYY-MM}
   */
  public record Filters(String speaker, String source, String date) {
    /** No restriction. */
    public static final Filters NONE = new Filters(null, null, null);

    private static final Pattern DATE = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2]))?");

    public Filters {
      speaker = blankToNull(speaker);
      source = blankToNull(source);
      date = blankToNull(date);
      if (date != null && !DATE.matcher(date).matches()) {
        throw new InvalidQueryException(
            "date must be a year YYYY or a month YYYY-MM (01 to 12), got '" + date + "'");
      }
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s.strip();
    }
  }

  /**
   * How hits are excerpted. Immutable.
   *
   * @param passages passages per article hit, 1 to {@link #MAX_PASSAGES}
   * @param maxLength longest passage in characters, {@link #MIN_LENGTH} to {@link #MAX_LENGTH}
   */
  public record Snippets(int passages, int maxLength) {
    public static final int DEFAULT_PASSAGES = 2;
    public static final int MAX_PASSAGES = 10;
    public static final int DEFAULT_LENGTH = 300;
    public static final int MIN_LENGTH = 40;
    public static final int MAX_LENGTH = 2_000;

    /** Two passages of at most 300 characters. */
    public static final Snippets DEFAULT = new Snippets(DEFAULT_PASSAGES, DEFAULT_LENGTH);

    public Snippets {
      if (passages < 1 || passages > MAX_PASSAGES) {
        throw new InvalidQueryException(
            "passages must be between 1 and " + MAX_PASSAGES + ", got " + passages);
      }
      if (maxLength < MIN_LENGTH || maxLength > MAX_LENGTH) {
        throw new InvalidQueryException(
            "passage length must be between "
                + MIN_LENGTH
                + " and "
                + MAX_LENGTH
                + ", got "
                + maxLength);
      }
    }
  }

  /** The constant of {@code values} whose lower-case name is {@code label}, ignoring case. */
  private static <E extends Enum<E>> E byLabel(E[] values, String what, String label) {
    for (E e : values) {
      if (e.name().equalsIgnoreCase(label.strip())) {
        return e;
      }
    }
    throw new InvalidQueryException(
        "unknown "
            + what
            + " '"
            + label
            + "'; expected "
            + String.join(
                " or ",
                java.util.Arrays.stream(values)
                    .map(e -> e.name().toLowerCase(Locale.ROOT))
                    .toList()));
  }

  public SearchRequest {
    Objects.requireNonNull(query, "query");
    relevance = relevance == null ? Relevance.DEFAULT : relevance;
    filters = filters == null ? Filters.NONE : filters;
    sort = sort == null ? SortOrder.RELEVANCE : sort;
    snippets = snippets == null ? Snippets.DEFAULT : snippets;
    cursor = cursor == null || cursor.isBlank() ? null : cursor.strip();
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidQueryException(
          "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    if (offset < 0) {
      throw new InvalidQueryException("offset must be >= 0, got " + offset);
    }
    if ((long) offset + limit > MAX_WINDOW) {
      throw new InvalidQueryException(
          "offset + limit must be at most "
              + MAX_WINDOW
              + ", got "
              + ((long) offset + limit)
              + "; narrow the query or add filters, or page with the cursor (nextCursor) instead of"
              + " offset");
    }
    if (cursor != null) {
      if (offset != 0) {
        throw new InvalidQueryException(
            "give either offset or cursor, not both (offset " + offset + ")");
      }
      Cursor.decode(cursor);
    }
  }

  /** A request for {@code query} with default paging, relevance order, facets and no filters. */
  public static SearchRequest of(String query) {
    return new SearchRequest(
        query,
        null,
        DEFAULT_LIMIT,
        0,
        Filters.NONE,
        SortOrder.RELEVANCE,
        null,
        Snippets.DEFAULT,
        true,
        false,
        false,
        Relevance.DEFAULT);
  }

  /**
   * A request for {@code words} taken literally, as a description: query syntax such as {@code ?},
   * {@code (} or {@code field:} in it is escaped and searched as plain text.
   */
  public static SearchRequest ofWords(String words) {
    return of(QueryParser.escape(words));
  }

  public SearchRequest withRelevance(Relevance newRelevance) {
    return new SearchRequest(
        query,
        type,
        limit,
        offset,
        filters,
        sort,
        cursor,
        snippets,
        facets,
        strict,
        allowLeadingWildcard,
        newRelevance);
  }

  public SearchRequest withType(Type newType) {
    return new SearchRequest(
        query,
        newType,
        limit,
        offset,
        filters,
        sort,
        cursor,
        snippets,
        facets,
        strict,
        allowLeadingWildcard,
        relevance);
  }

  public SearchRequest withLimit(int newLimit) {
    return new SearchRequest(
        query,
        type,
        newLimit,
        offset,
        filters,
        sort,
        cursor,
        snippets,
        facets,
        strict,
        allowLeadingWildcard,
        relevance);
  }

  public SearchRequest withOffset(int newOffset) {
    return new SearchRequest(
        query,
        type,
        limit,
        newOffset,
        filters,
        sort,
        cursor,
        snippets,
        facets,
        strict,
        allowLeadingWildcard,
        relevance);
  }

  public SearchRequest withFilters(Filters newFilters) {
    return new SearchRequest(
        query,
        type,
        limit,
        offset,
        newFilters,
        sort,
        cursor,
        snippets,
        facets,
        strict,
        allowLeadingWildcard,
        relevance);
  }

  /** Only quotes by {@code speaker} (exact canonical name; null or blank for any). */
  public SearchRequest withSpeaker(String speaker) {
    return withFilters(new Filters(speaker, filters.source(), filters.date()));
  }

  /** Only documents from {@code source} (exact publication name; null or blank for any). */
  public SearchRequest withSource(String source) {
    return withFilters(new Filters(filters.speaker(), source, filters.date()));
  }

  /** Only documents dated in {@code date}, a year {@code YYYY} or month {@code YYYY-MM}. */
  public SearchRequest withDate(String date) {
    return withFilters(new Filters(filters.speaker(), filters.source(), date));
  }

  public SearchRequest withSort(SortOrder newSort) {
    return new SearchRequest(
        query,
        type,
        limit,
        offset,
        filters,
        newSort,
        cursor,
        snippets,
        facets,
        strict,
        allowLeadingWildcard,
        relevance);
  }

  /** The page after the one that returned {@code nextCursor}; null starts from the top. */
  public SearchRequest withCursor(String newCursor) {
    return new SearchRequest(
        query,
        type,
        limit,
        offset,
        filters,
        sort,
        newCursor,
        snippets,
        facets,
        strict,
        allowLeadingWildcard,
        relevance);
  }

  public SearchRequest withSnippets(Snippets newSnippets) {
    return new SearchRequest(
        query,
        type,
        limit,
        offset,
        filters,
        sort,
        cursor,
        newSnippets,
        facets,
        strict,
        allowLeadingWildcard,
        relevance);
  }

  public SearchRequest withFacets(boolean newFacets) {
    return new SearchRequest(
        query,
        type,
        limit,
        offset,
        filters,
        sort,
        cursor,
        snippets,
        newFacets,
        strict,
        allowLeadingWildcard,
        relevance);
  }

  /** A copy that reports syntax errors ({@code true}) or mends them with a notice (the default). */
  public SearchRequest withStrict(boolean newStrict) {
    return new SearchRequest(
        query,
        type,
        limit,
        offset,
        filters,
        sort,
        cursor,
        snippets,
        facets,
        newStrict,
        allowLeadingWildcard,
        relevance);
  }

  /** A copy that accepts ({@code true}) or refuses (the default) words starting with a wildcard. */
  public SearchRequest withAllowLeadingWildcard(boolean allow) {
    return new SearchRequest(
        query, type, limit, offset, filters, sort, cursor, snippets, facets, strict, allow,
        relevance);
  }
}
