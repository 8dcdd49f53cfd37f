package dev.verbatim.search.query;

import dev.verbatim.search.InvalidQueryException;
import dev.verbatim.search.SearchRequest;
import dev.verbatim.search.Searcher;
import java.util.List;
import java.util.Objects;

/**
 * A query string of the query language (README, "Query language") read once, into Verbatim's own
 * model: what was asked for, before any backend makes its query of it. The local searcher turns it
 * into Lucene queries, a cluster backend into its query DSL; the forgiving mode's mending, the
 * guard rails and the notice are done once, here, for both. Immutable and thread-safe.
 *
 * <p>Field names in nodes are index fields of {@code Schema}; a null field means the default
 * fields: headline, body and speaker for a word ({@link #defaultWordFields}), their exact copies
 * for a phrase or a multi-term word ({@link #defaultExactFields}).
 *
 * @param root what to match
 * @param notice how forgiving mode reinterpreted the string, or null when it did not
 * @param searched the query string as finally parsed (mended, in forgiving mode)
 * @param plainWords the words of the string when it uses no syntax at all, else null: a ranking may
 *     take many of them as a description (the top level's words become alternatives) and rewards
 *     them found near each other
 */
public record ParsedQuery(Node root, String notice, String searched, List<String> plainWords) {

  public ParsedQuery {
    Objects.requireNonNull(root, "root");
    plainWords = plainWords == null ? null : List.copyOf(plainWords);
  }

  /** One part of a query. */
  public sealed interface Node
      permits Word,
          Phrase,
          Prefix,
          Wildcard,
          Fuzzy,
          Keyword,
          DayRange,
          TermRange,
          Bool,
          Boost,
          All {}

  /**
   * A bare word as typed ({@code pardon}, {@code well-known}): analysed by the field's chain; when
   * it makes several terms, all are required unless the query's words are alternatives.
   *
   * @param field the field, or null for the default word fields
   */
  public record Word(String field, String text) implements Node {}

  /**
   * A quoted phrase; {@code slop} positions of play ({@code "white house"~3}).
   *
   * @param field the exact field, or null for the default exact fields
   */
  public record Phrase(String field, String text, int slop) implements Node {}

  /** {@code pard*}: terms starting with {@code prefix}, already case- and accent-folded. */
  public record Prefix(String field, String prefix) implements Node {}

  /** {@code p?rd*n}: terms matching {@code pattern} ({@code *} any run, {@code ?} one char). */
  public record Wildcard(String field, String pattern) implements Node {}

  /** {@code pardn~1}: terms within {@code edits} edits of the folded {@code word}. */
  public record Fuzzy(String field, String word, int edits) implements Node {}

  /** {@code type:quote}, {@code kind:partial}: one exact, lower-case term. */
  public record Keyword(String field, String value) implements Node {}

  /**
   * {@code date:2018}, {@code date:[2018 TO *]}: publication days from {@code first} to {@code
   * last} (epoch days, inclusive; {@link Long#MIN_VALUE} or {@link Long#MAX_VALUE} when open).
   */
  public record DayRange(long first, long last) implements Node {}

  /** {@code title:[a TO c]}: terms between the bounds (null: open), in term order. */
  public record TermRange(
      String field, String lower, String upper, boolean includeLower, boolean includeUpper)
      implements Node {}

  /** How a clause counts in a {@link Bool}. */
  public enum Occur {
    MUST,
    SHOULD,
    MUST_NOT
  }

  /** A clause of a {@link Bool}. */
  public record Clause(Occur occur, Node node) {}

  /**
   * Clauses combined; at least {@code minimumShouldMatch} of the SHOULD clauses must match (0: at
   * least one when there are only SHOULD clauses, none otherwise).
   */
  public record Bool(List<Clause> clauses, int minimumShouldMatch) implements Node {
    public Bool {
      clauses = List.copyOf(clauses);
    }
  }

