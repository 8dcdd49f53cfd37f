package dev.verbatim.search.query;

import dev.verbatim.index.schema.Schema;
import dev.verbatim.search.InvalidQueryException;
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
import org.apache.lucene.analysis.TokenStream;
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
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * Turns a user's query string into a Lucene query over the schema. Plain words search the stemmed
 * fields, "quoted phrases" the exact ones; words are all required unless joined by OR.
 *
 * <p>Forgiving by default: what the grammar cannot take (an unclosed quote, a stray colon) is
 * mended and searched as words, and the result says so in a notice. Strict mode reports it instead.
 * Guard rails (length, nesting, clause count, proximity, fuzzy edits, multi-term expansion) bound
 * the work any query can ask for.
 */
public final class QueryParsing {
  /** The sentinel default field: a word without {@code field:} searches several fields. */
  static final String ANY = "_any";

  /**
   * Longest query accepted, in chars: room for a pasted paragraph (the longest CISI test query is
   * 2,023 chars); the clause cap, not the length, is what bounds the work.
   */
  public static final int MAX_LENGTH = 4_000;

  /** Widest {@code "phrase"~N}. */
  static final int MAX_SLOP = 50;

  /** Most edits a {@code word~N} allows; Lucene's automata go no further. */
  static final int MAX_EDITS = LevenshteinAutomata.MAXIMUM_SUPPORTED_DISTANCE;

  /** Most index terms one prefix or wildcard expands to, per field (the alphabetically first). */
  public static final int MAX_EXPANSIONS = 64;

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
  static final List<ParsedQuery.Weighted> ANY_EXACT =
      List.of(
          new ParsedQuery.Weighted(Schema.TITLE_EXACT, Ranking.DEFAULT.titleWeight()),
          new ParsedQuery.Weighted(Schema.TEXT_EXACT, 1f),
          new ParsedQuery.Weighted(Schema.SPEAKER, 1f));

  private record Attempt(ParsedQuery.Node query, Throwable failure, List<String> adjustments) {}

  /** How to read a query string; see {@link #interpret}. */
  private record Options(boolean strict, boolean allowLeadingWildcard) {
    Options forgiving() {
      return new Options(false, allowLeadingWildcard);
    }
  }

  private QueryParsing() {}

  private static Set<String> fieldNames() {
    Set<String> names = new TreeSet<>(USER_FIELDS.keySet());
    names.add(DATE);
    return Set.copyOf(names);
  }

  /** {@code query} strictly parsed; blank matches everything. */
  static ParsedQuery parse(String query, Analyzer analyzer) {
    return interpret(query, analyzer, true, false);
  }

  /**
   * What {@code raw} asks for; blank matches everything. Every word is required unless a ranking
   * takes a long plain query as alternatives ({@link ParsedQuery#plainWords}).
   *
   * @param strict report syntax errors instead of searching around them
   * @param allowLeadingWildcard accept {@code *word} (slow on large indexes)
   * @throws InvalidQueryException when a guard rail is hit, a date is bad, or (strict) the syntax
   *     is wrong
   */
  public static ParsedQuery interpret(
      String raw, Analyzer analyzer, boolean strict, boolean allowLeadingWildcard) {
    if (raw.length() > MAX_LENGTH) {
      throw new InvalidQueryException(
          "query is " + raw.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
    }
    String original = QuerySyntax.foldQuoteMarks(raw).strip();
    List<String> plainWords = Ranking.plainWords(raw);
    if (original.isEmpty()) {
      return new ParsedQuery(new ParsedQuery.All(), null, original, plainWords);
    }
    Options options = new Options(strict, allowLeadingWildcard);
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
    ParsedQuery.Node root =
        mending.text.isEmpty() || attempt.query() == null ? new ParsedQuery.All() : attempt.query();
    ParsedQuery parsed =
        new ParsedQuery(
            root, notice(mending.notes, original, mending.text), mending.text, plainWords);
    // Counted on the local form, whatever backend runs it: the guard rail is one for all.
    checkSize(LuceneQueries.of(parsed, Ranking.DEFAULT, analyzer));
    return parsed;
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
      return new Attempt(new ParsedQuery.All(), null, List.of());
    }
    try {
      ParsedQuery.Node parsed = Parser.node(parser.parse(text));
      return new Attempt(allowPureNegation(parsed), null, parser.adjustments);
    } catch (ParseException | TokenMgrError e) {
      return new Attempt(null, e, parser.adjustments);
    }
  }

