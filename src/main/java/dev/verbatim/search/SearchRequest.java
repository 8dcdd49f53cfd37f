package dev.verbatim.search;

import dev.verbatim.search.query.Cursor;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.classic.QueryParser;

/**
 * One search: the query string and how to filter, sort, page and highlight its results. Immutable
 * and thread-safe; made by {@link #of(String)} or by a {@link Builder} from {@link
 * #builder(String)}, whose {@code with*} settings check their arguments and start from named
 * defaults.
 *
 * <pre>{@code
 * SearchRequest request =
 *     SearchRequest.builder("\"so unfair\"").withType(SearchRequest.Type.QUOTE).withLimit(5).build();
 * SearchRequest next = request.toBuilder().withCursor(result.nextCursor()).build();
 * }</pre>
 */
public final class SearchRequest {
  /** Hits per page unless asked otherwise. */
  public static final int DEFAULT_LIMIT = 10;

  /** The most hits one page may hold. */
  public static final int MAX_LIMIT = 100;

  /** The deepest a page may reach (offset + limit). */
  public static final int MAX_WINDOW = 10_000;

  /** Passages per article hit unless asked otherwise. */
  public static final int DEFAULT_PASSAGES = 2;

  /** The most passages per article hit. */
  public static final int MAX_PASSAGES = 10;

  /** Longest passage in characters unless asked otherwise. */
  public static final int DEFAULT_PASSAGE_LENGTH = 300;

  /** The shortest a passage may be asked to be. */
  public static final int MIN_PASSAGE_LENGTH = 40;

  /** The longest a passage may be asked to be. */
  public static final int MAX_PASSAGE_LENGTH = 2_000;

