package dev.verbatim.search.query;

import dev.verbatim.index.schema.Schema;
import dev.verbatim.search.InvalidQueryException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * The local backend's half of the seam: a {@link ParsedQuery} as the Lucene query the index
 * answers, bare words weighted by a {@link Ranking}. Stateless.
 */
final class LuceneQueries {
  private LuceneQueries() {}

  /**
   * The Lucene query for {@code parsed}, before the ranking's proximity boost ({@link
   * Ranking#interpret} adds that).
   */
  static Query of(ParsedQuery parsed, Ranking ranking, Analyzer analyzer) {
    boolean anyWord = ranking.anyWord(parsed, analyzer);
    return new Builder(ranking, analyzer, anyWord).query(topLevel(parsed.root(), anyWord));
  }

  /** A long plain query's words are alternatives: its top level's MUST clauses become SHOULD. */
  static ParsedQuery.Node topLevel(ParsedQuery.Node root, boolean anyWord) {
    if (!anyWord || !(root instanceof ParsedQuery.Bool b)) {
      return root;
    }
    List<ParsedQuery.Clause> clauses = new ArrayList<>();
    for (ParsedQuery.Clause c : b.clauses()) {
      ParsedQuery.Occur occur =
          c.occur() == ParsedQuery.Occur.MUST ? ParsedQuery.Occur.SHOULD : c.occur();
      clauses.add(new ParsedQuery.Clause(occur, c.node()));
    }
    return new ParsedQuery.Bool(clauses, b.minimumShouldMatch());
  }

  private record Builder(Ranking ranking, Analyzer analyzer, boolean anyWord) {
    private static final MultiTermQuery.RewriteMethod TOP_TERMS =
        new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(QueryParsing.MAX_EXPANSIONS);

    Query query(ParsedQuery.Node node) {
      return switch (node) {
        case ParsedQuery.Word w when w.field() == null ->
            ranking.word(w.text(), analyzer, !anyWord);
        case ParsedQuery.Word w ->
            new QueryBuilder(analyzer)
                .createBooleanQuery(
                    w.field(),
                    w.text(),
                    anyWord ? BooleanClause.Occur.SHOULD : BooleanClause.Occur.MUST);
        case ParsedQuery.Phrase p when p.field() == null -> {
          List<Query> perField = new ArrayList<>();
          for (ParsedQuery.Weighted w : ParsedQuery.defaultExactFields()) {
            Query q = phrase(w.field(), p);
            if (q != null) {
              perField.add(w.weight() == 1f ? q : new BoostQuery(q, w.weight()));
            }
          }
          yield anyOf(perField);
        }
        case ParsedQuery.Phrase p -> phrase(p.field(), p);
        case ParsedQuery.Prefix p ->
            perExactField(p.field(), f -> new PrefixQuery(new Term(f, p.prefix()), TOP_TERMS));
        case ParsedQuery.Wildcard w ->
            perExactField(w.field(), f -> wildcard(new Term(f, w.pattern())));
        case ParsedQuery.Fuzzy z ->
            perExactField(z.field(), f -> new FuzzyQuery(new Term(f, z.word()), z.edits(), 0));
        case ParsedQuery.Keyword k -> new TermQuery(new Term(k.field(), k.value()));
        case ParsedQuery.DayRange d -> LongPoint.newRangeQuery(Schema.DATE, d.first(), d.last());
        case ParsedQuery.TermRange r ->
            new TermRangeQuery(
                r.field(),
                r.lower() == null ? null : new BytesRef(r.lower()),
                r.upper() == null ? null : new BytesRef(r.upper()),
                r.includeLower(),
                r.includeUpper(),
                TOP_TERMS);
        case ParsedQuery.Bool b -> bool(b);
        case ParsedQuery.Boost b -> {
          Query inner = query(b.node());
          yield inner == null ? null : new BoostQuery(inner, b.boost());
        }
        case ParsedQuery.All a -> new MatchAllDocsQuery();
      };
    }

    private Query bool(ParsedQuery.Bool b) {
      BooleanQuery.Builder out = new BooleanQuery.Builder();
      int added = 0;
      for (ParsedQuery.Clause c : b.clauses()) {
        Query q = query(c.node());
        if (q == null) {
          continue;
        }
        out.add(
            q,
            switch (c.occur()) {
              case MUST -> BooleanClause.Occur.MUST;
              case SHOULD -> BooleanClause.Occur.SHOULD;
              case MUST_NOT -> BooleanClause.Occur.MUST_NOT;
            });
        added++;
      }
      if (added == 0) {
        return null;
      }
      out.setMinimumNumberShouldMatch(b.minimumShouldMatch());
      return out.build();
    }

    private Query phrase(String field, ParsedQuery.Phrase p) {
      return new QueryBuilder(analyzer).createPhraseQuery(field, p.text(), p.slop());
    }

    private static Query wildcard(Term term) {
      try {
        return new WildcardQuery(term, Operations.DEFAULT_DETERMINIZE_WORK_LIMIT, TOP_TERMS);
      } catch (TooComplexToDeterminizeException e) {
        throw new InvalidQueryException(
            "a wildcard in '" + term.text() + "' is too complex to search; use fewer '*' and '?'",
            e);
      }
    }

    private static Query perExactField(
        String field, java.util.function.Function<String, Query> make) {
      if (field != null) {
        return make.apply(field);
      }
      List<Query> perField = new ArrayList<>();
      for (ParsedQuery.Weighted w : ParsedQuery.defaultExactFields()) {
        perField.add(make.apply(w.field()));
      }
      return anyOf(perField);
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
