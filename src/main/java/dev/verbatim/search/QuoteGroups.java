package dev.verbatim.search;

import dev.verbatim.index.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.LongBitSet;
import org.apache.lucene.util.LongValues;

/**
 * The same quote printed by several articles is one result: quote documents with equal {@link
 * Schema#FINGERPRINT} (the group key the indexer gives every printing, small edits included) form
 * a group, shown once with every article as a source, each with its own printed text. Stateless.
 */
final class QuoteGroups {
  /** The most sources listed for one quote; wire copy rarely reaches this. */
  static final int MAX_SOURCES = 1_000;

  private static final Set<String> SOURCE_FIELDS =
      Set.of(
          Schema.ID, Schema.ARTICLE_ID, Schema.ARTICLE_TITLE, Schema.SOURCE, Schema.DATE,
          Schema.SPEAKER, Schema.CUE, Schema.OFFSET, Schema.TEXT);
  private static final Set<String> QUOTATION_FIELDS =
      Stream.concat(SOURCE_FIELDS.stream(), Stream.of(Schema.KIND))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final Comparator<Document> EARLIEST_FIRST =
      Comparator.comparing((Document d) -> d.get(Schema.DATE), Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(d -> d.get(Schema.ARTICLE_ID))
          .thenComparing(d -> d.get(Schema.ID));

  private QuoteGroups() {}

  /** The fingerprint of {@code doc} when it is a quote, else null (a group of its own). */
  static String fingerprint(IndexReader reader, int doc) throws IOException {
    LeafReaderContext leaf = leaf(reader, doc);
    SortedDocValues values = positioned(leaf, doc);
    return values == null ? null : values.lookupOrd(values.ordValue()).utf8ToString();
  }

  /**
   * The group of {@code doc} as a number, equal for equal fingerprints across segments; -1 when
   * it is not a quote. Cheaper than {@link #fingerprint} for walking many hits.
   */
  static long group(IndexReader reader, ReaderState state, int doc) throws IOException {
    LeafReaderContext leaf = leaf(reader, doc);
    SortedDocValues values = positioned(leaf, doc);
    return values == null ? -1 : state.globalOrds(leaf.ord).get(values.ordValue());
  }

  /** How many quote documents carry {@code fingerprint} (deleted ones may still count). */
  static int occurrenceCount(IndexReader reader, String fingerprint) throws IOException {
    return reader.docFreq(new Term(Schema.FINGERPRINT, fingerprint));
  }

  private static LeafReaderContext leaf(IndexReader reader, int doc) {
    List<LeafReaderContext> leaves = reader.leaves();
    return leaves.get(ReaderUtil.subIndex(doc, leaves));
  }

  // The leaf's fingerprint values positioned on doc, or null when doc has none.
  private static SortedDocValues positioned(LeafReaderContext leaf, int doc) throws IOException {
    SortedDocValues values = leaf.reader().getSortedDocValues(Schema.FINGERPRINT);
    return values != null && values.advanceExact(doc - leaf.docBase) ? values : null;
  }

  /**
   * Every article carrying the quote with {@code fingerprint}, earliest first; {@code hit} is one
   * occurrence, loaded with at least the fields a source shows.
   */
  static List<SearchResult.Source> sources(IndexSearcher searcher, String fingerprint, Document hit)
      throws IOException {
    if (occurrenceCount(searcher.getIndexReader(), fingerprint) <= 1) {
      // Most quotes appear once: no need to look for others.
      return List.of(source(hit));
    }
    return occurrences(searcher, new Term(Schema.FINGERPRINT, fingerprint), SOURCE_FIELDS).stream()
        .map(QuoteGroups::source)
        .toList();
  }

  /** The quote whose {@link Schema#quoteId} is {@code quoteId}, if the index holds it. */
  static Optional<Quotation> quotation(IndexSearcher searcher, String quoteId) throws IOException {
    List<Document> docs = occurrences(searcher, new Term(Schema.QUOTE_ID, quoteId), QUOTATION_FIELDS);
    if (docs.isEmpty()) {
      return Optional.empty();
    }
    Document first = docs.get(0);
    String speaker =
        docs.stream().map(d -> d.get(Schema.SPEAKER)).filter(s -> s != null).findFirst().orElse(null);
    return Optional.of(
        new Quotation(
            quoteId, first.get(Schema.TEXT), speaker, first.get(Schema.KIND),
            docs.stream().map(QuoteGroups::source).toList()));
  }

  private static List<Document> occurrences(IndexSearcher searcher, Term term, Set<String> fields)
      throws IOException {
    ScoreDoc[] hits = searcher.search(new TermQuery(term), MAX_SOURCES).scoreDocs;
    StoredFields stored = searcher.storedFields();
    List<Document> docs = new ArrayList<>(hits.length);
    for (ScoreDoc hit : hits) {
      docs.add(stored.document(hit.doc, fields));
    }
    docs.sort(EARLIEST_FIRST);
    return docs;
  }

  private static SearchResult.Source source(Document d) {
    return new SearchResult.Source(
        d.get(Schema.ARTICLE_ID),
        d.get(Schema.ARTICLE_TITLE),
        d.get(Schema.SOURCE),
        d.get(Schema.DATE),
        d.get(Schema.SPEAKER),
        d.get(Schema.CUE),
        d.get(Schema.ID),
        d.getField(Schema.OFFSET).numericValue().intValue(),
        d.get(Schema.TEXT));
  }

  /**
   * Counts results as shown: each article once, each distinct quote once. Stops counting after
   * {@code cap} documents, which makes the count a lower bound.
   */
  record Distinct(long count, boolean exact) {}

  static CollectorManager<DistinctCollector, Distinct> counter(ReaderState state, int cap) {
    return new CollectorManager<>() {
      @Override
      public DistinctCollector newCollector() {
        return new DistinctCollector(state, cap);
      }

      @Override
      public Distinct reduce(Collection<DistinctCollector> collectors) {
        LongBitSet quotes = new LongBitSet(Math.max(1, state.fingerprintCount()));
        long singles = 0;
        boolean exact = true;
        for (DistinctCollector c : collectors) {
          quotes.or(c.quotes);
          singles += c.singles;
          exact &= !c.overflow;
        }
        return new Distinct(singles + quotes.cardinality(), exact);
      }
    };
  }

  static final class DistinctCollector implements Collector {
    private final ReaderState state;
    private final int cap;
    private final LongBitSet quotes;
    private long singles;
    private long seen;
    private boolean overflow;

    DistinctCollector(ReaderState state, int cap) {
      this.state = state;
      this.cap = cap;
      this.quotes = new LongBitSet(Math.max(1, state.fingerprintCount()));
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      if (overflow) {
        throw new CollectionTerminatedException();
      }
      SortedDocValues fingerprints = context.reader().getSortedDocValues(Schema.FINGERPRINT);
      LongValues global = state.globalOrds(context.ord);
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          if (++seen > cap) {
            overflow = true;
            throw new CollectionTerminatedException();
          }
          if (fingerprints != null && fingerprints.advanceExact(doc)) {
            quotes.set(global.get(fingerprints.ordValue()));
          } else {
            singles++;
          }
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
