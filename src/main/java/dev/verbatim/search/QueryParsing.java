package dev.verbatim.search;

import dev.verbatim.index.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Turns a user's query string into a Lucene query over the schema. Plain words search the stemmed
 * fields, "quoted phrases" the exact ones; words are all required unless joined by OR.
 *
 * <p>Forgiving by default: what the grammar cannot take (an unclosed quote, a stray colon) is
 * mended and searched as words, and the result says so in a notice. Strict mode reports it instead.
 * Guard rails (length, nesting, clause count, proximity, fuzzy edits, multi-term expansion) bound
 * the work any query can ask for.
 */
final class QueryParsing {
  /** The sentinel default field: a word without {@code field:} searches several fields. */
  static final String ANY = "_any";

  /**
   * Longest query accepted, in chars: room for a pasted paragraph (the longest CISI test query is
   * 2,023 chars); the clause cap, not the length, is what bounds the work.
   */
  static final int MAX_LENGTH = 4_000;

  /** Widest {@code "phrase"~N}. */
  static final int MAX_SLOP = 50;

  /** Most edits a {@code word~N} allows; Lucene's automata go no further. */
  static final int MAX_EDITS = LevenshteinAutomata.MAXIMUM_SUPPORTED_DISTANCE;

  /** Most index terms one prefix or wildcard expands to, per field (the alphabetically first). */
  static final int MAX_EXPANSIONS = 64;

  /** Longest word {@code ~} applies to: the edit automaton grows with the word. */
  static final int MAX_FUZZY_LENGTH = 40;

  /** Most {@code *} and {@code ?} in one word: each multiplies the automaton's states. */
  static final int MAX_WILDCARDS = 6;

  /** Most clauses one query may need, counting a multi-term word as its expansions. */
  static final int MAX_TERMS = 1_024;

  /** Field names users may write, mapped to the stemmed and the exact index field. */
  private static final Map<String, String[]> USER_FIELDS =
      Map.of(
          "title", new String[] {Schema.TITLE, Schema.TITLE_EXACT},
          "text", new String[] {Schema.TEXT, Schema.TEXT_EXACT},
          "speaker", new String[] {Schema.SPEAKER, Schema.SPEAKER},
          "source", new String[] {Schema.SOURCE, Schema.SOURCE},
          "author", new String[] {Schema.AUTHOR, Schema.AUTHOR},
          "type", new String[] {Schema.TYPE, Schema.TYPE},
          "kind", new String[] {Schema.KIND, Schema.KIND});

  /**
   * {@code date:2018}, {@code date:[2018-01 TO 2018-06]}: days on the {@link Schema#DATE} point.
   */
  private static final String DATE = "date";

  /** Every field name a user may write before a colon. */
  static final Set<String> FIELD_NAMES = fieldNames();

  /** Fields a phrase searches, with their weights: headlines count more (see {@link Ranking}). */
  private static final List<Weighted> ANY_EXACT =
      List.of(
          new Weighted(Schema.TITLE_EXACT, Ranking.DEFAULT.titleWeight()),
          new Weighted(Schema.TEXT_EXACT, 1f),
          new Weighted(Schema.SPEAKER, 1f));

  private record Weighted(String field, float boost) {}

  /**
   * What a query string was taken to mean.
   *
   * @param query the Lucene query
   * @param notice how forgiving mode reinterpreted the string, or null when it did not
   * @param searched the query string as finally parsed (mended, in forgiving mode)
   */
  record Interpretation(Query query, String notice, String searched) {}

  private record Attempt(Query query, Throwable failure, List<String> adjustments) {}

  /** How to read a query string; see {@link #interpret}. */
  private record Options(
      boolean strict, boolean allowLeadingWildcard, Ranking ranking, boolean anyWord) {
    Options forgiving() {
      return new Options(false, allowLeadingWildcard, ranking, anyWord);
    }
  }

  private QueryParsing() {}

  private static Set<String> fieldNames() {
    Set<String> names = new TreeSet<>(USER_FIELDS.keySet());
    names.add(DATE);
    return Set.copyOf(names);
  }