  // "-obama" alone means everything but obama, not nothing.
  private static ParsedQuery.Node allowPureNegation(ParsedQuery.Node parsed) {
    if (parsed instanceof ParsedQuery.Bool b
        && !b.clauses().isEmpty()
        && b.clauses().stream().allMatch(c -> c.occur() == ParsedQuery.Occur.MUST_NOT)) {
      List<ParsedQuery.Clause> all = new ArrayList<>();
      all.add(new ParsedQuery.Clause(ParsedQuery.Occur.MUST, new ParsedQuery.All()));
      all.addAll(b.clauses());
      return new ParsedQuery.Bool(all, 0);
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

  /**
   * Lucene's classic grammar, made to build {@link ParsedQuery} nodes instead of Lucene queries:
   * each override returns a {@link Leaf} holding the node, and the grammar's boolean and boost
   * wrappers are read back into nodes by {@link #node}. It analyses only to drop what would search
   * nothing (a stop word on its own).
   */
  private static final class Parser extends QueryParser {
    private final boolean strict;
    private final List<String> adjustments = new ArrayList<>();
    // Multi-term words cost expansions; stop as soon as the query is sure to be refused.
    private int expansions;

    Parser(Analyzer analyzer, Options options) {
      super(ANY, analyzer);
      this.strict = options.strict();
      // Every word required: a ranking that takes a long plain query as alternatives relaxes the
      // top level itself (ParsedQuery.plainWords).
      setDefaultOperator(Operator.AND);
      setAutoGeneratePhraseQueries(false);
      setAllowLeadingWildcard(options.allowLeadingWildcard());
    }

    /** A node travelling through the grammar, which only handles {@link Query} objects. */
    private static final class Leaf extends Query {
      private final ParsedQuery.Node node;

      Leaf(ParsedQuery.Node node) {
        this.node = node;
      }

      @Override
      public String toString(String field) {
        return node.toString();
      }

      @Override
      public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
      }

      @Override
      public boolean equals(Object other) {
        return other instanceof Leaf l && l.node.equals(node);
      }

      @Override
      public int hashCode() {
        return node.hashCode();
      }
    }

    /** The node the grammar built, {@code query} being what it returned. */
    static ParsedQuery.Node node(Query query) {
      return switch (query) {
        case null -> null;
        case Leaf leaf -> leaf.node;
        case BoostQuery b -> {
          ParsedQuery.Node inner = node(b.getQuery());
          yield inner == null ? null : new ParsedQuery.Boost(inner, b.getBoost());
        }
        case MatchAllDocsQuery all -> new ParsedQuery.All();
        case BooleanQuery b -> bool(b.clauses(), b.getMinimumNumberShouldMatch());
        default -> throw new IllegalStateException("the grammar built a " + query.getClass());
      };
    }

    private static ParsedQuery.Node bool(List<BooleanClause> clauses, int minimumShouldMatch) {
      List<ParsedQuery.Clause> out = new ArrayList<>();
      for (BooleanClause c : clauses) {
        ParsedQuery.Node n = node(c.query());
        if (n == null) {
          continue;
        }
        ParsedQuery.Occur occur =
            switch (c.occur()) {
              case MUST, FILTER -> ParsedQuery.Occur.MUST;
              case SHOULD -> ParsedQuery.Occur.SHOULD;
              case MUST_NOT -> ParsedQuery.Occur.MUST_NOT;
            };
        out.add(new ParsedQuery.Clause(occur, n));
      }
      return out.isEmpty() ? null : new ParsedQuery.Bool(out, minimumShouldMatch);
    }

    private static Query leaf(ParsedQuery.Node node) {
      return node == null ? null : new Leaf(node);
    }

    @Override
    protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
      return leaf(bool(clauses, 0));
    }

    @Override
    protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
      return leaf(fieldQuery(field, text, quoted, 0));
    }

