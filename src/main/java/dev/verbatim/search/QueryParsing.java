package dev.verbatim.search;

import dev.verbatim.index.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a user's query string into a Lucene query over the schema. Plain words search the stemmed
 * fields, "quoted phrases" the exact ones; words are all required unless joined by OR.
 */
final class QueryParsing {
  /** The sentinel default field: a word without {@code field:} searches several fields. */
  static final String ANY = "_any";

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

  /** Fields a phrase searches, with their weights: headlines count more (see {@link Ranking}). */
  private static final List<Weighted> ANY_EXACT =
      List.of(
          new Weighted(Schema.TITLE_EXACT, Ranking.DEFAULT.titleWeight()),
          new Weighted(Schema.TEXT_EXACT, 1f),
          new Weighted(Schema.SPEAKER, 1f));

  private record Weighted(String field, float boost) {}

  private QueryParsing() {}

  /** The Lucene query for {@code query}; blank matches everything. */
  static Query parse(String query, Analyzer analyzer) {
    return parse(query, analyzer, Ranking.DEFAULT, false);
  }

  /**
   * The Lucene query for {@code query}, its bare words weighted by {@code ranking}; {@code
   * anyWord}: words not joined by an operator are alternatives rather than all required.
   */
  static Query parse(String query, Analyzer analyzer, Ranking ranking, boolean anyWord) {
    if (query.isBlank()) {
      return new MatchAllDocsQuery();
    }
    Parser parser = new Parser(analyzer, ranking);
    if (anyWord) {
      parser.setDefaultOperator(QueryParser.Operator.OR);
    }
    try {
      Query parsed = parser.parse(query);
      return parsed == null ? new BooleanQuery.Builder().build() : parsed;
    } catch (ParseException | TokenMgrError e) {
      throw new InvalidQueryException("cannot parse query: " + firstLine(e.getMessage()), e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidQueryException(
          "query has too many terms (at most " + IndexSearcher.getMaxClauseCount() + ")", e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "syntax error";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }

  private static final class Parser extends QueryParser {
    private final Ranking ranking;

    Parser(Analyzer analyzer, Ranking ranking) {
      super(ANY, analyzer);
      this.ranking = ranking;
      setDefaultOperator(Operator.AND);
      setAutoGeneratePhraseQueries(false);
      setAllowLeadingWildcard(false);
    }

    @Override
    protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
      return fieldQuery(field, text, quoted, 0);
    }

    @Override
    protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
      return fieldQuery(field, text, true, slop);
    }

    private Query fieldQuery(String field, String text, boolean quoted, int slop)
        throws ParseException {
      if (ANY.equals(field) && !quoted) {
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
      for (String f : exactFields(field)) {
        perField.add(super.getPrefixQuery(f, termStr));
      }
      return anyOf(perField);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      List<Query> perField = new ArrayList<>();
      for (String f : exactFields(field)) {
        perField.add(super.getWildcardQuery(f, termStr));
      }
      return anyOf(perField);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
        throws ParseException {
      List<Query> perField = new ArrayList<>();
      for (String f : exactFields(field)) {
        perField.add(super.getFuzzyQuery(f, termStr, minSimilarity));
      }
      return anyOf(perField);
    }

    @Override
    protected Query getRangeQuery(
        String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
        throws ParseException {
      String[] fields = resolve(field);
      return super.getRangeQuery(fields[1], part1, part2, startInclusive, endInclusive);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
      throw new ParseException("regular expressions (/.../) are not supported; remove the slashes");
    }

    private List<String> exactFields(String field) throws ParseException {
      if (ANY.equals(field)) {
        return ANY_EXACT.stream().map(Weighted::field).toList();
      }
      return List.of(resolve(field)[1]);
    }

    private static String[] resolve(String field) throws ParseException {
      String[] fields = USER_FIELDS.get(field.toLowerCase(Locale.ROOT));
      if (fields == null) {
        throw new ParseException(
            "unknown field '" + field + "'; searchable fields are " + String.join(", ", USER_FIELDS.keySet().stream().sorted().toList()));
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
