package dev.verbatim.search;

import java.util.function.Predicate;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * The part of a query that can mark words in one field of a document the whole query matched.
 * Stateless.
 *
 * <p>Lucene's matches of a Boolean query on a matching document are the matches of every clause
 * that matches it. So on a level known to match (the top, and a required clause of such a level)
 * the clauses that name no wanted field can go, prohibited ones too, and those left become
 * optional, which keeps exactly the matches of the clauses that match. A clause that is not known
 * to match (an optional one) is kept whole when it names a wanted field: its own required parts
 * decide whether it matches.
 */
final class FieldPart {
  private FieldPart() {}

  /**
   * The part of {@code query}, which matches the document, whose matches in fields {@code wanted}
   * accepts are the same as the whole query's; null when no clause names such a field.
   */
  static Query of(Query query, Predicate<String> wanted) {
    if (query instanceof BoostQuery boost) {
      Query inner = of(boost.getQuery(), wanted);
      return inner == null
          ? null
          : inner == boost.getQuery() ? boost : new BoostQuery(inner, boost.getBoost());
    }
    if (!(query instanceof BooleanQuery bool)) {
      return names(query, wanted) ? query : null;
    }
    BooleanQuery.Builder kept = new BooleanQuery.Builder();
    int n = 0;
    for (BooleanClause c : bool.clauses()) {
      Query part =
          switch (c.occur()) {
            case MUST_NOT -> null;
            case MUST, FILTER -> of(c.query(), wanted);
            case SHOULD -> names(c.query(), wanted) ? c.query() : null;
          };
      if (part != null) {
        kept.add(part, BooleanClause.Occur.SHOULD);
        n++;
      }
    }
    return n == 0 ? null : kept.build();
  }

  /**
   * Whether {@code query} names a field {@code wanted} accepts, or a leaf whose field is unknown.
   */
  private static boolean names(Query query, Predicate<String> wanted) {
    boolean[] found = {false};
    query.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            found[0] |= wanted.test(field);
            return true;
          }

          @Override
          public void visitLeaf(Query leaf) {
            // A leaf that names no field may match in any.
            found[0] |= !namesAField(leaf);
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
          }
        });
    return found[0];
  }

  private static boolean namesAField(Query leaf) {
    boolean[] named = {false};
    leaf.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            named[0] = true;
            return false;
          }
        });
    return named[0];
  }
}
