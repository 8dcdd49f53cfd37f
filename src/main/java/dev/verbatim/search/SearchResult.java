package dev.verbatim.search;

import dev.verbatim.quotes.Quote;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
   * One matching article or quote. Immutable and thread-safe; a search backend makes one with
   * {@link #builder(SearchRequest.Type, String)}.
   */
  public static final class Hit {
    private final SearchRequest.Type type;
    private final String id;
    private final float score;
    private final String articleId;
    private final String title;
    private final String source;
    private final String date;
    private final String speaker;
    private final String cue;
    private final Quote.Mention mention;
    private final String rule;
    private final Quote.Mention antecedent;
    private final Quote.Kind kind;
    private final String text;
    private final List<Passage> passages;
    private final String titleHtml;
    private final String speakerHtml;
    private final String quoteId;
    private final List<Source> sources;

    private Hit(Builder b) {
      this.type = b.type;
      this.id = b.id;
      this.score = b.score;
      this.articleId = b.articleId;
      this.title = b.title;
      this.source = b.source;
      this.date = b.date;
      this.speaker = b.speaker;
      this.cue = b.cue;
      this.mention = b.mention;
      this.rule = b.rule;
      this.antecedent = b.antecedent;
      this.kind = b.kind;
      this.text = b.text;
      this.passages = b.passages;
      this.titleHtml = b.titleHtml;
      this.speakerHtml = b.speakerHtml;
      this.quoteId = b.quoteId;
      this.sources = b.sources;
    }

    /**
     * A builder for a hit of {@code type} whose document id is {@code id}; every other setting
     * starts empty: score 0, no passages, no sources, null otherwise.
     */
    public static Builder builder(SearchRequest.Type type, String id) {
      return new Builder(type, id);
    }

    /** An article or a quote. */
    public SearchRequest.Type type() {
      return type;
    }

    /** The document's id: an article id, or {@code articleId#offset} for a quote. */
    public String id() {
      return id;
    }

    /** Relevance score (BM25). */
    public float score() {
      return score;
    }

    /** The article this hit is or belongs to. */
    public String articleId() {
      return articleId;
    }

    /** The article's title. */
    public String title() {
      return title;
    }

    /** The article's publication, or null. */
    public String source() {
      return source;
    }

    /** The article's date (ISO {@code yyyy-MM-dd}), or null. */
    public String date() {
      return date;
    }

    /** Who said the quote, or null (always null for articles). */
    public String speaker() {
      return speaker;
    }

    /** The words that attribute the quote ({@code said}), or null. */
    public String cue() {
      return cue;
    }

    /** The words next to the quote that point at its speaker ({@code she}), or null. */
    public Quote.Mention mention() {
      return mention;
    }

    /** How the speaker was found ({@code cue-after/pronoun}), or null. */
    public String rule() {
      return rule;
    }

    /** Where the article names the speaker the mention refers to, or null. */
    public Quote.Mention antecedent() {
      return antecedent;
    }

    /** Full or partial for quotes, null for articles. */
    public Quote.Kind kind() {
      return kind;
    }

    /** The quote's words, or the article's body. */
    public String text() {
      return text;
    }

    /** The best excerpts of {@link #text()} with the matches marked, in text order. */
    public List<Passage> passages() {
      return passages;
    }

    /** The title HTML-escaped, with {@code <mark>} around matches. */
    public String titleHtml() {
      return titleHtml;
    }

    /** The speaker HTML-escaped, with {@code <mark>} around matches, or null. */
    public String speakerHtml() {
      return speakerHtml;
    }

    /**
     * The id of this quote across articles (for {@link Searcher#quote(String)}), or null for
     * articles.
     */
    public String quoteId() {
      return quoteId;
    }

    /** Every article that carries this quote, this one included; empty for articles. */
    public List<Source> sources() {
      return sources;
    }

    @Override
    public String toString() {
      return "Hit[" + type.label() + " " + id + " " + score + "]";
    }

    /** The settings of a {@link Hit}, each named. Not thread-safe. */
    public static final class Builder {
      private final SearchRequest.Type type;
      private final String id;
      private float score;
      private String articleId;
      private String title;
      private String source;
      private String date;
      private String speaker;
      private String cue;
      private Quote.Mention mention;
      private String rule;
      private Quote.Mention antecedent;
      private Quote.Kind kind;
      private String text;
      private List<Passage> passages = List.of();
      private String titleHtml;
      private String speakerHtml;
      private String quoteId;
      private List<Source> sources = List.of();

      private Builder(SearchRequest.Type type, String id) {
        this.type = Objects.requireNonNull(type, "type");
        this.id = Objects.requireNonNull(id, "id");
      }

      public Builder withScore(float score) {
        this.score = score;
        return this;
      }

      public Builder withArticleId(String articleId) {
        this.articleId = articleId;
        return this;
      }

      public Builder withTitle(String title) {
        this.title = title;
        return this;
      }

      public Builder withSource(String source) {
        this.source = source;
        return this;
      }

      public Builder withDate(String date) {
        this.date = date;
        return this;
      }

      public Builder withSpeaker(String speaker) {
        this.speaker = speaker;
        return this;
      }

      public Builder withCue(String cue) {
        this.cue = cue;
        return this;
      }

      /**
       * The evidence chain of a quote (see {@link Quote.Evidence}): the mention, the rule and the
       * antecedent, each may be null.
       */
      public Builder withEvidence(Quote.Mention mention, String rule, Quote.Mention antecedent) {
        this.mention = mention;
        this.rule = rule;
        this.antecedent = antecedent;
        return this;
      }

      public Builder withKind(Quote.Kind kind) {
        this.kind = kind;
        return this;
      }

      public Builder withText(String text) {
        this.text = text;
        return this;
      }

      /** The marked excerpts, in text order; copied. */
      public Builder withPassages(List<Passage> passages) {
        this.passages = List.copyOf(passages);
        return this;
      }

      public Builder withTitleHtml(String titleHtml) {
        this.titleHtml = titleHtml;
        return this;
      }

      public Builder withSpeakerHtml(String speakerHtml) {
        this.speakerHtml = speakerHtml;
        return this;
      }

      public Builder withQuoteId(String quoteId) {
        this.quoteId = quoteId;
        return this;
      }

      /** Every article carrying the quote, earliest first; copied. */
      public Builder withSources(List<Source> sources) {
        this.sources = List.copyOf(sources);
        return this;
      }

      /**
       * The hit.
       *
       * @throws IllegalArgumentException when an article hit is given a quote's kind, quote id or
       *     sources
       */
      public Hit build() {
        if (type == SearchRequest.Type.ARTICLE
            && (kind != null || quoteId != null || !sources.isEmpty())) {
          throw new IllegalArgumentException(
              "an article hit has no quote kind, quote id or sources: " + id);
        }
        return new Hit(this);
      }
    }
  }

  /**
   * An excerpt of a hit's text. Immutable and thread-safe.
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
   * A character range {@code [start, end)}. Immutable and thread-safe.
   *
   * @param start first character
   * @param end one past the last character
   */
  public record Span(int start, int end) {}

  /**
   * One article that carries a quote. Immutable and thread-safe.
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
   * One facet value and how many matching documents have it. Immutable and thread-safe.
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