  /** The Lucene query for {@code query}, strictly parsed; blank matches everything. */
  static Query parse(String query, Analyzer analyzer) {
    return interpret(query, analyzer, true, false).query();
  }

  /**
   * The Lucene query for {@code raw}; blank matches everything.
   *
   * @param strict report syntax errors instead of searching around them
   * @param allowLeadingWildcard accept {@code *word} (slow on large indexes)
   * @throws InvalidQueryException when a guard rail is hit, a date is bad, or (strict) the syntax
   *     is wrong
   */
  static Interpretation interpret(
      String raw, Analyzer analyzer, boolean strict, boolean allowLeadingWildcard) {
    return interpret(raw, analyzer, strict, allowLeadingWildcard, Ranking.DEFAULT, false);
  }

  /**
   * As {@link #interpret(String, Analyzer, boolean, boolean)}, bare words weighted by {@code
   * ranking}; {@code anyWord}: words not joined by an operator are alternatives, not all required.
   */
  static Interpretation interpret(
      String raw,
      Analyzer analyzer,
      boolean strict,
      boolean allowLeadingWildcard,
      Ranking ranking,
      boolean anyWord) {
    if (raw.length() > MAX_LENGTH) {
      throw new InvalidQueryException(
          "query is " + raw.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
    }
    String original = QuerySyntax.foldQuoteMarks(raw).strip();
    if (original.isEmpty()) {
      return new Interpretation(new MatchAllDocsQuery(), null, original);
    }
    Options options = new Options(strict, allowLeadingWildcard, ranking, anyWord);
    Mending mending = new Mending(original);
    List<QuerySyntax.Problem> guards =
        QuerySyntax.problems(original, allowLeadingWildcard, FIELD_NAMES).stream()
            .filter(QuerySyntax.Problem::guard)
            .toList();
    if (!guards.isEmpty()) {
      if (strict) {
        throw new InvalidQueryException("cannot parse query: " + guards.get(0).error());
      }
      mending.apply(guards);
    }
    Attempt attempt = attempt(mending.text, analyzer, options);
    if (attempt.failure() != null) {
      if (strict) {
        throw explain(mending.text, attempt.failure(), allowLeadingWildcard);
      }
      attempt = forgive(mending, analyzer, options.forgiving());
    }
    mending.notes.addAll(attempt.adjustments());
    Query query = mending.text.isEmpty() ? new MatchAllDocsQuery() : attempt.query();
    checkSize(query);
    return new Interpretation(query, notice(mending.notes, original, mending.text), mending.text);
  }

  /** A query string being mended, and what was done to it so far. */
  private static final class Mending {
    private String text;
    private final Set<String> notes = new LinkedHashSet<>();

    Mending(String text) {
      this.text = text;
    }

    void apply(List<QuerySyntax.Problem> problems) {
      QuerySyntax.Mended mended = QuerySyntax.mend(text, problems);
      text = mended.text();
      notes.addAll(mended.notes());
    }
  }

  /** Mends and re-parses until the parser accepts; plain words when nothing else works. */
  private static Attempt forgive(Mending mending, Analyzer analyzer, Options options) {
    Attempt attempt = null;
    // Each round mends what the scan sees; mending can uncover more (a quote hid a dangling OR).
    for (int round = 0; round < 4; round++) {
      List<QuerySyntax.Problem> problems =
          QuerySyntax.problems(mending.text, options.allowLeadingWildcard(), FIELD_NAMES);
      if (problems.isEmpty()) {
        break;
      }
      mending.apply(problems);
      attempt = attempt(mending.text, analyzer, options);
      if (attempt.failure() == null) {
        return attempt;
      }
    }
    mending.notes.add("Query syntax not understood");
    mending.text = QuerySyntax.wordsOnly(mending.text);
    attempt = attempt(mending.text, analyzer, options);
    if (attempt.failure() != null) {
      throw new InvalidQueryException(
          "cannot search '" + mending.text + "' even as plain words", attempt.failure());
    }
    return attempt;
  }

  private static String notice(Set<String> notes, String original, String searched) {
    if (notes.isEmpty()) {
      return null;
    }
    String done = String.join("; ", notes);
    if (searched.equals(original)) {
      return done;
    }
    return searched.isEmpty()
        ? done + "; nothing was left to search, so everything is shown"
        : done + "; searched as words: " + searched;
  }

  private static Attempt attempt(String text, Analyzer analyzer, Options options) {
    Parser parser = new Parser(analyzer, options);
    if (text.isEmpty()) {
      return new Attempt(new MatchAllDocsQuery(), null, List.of());
    }
    try {
      Query parsed = parser.parse(text);
      return new Attempt(allowPureNegation(parsed), null, parser.adjustments);
    } catch (ParseException | TokenMgrError e) {
      return new Attempt(null, e, parser.adjustments);
    } catch (TooComplexToDeterminizeException e) {
      throw new InvalidQueryException(
          "a wildcard in '" + text + "' is too complex to search; use fewer '*' and '?'", e);
    }
  }

  // "-obama" alone means everything but obama, not nothing.
  private static Query allowPureNegation(Query parsed) {
    if (parsed instanceof BooleanQuery b
        && !b.clauses().isEmpty()
        && b.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
      BooleanQuery.Builder all =
          new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
      b.clauses().forEach(all::add);
      return all.build();
    }
    return parsed;
  }

  private static void checkSize(Query query) {
    int[] terms = {0};
    query.visit(
        new QueryVisitor() {
          @Override
          // One per query, as IndexSearcher counts: a pasted paragraph in quotes is one phrase.
          public void consumeTerms(Query q, Term... t) {
            terms[0]++;
          }

          @Override
          public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> a) {
            terms[0] += MAX_EXPANSIONS;
          }

          @Override
          public void visitLeaf(Query q) {
            terms[0]++;
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    if (terms[0] > MAX_TERMS) {
      throw tooComplex(String.valueOf(terms[0]));
    }
  }

  private static InvalidQueryException tooComplex(String lookups) {
    return new InvalidQueryException(
        "query is too complex: it needs "
            + lookups
            + " clauses (each word or phrase searches up to "
            + ANY_EXACT.size()
            + " fields, each wildcard or fuzzy word up to "
            + MAX_EXPANSIONS
            + " terms per field); at most "
            + MAX_TERMS
            + " are allowed, so use fewer words or wildcards");
  }

  /** Strict mode's message: where the query goes wrong and what was expected there. */
  private static InvalidQueryException explain(
      String text, Throwable failure, boolean allowLeadingWildcard) {
    List<QuerySyntax.Problem> problems =
        QuerySyntax.problems(text, allowLeadingWildcard, FIELD_NAMES);
    Throwable root = failure.getCause() != null ? failure.getCause() : failure;
    String detail;
    if (!problems.isEmpty()) {
      detail = problems.get(0).error();
    } else if (root instanceof ParseException p && p.currentToken != null) {
      detail = unexpected(p);
    } else if (root instanceof TokenMgrError) {
      Matcher column = Pattern.compile("column (\\d+)").matcher(String.valueOf(root.getMessage()));
      detail =
          column.find()
              ? "unexpected character at character " + column.group(1)
              : "unexpected character";
    } else {
      detail = String.valueOf(root.getMessage());
    }
    return new InvalidQueryException("cannot parse query: " + detail, failure);
  }

  private static String unexpected(ParseException p) {
    Token next = p.currentToken.next;
    String found = next.kind == QueryParserConstants.EOF ? "end of query" : "'" + next.image + "'";
    Set<String> expected = new LinkedHashSet<>();
    for (int[] sequence : p.expectedTokenSequences) {
      String name = tokenName(sequence[0]);
      if (name != null) {
        expected.add(name);
      }
    }
    String message = "unexpected " + found + " at character " + (next.beginColumn + 1);
    return expected.isEmpty() ? message : message + "; expected " + String.join(" or ", expected);
  }

  private static String tokenName(int kind) {
    return switch (kind) {
      case QueryParserConstants.TERM,
          QueryParserConstants.PREFIXTERM,
          QueryParserConstants.WILDTERM,
          QueryParserConstants.STAR ->
          "a word";
      case QueryParserConstants.NUMBER -> "a number";
      case QueryParserConstants.QUOTED -> "a \"phrase\"";
      case QueryParserConstants.LPAREN -> "'('";
      case QueryParserConstants.RPAREN -> "')'";
      case QueryParserConstants.RANGEIN_START, QueryParserConstants.RANGEEX_START -> "a [range]";
      case QueryParserConstants.RANGE_TO -> "TO";
      case QueryParserConstants.RANGEIN_END -> "']'";
      case QueryParserConstants.RANGEEX_END -> "'}'";
      case QueryParserConstants.RANGE_GOOP, QueryParserConstants.RANGE_QUOTED -> "a range bound";
      case QueryParserConstants.EOF -> "end of query";
      default -> null;
    };
  }

  private static final class Parser extends QueryParser {
    private final boolean strict;
    private final Ranking ranking;
    private final List<String> adjustments = new ArrayList<>();
    // Building multi-term queries costs automata; stop as soon as the query is sure to be refused.
    private int expansions;

    Parser(Analyzer analyzer, Options options) {
      super(ANY, analyzer);
      this.strict = options.strict();
      this.ranking = options.ranking();
      setDefaultOperator(options.anyWord() ? Operator.OR : Operator.AND);
      setAutoGeneratePhraseQueries(false);
      setAllowLeadingWildcard(options.allowLeadingWildcard());
      setMultiTermRewriteMethod(
          new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_EXPANSIONS));
    }

    @Override
    protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
      return fieldQuery(field, text, quoted, 0);
    }

    @Override
    protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
      if (slop > MAX_SLOP) {
        refuseOrNote(
            "proximity ~" + slop + " is too wide; at most ~" + MAX_SLOP,
            "Proximity ~" + slop + " reduced to ~" + MAX_SLOP);
        slop = MAX_SLOP;
      }
      return fieldQuery(field, text, true, slop);
    }

    /** Strict mode refuses what exceeds a guard rail; forgiving mode notes how it was cut down. */
    private void refuseOrNote(String error, String note) throws ParseException {
      if (strict) {
        throw new ParseException(error);
      }
      adjustments.add(note);
    }

    private Query fieldQuery(String field, String text, boolean quoted, int slop)
        throws ParseException {
      if (ANY.equals(field) && !quoted) {
        // A stop word comes back null: not searched at all, not required in the speaker field.
        return ranking.word(text, getAnalyzer(), getDefaultOperator() == Operator.AND);
      }
      if (ANY.equals(field)) {
        List<Query> perField = new ArrayList<>();
        for (Weighted w : ANY_EXACT) {
          Query q = single(w.field(), text, quoted, slop);
          if (q != null) {
            perField.add(w.boost() == 1f ? q : new BoostQuery(q, w.boost()));
          }
        }
        return anyOf(perField);
      }
      if (isDate(field)) {
        return DatePeriod.parse(text).query();
      }
      String[] fields = resolve(field);
      if (fields[0].equals(Schema.TYPE) || fields[0].equals(Schema.KIND)) {
        return new TermQuery(new Term(fields[0], text.strip().toLowerCase(Locale.ROOT)));
      }
      return single(quoted ? fields[1] : fields[0], text, quoted, slop);
    }

    // Calls the analysis directly: super.getFieldQuery would dispatch back into our overrides.
    private Query single(String field, String text, boolean quoted, int slop)
        throws ParseException {
      return quoted
          ? createPhraseQuery(field, text, slop)
          : newFieldQuery(getAnalyzer(), field, text, false);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
      List<Query> perField = new ArrayList<>();
      for (String f : budgeted(exactFields(field, termStr + "*"))) {
        perField.add(super.getPrefixQuery(f, termStr));
      }
      return anyOf(perField);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      if ("*".equals(field) && "*".equals(termStr)) {
        return new MatchAllDocsQuery();
      }
      long wildcards = termStr.chars().filter(c -> c == '*' || c == '?').count();
      if (wildcards > MAX_WILDCARDS) {
        refuseOrNote(
            "'"
                + termStr
                + "' has "
                + wildcards
                + " wildcards; at most "
                + MAX_WILDCARDS
                + " per word",
            "Wildcards ignored in a word with more than " + MAX_WILDCARDS);
        return fieldQuery(field, termStr.replace('*', ' ').replace('?', ' '), false, 0);
      }
      List<Query> perField = new ArrayList<>();
      for (String f : budgeted(exactFields(field, termStr))) {
        perField.add(super.getWildcardQuery(f, termStr));
      }
      return anyOf(perField);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
        throws ParseException {
      // ~N counts edits; a fraction is the old similarity syntax and means the default.
      int edits = minSimilarity >= 1 || minSimilarity == 0 ? (int) minSimilarity : MAX_EDITS;
      if (edits > MAX_EDITS) {
        refuseOrNote(
            "fuzzy '" + termStr + "~" + edits + "' allows too many edits; use ~1 or ~" + MAX_EDITS,
            "Fuzzy ~" + edits + " reduced to ~" + MAX_EDITS);
        edits = MAX_EDITS;
      }
      if (termStr.length() > MAX_FUZZY_LENGTH) {
        refuseOrNote(
            "fuzzy words may have at most "
                + MAX_FUZZY_LENGTH
                + " characters; '"
                + termStr.substring(0, 20)
                + "...' has "
                + termStr.length(),
            "Fuzzy '~' ignored on a word longer than " + MAX_FUZZY_LENGTH + " characters");
        return fieldQuery(field, termStr, false, 0);
      }
      List<Query> perField = new ArrayList<>();
      for (String f : budgeted(exactFields(field, termStr + "~"))) {
        perField.add(super.getFuzzyQuery(f, termStr, edits));
      }
      return anyOf(perField);
    }

    @Override
    protected Query getRangeQuery(
        String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
        throws ParseException {
      if (isDate(field)) {
        // An exclusive bound leaves out its whole period: {2018 TO 2020} is 2019.
        long from =
            part1 == null
                ? Long.MIN_VALUE
                : startInclusive
                    ? DatePeriod.parse(part1).first().toEpochDay()
                    : DatePeriod.parse(part1).last().toEpochDay() + 1;
        long to =
            part2 == null
                ? Long.MAX_VALUE
                : endInclusive
                    ? DatePeriod.parse(part2).last().toEpochDay()
                    : DatePeriod.parse(part2).first().toEpochDay() - 1;
        return LongPoint.newRangeQuery(Schema.DATE, from, to);
      }
      String[] fields = resolve(field);
      return super.getRangeQuery(fields[1], part1, part2, startInclusive, endInclusive);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
      throw new ParseException("regular expressions (/.../) are not supported; remove the slashes");
    }

    private List<String> exactFields(String field, String written) throws ParseException {
      if (ANY.equals(field)) {
        return ANY_EXACT.stream().map(Weighted::field).toList();
      }
      if (isDate(field)) {
        DatePeriod.parse(written);
      }
      return List.of(resolve(field)[1]);
    }

    private static boolean isDate(String field) {
      return DATE.equalsIgnoreCase(field);
    }

    private static String[] resolve(String field) throws ParseException {
      String[] fields = USER_FIELDS.get(field.toLowerCase(Locale.ROOT));
      if (fields == null) {
        throw new ParseException(
            "unknown field '"
                + field
                + "'; searchable fields are "
                + String.join(", ", FIELD_NAMES.stream().sorted().toList()));
      }
      return fields;
    }

    private List<String> budgeted(List<String> fields) {
      expansions += MAX_EXPANSIONS * fields.size();
      if (expansions > MAX_TERMS) {
        throw tooComplex("more than " + MAX_TERMS);
      }
      return fields;
    }

    private static Query anyOf(List<Query> queries) {
      if (queries.isEmpty()) {
        return null;
      }
      if (queries.size() == 1) {
        return queries.get(0);
      }
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (Query q : queries) {
        b.add(q, BooleanClause.Occur.SHOULD);
      }
      return b.build();
    }
  }
}