    @Override
    protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
      if (slop > MAX_SLOP) {
        refuseOrNote(
            "proximity ~" + slop + " is too wide; at most ~" + MAX_SLOP,
            "Proximity ~" + slop + " reduced to ~" + MAX_SLOP);
        slop = MAX_SLOP;
      }
      return leaf(fieldQuery(field, text, true, slop));
    }

    /** Strict mode refuses what exceeds a guard rail; forgiving mode notes how it was cut down. */
    private void refuseOrNote(String error, String note) throws ParseException {
      if (strict) {
        throw new ParseException(error);
      }
      adjustments.add(note);
    }

    private ParsedQuery.Node fieldQuery(String field, String text, boolean quoted, int slop)
        throws ParseException {
      if (ANY.equals(field)) {
        // A stop word on its own searches nothing: not searched at all, not required anywhere.
        if (quoted) {
          return hasTerms(Schema.TEXT_EXACT, text)
              ? new ParsedQuery.Phrase(null, text, slop)
              : null;
        }
        return hasTerms(Schema.TEXT, text) ? new ParsedQuery.Word(null, text) : null;
      }
      if (isDate(field)) {
        DatePeriod period = DatePeriod.parse(text);
        return new ParsedQuery.DayRange(period.first().toEpochDay(), period.last().toEpochDay());
      }
      String[] fields = resolve(field);
      if (fields[0].equals(Schema.TYPE) || fields[0].equals(Schema.KIND)) {
        return new ParsedQuery.Keyword(fields[0], text.strip().toLowerCase(Locale.ROOT));
      }
      String f = quoted ? fields[1] : fields[0];
      if (!hasTerms(f, text)) {
        return null;
      }
      return quoted ? new ParsedQuery.Phrase(f, text, slop) : new ParsedQuery.Word(f, text);
    }

    private boolean hasTerms(String field, String text) {
      try (TokenStream ts = getAnalyzer().tokenStream(field, text)) {
        ts.reset();
        boolean any = ts.incrementToken();
        while (ts.incrementToken()) {
          // drain
        }
        ts.end();
        return any;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("analysing a string cannot fail", e);
      }
    }

    private String folded(String field, String text) {
      return getAnalyzer().normalize(field, text).utf8ToString();
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
      String f = multiTermField(field, termStr + "*");
      if (!getAllowLeadingWildcard() && termStr.startsWith("*")) {
        throw new ParseException("'*' not allowed as first character in PrefixQuery");
      }
      return leaf(new ParsedQuery.Prefix(f, folded(f == null ? Schema.TEXT_EXACT : f, termStr)));
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      if ("*".equals(field) && "*".equals(termStr)) {
        return leaf(new ParsedQuery.All());
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
        return leaf(fieldQuery(field, termStr.replace('*', ' ').replace('?', ' '), false, 0));
      }
      String f = multiTermField(field, termStr);
      if (!getAllowLeadingWildcard() && (termStr.startsWith("*") || termStr.startsWith("?"))) {
        throw new ParseException("'*' or '?' not allowed as first character in WildcardQuery");
      }
      return leaf(new ParsedQuery.Wildcard(f, folded(f == null ? Schema.TEXT_EXACT : f, termStr)));
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
        return leaf(fieldQuery(field, termStr, false, 0));
      }
      String f = multiTermField(field, termStr + "~");
      return leaf(
          new ParsedQuery.Fuzzy(f, folded(f == null ? Schema.TEXT_EXACT : f, termStr), edits));
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
        return leaf(new ParsedQuery.DayRange(from, to));
      }
      String f = resolve(field)[1];
      return leaf(
          new ParsedQuery.TermRange(
              f,
              part1 == null ? null : folded(f, part1),
              part2 == null ? null : folded(f, part2),
              startInclusive,
              endInclusive));
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
      throw new ParseException("regular expressions (/.../) are not supported; remove the slashes");
    }

    /**
     * The exact field a multi-term word searches (null: the default exact fields), after charging
     * its expansions to the query's budget.
     */
    private String multiTermField(String field, String written) throws ParseException {
      if (ANY.equals(field)) {
        budget(ANY_EXACT.size());
        return null;
      }
      if (isDate(field)) {
        DatePeriod.parse(written);
      }
      String exact = resolve(field)[1];
      budget(1);
      return exact;
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

    private void budget(int fields) {
      expansions += MAX_EXPANSIONS * fields;
      if (expansions > MAX_TERMS) {
        throw tooComplex("more than " + MAX_TERMS);
      }
    }
  }
}