  /** {@code node}'s score multiplied by {@code boost} ({@code word^2}). */
  public record Boost(Node node, float boost) implements Node {}

  /** Said when matching was cut short (by either backend). */
  public static final String STOPPED_AT_TIME_LIMIT =
      "Search stopped at the time limit; results may be incomplete";

  /** Said when matching was cut short before it found anything, even with more time. */
  public static final String TIMED_OUT_EMPTY =
      "Search stopped at the time limit before it found anything: this does not mean that nothing"
          + " matches; try again, or narrow the query";

  /**
   * The notice of a search of this query that stopped at its time limit, as the local searcher
   * words it: after {@link #notice()}, that results may be incomplete, or, when it found nothing,
   * that this does not mean nothing matches.
   */
  public String noticeAtTimeLimit(boolean foundNothing) {
    String stopped = foundNothing ? TIMED_OUT_EMPTY : STOPPED_AT_TIME_LIMIT;
    return notice == null ? stopped : notice + "; " + stopped;
  }

  /** Every document (an empty query, {@code *:*}, or {@code -word} alone around a MUST). */
  public record All() implements Node {}

  /**
   * How a ranking weighs this query, for a backend that builds its own query from the model rather
   * than through the local Lucene one. Immutable.
   *
   * @param root the query's root, its top level relaxed to alternatives when {@code anyWord}
   * @param minimumShouldMatch how many of the root's SHOULD clauses a match needs (0: default)
   * @param anyWord whether the query's words are alternatives (a long plain query)
   * @param titleWeight how much a headline occurrence of a bare word counts against one in the body
   * @param combinedFields whether headline and body score as one field (BM25F) or as two added
   * @param k1 BM25 term-frequency saturation
   * @param b BM25 length normalisation
   * @param proximityBoost weight of the optional clause of near pairs (0: none)
   * @param proximitySlop positions two words of a pair may move apart
   * @param nearPhrases each pair of neighbouring plain words as the text to search as a sloppy
   *     phrase in the stemmed body (stop words between them kept, for their gap)
   * @param feedback whether the ranking expands the query with its top hits' words
   */
  public record Weighting(
      Node root,
      int minimumShouldMatch,
      boolean anyWord,
      float titleWeight,
      boolean combinedFields,
      float k1,
      float b,
      float proximityBoost,
      int proximitySlop,
      List<String> nearPhrases,
      boolean feedback) {
    public Weighting {
      nearPhrases = List.copyOf(nearPhrases);
    }
  }

  /** How {@code relevance}'s ranking weighs this query. */
  public Weighting weighting(SearchRequest.Relevance relevance) {
    return Ranking.of(relevance).weighting(this, ANALYZER);
  }

  /**
   * {@code request}'s query read into the model, with the request's strict and leading-wildcard
   * settings.
   *
   * @throws InvalidQueryException as {@link Searcher#search} does for a query it cannot take
   */
  public static ParsedQuery of(SearchRequest request) {
    return QueryParsing.interpret(
        request.query(), ANALYZER, request.strict(), request.allowLeadingWildcard());
  }

  private static final org.apache.lucene.analysis.Analyzer ANALYZER =
      dev.verbatim.index.schema.Schema.analyzer();

  /** A field a default clause searches and how much it weighs. */
  public record Weighted(String field, float weight) {}

  /** The stemmed fields a bare word searches as one (BM25F), the headline weighing more. */
  public static List<Weighted> defaultWordFields() {
    return List.of(
        new Weighted(dev.verbatim.index.schema.Schema.TITLE, Ranking.DEFAULT.titleWeight()),
        new Weighted(dev.verbatim.index.schema.Schema.TEXT, 1f));
  }

  /** The fields a phrase, prefix, wildcard or fuzzy word without a field searches. */
  public static List<Weighted> defaultExactFields() {
    return QueryParsing.ANY_EXACT;
  }
}