  private static final Pattern DATE = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2]))?");

  /** The kinds of document a search can be limited to, and a hit can be. Thread-safe. */
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

  /**
   * How hits are ranked; every choice is measured in BENCHMARKS.md, "Ranking quality". Thread-safe.
   */
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

  /** The order of hits. Thread-safe. */
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
   * How hits are excerpted: passages per article hit and their longest length in characters.
   * Checked by the builder.
   */
  record Snippets(int passages, int maxLength) {
    /** Two passages of at most 300 characters. */
    static final Snippets DEFAULT = new Snippets(DEFAULT_PASSAGES, DEFAULT_PASSAGE_LENGTH);
  }

  private final String query;
  private final Type type;
  private final int limit;
  private final int offset;
  private final String speaker;
  private final String source;
  private final String date;
  private final SortOrder sort;
  private final String cursor;
  private final Snippets snippets;
  private final boolean facets;
  private final boolean strict;
  private final boolean allowLeadingWildcard;
  private final Relevance relevance;

  private SearchRequest(Builder b) {
    this.query = b.query;
    this.type = b.type;
    this.limit = b.limit;
    this.offset = b.offset;
    this.speaker = b.speaker;
    this.source = b.source;
    this.date = b.date;
    this.sort = b.sort;
    this.cursor = b.cursor;
    this.snippets = new Snippets(b.passages, b.passageLength);
    this.facets = b.facets;
    this.strict = b.strict;
    this.allowLeadingWildcard = b.allowLeadingWildcard;
    this.relevance = b.relevance;
  }

  /** A request for {@code query} with every setting at its default (see {@link Builder}). */
  public static SearchRequest of(String query) {
    return builder(query).build();
  }

  /**
   * A request for {@code words} taken literally, as a description: query syntax such as {@code ?},
   * {@code (} or {@code field:} in it is escaped and searched as plain text.
   */
  public static SearchRequest ofWords(String words) {
    return of(QueryParser.escape(words));
  }

  /** A builder for a request for {@code query}, every other setting at its default. */
  public static Builder builder(String query) {
    return new Builder(query);
  }

  /** A builder that starts from this request's settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The user's query in the query language (README, "Query language"). */
  public String query() {
    return query;
  }

  /** Only articles, only quotes, or both (null). */
  public Type type() {
    return type;
  }

  /** Hits per page, 1 to {@link #MAX_LIMIT}. */
  public int limit() {
    return limit;
  }

  /** Hits to skip, 0 to {@link #MAX_WINDOW} - limit; 0 when a cursor is given. */
  public int offset() {
    return offset;
  }

  /** Only quotes by this speaker (exact canonical name, as in the speaker facet), or null. */
  public String speaker() {
    return speaker;
  }

  /** Only documents from this publication (exactly as in the source facet), or null. */
  public String source() {
    return source;
  }

  /** Only documents of this year {@code YYYY} or month {@code YYYY-MM}, or null. */
  public String date() {
    return date;
  }

  /** Relevance (best first) or date (newest first, ties by relevance). */
  public SortOrder sort() {
    return sort;
  }

  /** The {@link SearchResult#nextCursor()} of the previous page, or null. */
  public String cursor() {
    return cursor;
  }

  /** Passages per article hit, 1 to {@link #MAX_PASSAGES}. */
  public int passages() {
    return snippets.passages();
  }

  /** Longest passage in characters, {@link #MIN_PASSAGE_LENGTH} to {@link #MAX_PASSAGE_LENGTH}. */
  public int passageLength() {
    return snippets.maxLength();
  }

  /** Whether to count facet values (a full pass over all matches). */
  public boolean facets() {
    return facets;
  }

  /** Report query syntax errors instead of searching around them with a notice. */
  public boolean strict() {
    return strict;
  }

  /** Accept {@code *word} and {@code ?word}, which scan the whole term dictionary. */
  public boolean allowLeadingWildcard() {
    return allowLeadingWildcard;
  }

  /** How hits are ranked. */
  public Relevance relevance() {
    return relevance;
  }

  Snippets snippets() {
    return snippets;
  }

  /** Whether any type, speaker, source or date restriction is set. */
  boolean filtered() {
    return type != null || speaker != null || source != null || date != null;
  }

  private List<Object> settings() {
    return Arrays.asList(
        query,
        type,
        limit,
        offset,
        speaker,
        source,
        date,
        sort,
        cursor,
        snippets,
        facets,
        strict,
        allowLeadingWildcard,
        relevance);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SearchRequest other && settings().equals(other.settings());
  }

  @Override
  public int hashCode() {
    return settings().hashCode();
  }

  @Override
  public String toString() {
    return "SearchRequest" + settings();
  }

  /**
   * Settings of a {@link SearchRequest}; each {@code with*} checks its argument and throws an
   * {@link InvalidQueryException} naming it. Defaults: {@link #DEFAULT_LIMIT} hits from offset 0,
   * both types, no filters, relevance order, no cursor, {@link #DEFAULT_PASSAGES} passages of at
   * most {@link #DEFAULT_PASSAGE_LENGTH} characters, facets counted, forgiving syntax, no leading
   * wildcards, {@link Relevance#DEFAULT} ranking. Not thread-safe.
   */
  public static final class Builder {
    private final String query;
    private Type type;
    private int limit = DEFAULT_LIMIT;
    private int offset;
    private String speaker;
    private String source;
    private String date;
    private SortOrder sort = SortOrder.RELEVANCE;
    private String cursor;
    private int passages = DEFAULT_PASSAGES;
    private int passageLength = DEFAULT_PASSAGE_LENGTH;
    private boolean facets = true;
    private boolean strict;
    private boolean allowLeadingWildcard;
    private Relevance relevance = Relevance.DEFAULT;

    private Builder(String query) {
      this.query = Objects.requireNonNull(query, "query");
    }

    private Builder(SearchRequest r) {
      this.query = r.query;
      this.type = r.type;
      this.limit = r.limit;
      this.offset = r.offset;
      this.speaker = r.speaker;
      this.source = r.source;
      this.date = r.date;
      this.sort = r.sort;
      this.cursor = r.cursor;
      this.passages = r.snippets.passages();
      this.passageLength = r.snippets.maxLength();
      this.facets = r.facets;
      this.strict = r.strict;
      this.allowLeadingWildcard = r.allowLeadingWildcard;
      this.relevance = r.relevance;
    }

    /** Only articles or only quotes; null (the default) for both. */
    public Builder withType(Type type) {
      this.type = type;
      return this;
    }

    /** Hits per page, 1 to {@link #MAX_LIMIT}; default {@link #DEFAULT_LIMIT}. */
    public Builder withLimit(int limit) {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new InvalidQueryException(
            "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
      }
      this.limit = limit;
      return this;
    }

    /** Hits to skip, at least 0 (the default); offset + limit at most {@link #MAX_WINDOW}. */
    public Builder withOffset(int offset) {
      if (offset < 0) {
        throw new InvalidQueryException("offset must be >= 0, got " + offset);
      }
      this.offset = offset;
      return this;
    }

    /** Only quotes by {@code speaker} (exact canonical name; null or blank for any). */
    public Builder withSpeaker(String speaker) {
      this.speaker = blankToNull(speaker);
      return this;
    }

    /** Only documents from {@code source} (exact publication name; null or blank for any). */
    public Builder withSource(String source) {
      this.source = blankToNull(source);
      return this;
    }

    /** Only documents dated in {@code date}, a year {@code YYYY} or month {@code YYYY-MM}. */
    public Builder withDate(String date) {
      date = blankToNull(date);
      if (date != null && !DATE.matcher(date).matches()) {
        throw new InvalidQueryException(
            "date must be a year YYYY or a month YYYY-MM (01 to 12), got '" + date + "'");
      }
      this.date = date;
      return this;
    }

    /** The order of hits; null means {@link SortOrder#RELEVANCE}, the default. */
    public Builder withSort(SortOrder sort) {
      this.sort = sort == null ? SortOrder.RELEVANCE : sort;
      return this;
    }

    /**
     * The page after the one that returned {@code cursor} as its {@link SearchResult#nextCursor()};
     * null or blank (the default) starts from the top. Not combined with an offset.
     */
    public Builder withCursor(String cursor) {
      cursor = blankToNull(cursor);
      if (cursor != null) {
        Cursor.decode(cursor);
      }
      this.cursor = cursor;
      return this;
    }

    /** Passages per article hit, 1 to {@link #MAX_PASSAGES}; default {@link #DEFAULT_PASSAGES}. */
    public Builder withPassages(int passages) {
      if (passages < 1 || passages > MAX_PASSAGES) {
        throw new InvalidQueryException(
            "passages must be between 1 and " + MAX_PASSAGES + ", got " + passages);
      }
      this.passages = passages;
      return this;
    }

    /**
     * Longest passage in characters, {@link #MIN_PASSAGE_LENGTH} to {@link #MAX_PASSAGE_LENGTH};
     * default {@link #DEFAULT_PASSAGE_LENGTH}.
     */
    public Builder withPassageLength(int length) {
      if (length < MIN_PASSAGE_LENGTH || length > MAX_PASSAGE_LENGTH) {
        throw new InvalidQueryException(
            "passage length must be between "
                + MIN_PASSAGE_LENGTH
                + " and "
                + MAX_PASSAGE_LENGTH
                + ", got "
                + length);
      }
      this.passageLength = length;
      return this;
    }

    /**
     * Whether to count facet values and the exact total (the default: on), which visits every
     * match.
     */
    public Builder withFacets(boolean facets) {
      this.facets = facets;
      return this;
    }

    /** Report syntax errors ({@code true}) or mend them with a notice (the default). */
    public Builder withStrict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** Accept ({@code true}) or refuse (the default) words starting with a wildcard. */
    public Builder withAllowLeadingWildcard(boolean allow) {
      this.allowLeadingWildcard = allow;
      return this;
    }

    /** How hits are ranked; null means {@link Relevance#DEFAULT}, the default. */
    public Builder withRelevance(Relevance relevance) {
      this.relevance = relevance == null ? Relevance.DEFAULT : relevance;
      return this;
    }

    /**
     * The request.
     *
     * @throws InvalidQueryException when offset + limit passes {@link #MAX_WINDOW}, or both an
     *     offset and a cursor are given
     */
    public SearchRequest build() {
      if ((long) offset + limit > MAX_WINDOW) {
        throw new InvalidQueryException(
            "offset + limit must be at most "
                + MAX_WINDOW
                + ", got "
                + ((long) offset + limit)
                + "; narrow the query or add filters, or page with the cursor (nextCursor) instead"
                + " of offset");
      }
      if (cursor != null && offset != 0) {
        throw new InvalidQueryException(
            "give either offset or cursor, not both (offset " + offset + ")");
      }
      return new SearchRequest(this);
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s.strip();
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
                Arrays.stream(values).map(e -> e.name().toLowerCase(Locale.ROOT)).toList()));
  }
}
