package dev.verbatim.search;

import dev.verbatim.index.Schema;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** Adds a request's type and exact filters to its query as non-scoring clauses. Stateless. */
final class Filtering {
  private Filtering() {}

  /** {@code query} restricted by {@code request}'s type and filters; unchanged when there are none. */
  static Query apply(Query query, SearchRequest request) {
    SearchRequest.Filters f = request.filters();
    if (request.type() == null && f.equals(SearchRequest.Filters.NONE)) {
      return query;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
    if (request.type() != null) {
      filter(b, new TermQuery(new Term(Schema.TYPE, request.type().label())));
    }
    if (f.speaker() != null) {
      filter(b, new TermQuery(new Term(Schema.SPEAKER_KEY, f.speaker())));
    }
    if (f.source() != null) {
      filter(b, new TermQuery(new Term(Schema.SOURCE_KEY, f.source())));
    }
    if (f.date() != null) {
      filter(b, dateRange(f.date()));
    }
    return b.build();
  }

  private static void filter(BooleanQuery.Builder b, Query q) {
    b.add(q, BooleanClause.Occur.FILTER);
  }

  /** Every day of the year {@code YYYY} or the month {@code YYYY-MM}, as epoch days. */
  private static Query dateRange(String date) {
    LocalDate first;
    LocalDate last;
    if (date.length() == 4) {
      int year = Integer.parseInt(date);
      first = LocalDate.of(year, 1, 1);
      last = LocalDate.of(year, 12, 31);
    } else {
      YearMonth month = YearMonth.parse(date);
      first = month.atDay(1);
      last = month.atEndOfMonth();
    }
    return LongPoint.newRangeQuery(Schema.DATE, first.toEpochDay(), last.toEpochDay());
  }
}
