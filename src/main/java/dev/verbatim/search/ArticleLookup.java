package dev.verbatim.search;

import dev.verbatim.index.schema.Schema;
import dev.verbatim.quotes.Quote;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** Reads one article and its quotes back from the stored fields. Stateless. */
final class ArticleLookup {
  private ArticleLookup() {}

  static Optional<ArticleDetail> article(IndexSearcher searcher, String id) throws IOException {
    Objects.requireNonNull(id, "id");
    TopDocs found = searcher.search(ofType(Schema.ID, id, Schema.TYPE_ARTICLE), 1);
    if (found.scoreDocs.length == 0) {
      return Optional.empty();
    }
    StoredFields stored = searcher.storedFields();
    Document a = stored.document(found.scoreDocs[0].doc);
    // Quotes are few per article; fetch them all and order by position, as the page reads them.
    Query quotesOf = ofType(Schema.ARTICLE_ID, id, Schema.TYPE_QUOTE);
    TopDocs quoteDocs = searcher.search(quotesOf, Math.max(1, searcher.count(quotesOf)));
    List<ArticleDetail.QuoteSpan> quotes = new ArrayList<>(quoteDocs.scoreDocs.length);
    for (ScoreDoc sd : quoteDocs.scoreDocs) {
      quotes.add(quoteSpan(stored.document(sd.doc)));
    }
    quotes.sort(Comparator.comparingInt(ArticleDetail.QuoteSpan::offset));
    return Optional.of(
        new ArticleDetail(
            a.get(Schema.ID),
            a.get(Schema.TITLE),
            a.get(Schema.SOURCE),
            a.get(Schema.DATE),
            a.get(Schema.AUTHOR),
            a.get(Schema.URL),
            a.get(Schema.TEXT),
            quotes));
  }

  private static Query ofType(String field, String value, String type) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Schema.TYPE, type)), BooleanClause.Occur.FILTER)
        .build();
  }

  private static ArticleDetail.QuoteSpan quoteSpan(Document q) {
    return quoteSpan(q, mention(q, Schema.MENTION, Schema.MENTION_OFFSET));
  }

  /** Stored words and their offset as a mention, or null when either is missing. */
  static Quote.Mention mention(Document q, String textField, String offsetField) {
    IndexableField offset = q.getField(offsetField);
    String text = q.get(textField);
    return text == null || offset == null
        ? null
        : new Quote.Mention(text, offset.numericValue().intValue());
  }

  private static ArticleDetail.QuoteSpan quoteSpan(Document q, Quote.Mention mention) {
    return new ArticleDetail.QuoteSpan(
        q.get(Schema.ID),
        q.getField(Schema.OFFSET).numericValue().intValue(),
        q.getField(Schema.LENGTH).numericValue().intValue(),
        q.get(Schema.TEXT),
        Quote.Kind.fromLabel(q.get(Schema.KIND)),
        q.get(Schema.SPEAKER),
        q.get(Schema.CUE),
        mention,
        q.get(Schema.RULE),
        mention(q, Schema.ANTECEDENT, Schema.ANTECEDENT_OFFSET));
  }
}
