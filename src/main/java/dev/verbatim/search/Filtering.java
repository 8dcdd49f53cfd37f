package dev.verbatim.search;

import dev.verbatim.index.schema.Schema;
import dev.verbatim.search.query.DatePeriod;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** Adds a request's type and exact filters to its query as non-scoring clauses. Stateless. */
final class Filtering {
  private Filtering() {}

  /**
   * {@code query} restricted by {@code request}'s type and filters; unchanged when there are none.
   */
  static Query apply(Query query, SearchRequest request) {
    if (!request.filtered()) {
      return query;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
    if (request.type() != null) {
      filter(b, new TermQuery(new Term(Schema.TYPE, request.type().label())));
    }
    if (request.speaker() != null) {
      filter(b, new TermQuery(new Term(Schema.SPEAKER_KEY, request.speaker())));
    }
    if (request.source() != null) {
      filter(b, new TermQuery(new Term(Schema.SOURCE_KEY, request.source())));
    }
    if (request.date() != null) {
      filter(b, DatePeriod.parse(request.date()).query());
    }
    return b.build();
  }

  private static void filter(BooleanQuery.Builder b, Query q) {
    b.add(q, BooleanClause.Occur.FILTER);
  }
}
