package dev.verbatim.index;

import dev.verbatim.corpus.Article;
import dev.verbatim.index.schema.Schema;
import dev.verbatim.quotes.Quote;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

/** Builds the Lucene documents for an article and its quotes, following {@link Schema}. */
final class Documents {
  private final FacetFields facets = new FacetFields();
  // One analysis of an article's title and body feeds its stemmed and exact fields and, when
  // quote() follows article() for the same article, its quotes'.
  private final TextAnalysis analysis = new TextAnalysis();
  private final TextAnalysis.Tokens titleTokens = new TextAnalysis.Tokens();
  private final TextAnalysis.Tokens bodyTokens = new TextAnalysis.Tokens();

  Document article(Article a) throws IOException {
    Document doc = new Document();
    common(doc, a, a.id(), Schema.TYPE_ARTICLE);
    analysis.analyse(a.title(), titleTokens);
    analysis.analyse(a.text(), bodyTokens);
    doc.add(analysis.whole(Schema.TITLE, titleTokens, Schema.TEXT_STORED, true));
    doc.add(analysis.whole(Schema.TITLE_EXACT, titleTokens, Schema.TEXT_UNSTORED, false));
    doc.add(analysis.whole(Schema.TEXT, bodyTokens, Schema.TEXT_STORED, true));
    doc.add(analysis.whole(Schema.TEXT_EXACT, bodyTokens, Schema.TEXT_UNSTORED, false));
    if (a.author() != null) {
      doc.add(analysis.exact(Schema.AUTHOR, a.author(), Schema.TEXT_STORED));
    }
    if (a.url() != null) {
      doc.add(new StringField(Schema.URL, a.url(), Field.Store.YES));
    }
    return doc;
  }

  Document quote(Article a, Quote q, QuoteGrouper.Group group) throws IOException {
    Document doc = new Document();
    common(doc, a, quoteId(a.id(), q), Schema.TYPE_QUOTE);
    doc.add(new StoredField(Schema.ARTICLE_TITLE, a.title()));
    doc.add(
        analysis.span(
            Schema.TEXT, bodyTokens, a.text(), q.text(), q.offset(), Schema.TEXT_STORED, true));
    doc.add(
        analysis.span(
            Schema.TEXT_EXACT,
            bodyTokens,
            a.text(),
            q.text(),
            q.offset(),
            Schema.TEXT_UNSTORED,
            false));
    doc.add(new StringField(Schema.KIND, q.kind().label(), Field.Store.YES));
    doc.add(new StoredField(Schema.OFFSET, q.offset()));
    doc.add(new StoredField(Schema.LENGTH, q.length()));
    doc.add(new StringField(Schema.FINGERPRINT, group.key(), Field.Store.YES));
    doc.add(new SortedDocValuesField(Schema.FINGERPRINT, new BytesRef(group.key())));
    doc.add(new StringField(Schema.QUOTE_ID, Schema.quoteId(group.key()), Field.Store.YES));
    for (BytesRef key : group.nearKeys()) {
      doc.add(new StringField(Schema.NEAR_KEY, key, Field.Store.NO));
    }
    for (String merged : group.merges()) {
      doc.add(new StringField(Schema.MERGES, merged, Field.Store.NO));
    }
    if (q.speaker() != null) {
      doc.add(analysis.exact(Schema.SPEAKER, q.speaker(), Schema.TEXT_STORED));
      doc.add(new StringField(Schema.SPEAKER_KEY, q.speaker(), Field.Store.NO));
      facets.add(doc, Schema.FACET_SPEAKER, q.speaker());
    }
    if (q.cue() != null) {
      doc.add(new StoredField(Schema.CUE, q.cue()));
    }
    if (q.mention() != null) {
      doc.add(new StoredField(Schema.MENTION, q.mention().text()));
      doc.add(new StoredField(Schema.MENTION_OFFSET, q.mention().offset()));
    }
    if (q.evidence() != null) {
      doc.add(new StoredField(Schema.RULE, q.evidence().rule()));
      Quote.Mention antecedent = q.evidence().antecedent();
      if (antecedent != null) {
        doc.add(new StoredField(Schema.ANTECEDENT, antecedent.text()));
        doc.add(new StoredField(Schema.ANTECEDENT_OFFSET, antecedent.offset()));
      }
    }
    return doc;
  }

  // Facet labels of the months, "01" to "12", without a String.format per document.
  private static final String[] MONTHS = {
    "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"
  };

  static String quoteId(String articleId, Quote q) {
    return articleId + "#" + q.offset();
  }

  private void common(Document doc, Article a, String id, String type) {
    doc.add(new StringField(Schema.ID, id, Field.Store.YES));
    doc.add(new StringField(Schema.TYPE, type, Field.Store.YES));
    facets.add(doc, Schema.FACET_TYPE, type);
    doc.add(new StringField(Schema.ARTICLE_ID, a.id(), Field.Store.YES));
    if (a.file() != null) {
      doc.add(new StringField(Schema.FILE, a.file(), Field.Store.YES));
    }
    if (a.source() != null) {
      doc.add(analysis.exact(Schema.SOURCE, a.source(), Schema.TEXT_STORED));
      doc.add(new StringField(Schema.SOURCE_KEY, a.source(), Field.Store.NO));
      facets.add(doc, Schema.FACET_SOURCE, a.source());
    }
    LocalDate date = a.date();
    if (date != null) {
      doc.add(new LongPoint(Schema.DATE, date.toEpochDay()));
      doc.add(new NumericDocValuesField(Schema.DATE, date.toEpochDay()));
      doc.add(new StoredField(Schema.DATE, date.toString()));
      facets.add(
          doc, Schema.FACET_DATE, String.valueOf(date.getYear()), MONTHS[date.getMonthValue() - 1]);
    }
  }
}
