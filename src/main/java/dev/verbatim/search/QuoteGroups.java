package dev.verbatim.search;

import dev.verbatim.index.schema.Schema;
import dev.verbatim.quotes.Quote;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongBitSet;
import org.apache.lucene.util.LongValues;

/**
 * The same quote printed by several articles is one result: quote documents with equal {@link
 * Schema#FINGERPRINT} (the group key the indexer gives every printing, small edits included) form a
 * group, shown once with every article as a source, each with its own printed text; groups the
 * indexer recorded as merged ({@link ReaderState#groupKeys}) are one group. An instance reads the
 * groups of one index view; thread-safe as the searcher it reads through is.
 */
final class QuoteGroups {
  /** The most sources listed for one quote; wire copy rarely reaches this. */
  static final int MAX_SOURCES = 1_000;

  private static final Set<String> SOURCE_FIELDS =
      Set.of(
          Schema.ID,
          Schema.ARTICLE_ID,
          Schema.ARTICLE_TITLE,
          Schema.SOURCE,
          Schema.DATE,
          Schema.SPEAKER,
          Schema.CUE,
          Schema.OFFSET,
          Schema.TEXT);
  private static final Set<String> QUOTATION_FIELDS =
      Stream.concat(SOURCE_FIELDS.stream(), Stream.of(Schema.KIND, Schema.FINGERPRINT))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final Comparator<Document> EARLIEST_FIRST =
      Comparator.comparing(
              (Document d) -> d.get(Schema.DATE), Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(d -> d.get(Schema.ARTICLE_ID))
          .thenComparing(d -> d.get(Schema.ID));

  private final IndexSearcher searcher;
  private final IndexReader reader;
  private final ReaderState state;

  /** The groups of the view {@code searcher} reads, whose reader state is {@code state}. */
  QuoteGroups(IndexSearcher searcher, ReaderState state) {
    this.searcher = searcher;
    this.reader = searcher.getIndexReader();
    this.state = state;
  }

  /** The fingerprint of {@code doc} when it is a quote, else null (a group of its own). */
  String fingerprint(int doc) throws IOException {
    LeafReaderContext leaf = leaf(doc);
    SortedDocValues values = positioned(leaf, doc);
    return values == null ? null : values.lookupOrd(values.ordValue()).utf8ToString();
  }

  /**
   * The group of {@code doc} as a number, equal for equal fingerprints across segments; -1 when it
   * is not a quote. Cheaper than {@link #fingerprint} for walking many hits.
   */
  long group(int doc) throws IOException {
    LeafReaderContext leaf = leaf(doc);
    SortedDocValues values = positioned(leaf, doc);
    return values == null ? -1 : state.globalOrds(leaf.ord).get(values.ordValue());
  }

  /** Matches every quote document in the group of {@code fingerprint}, merged groups included. */
  Query members(String fingerprint) {
    List<String> keys = state.groupKeys(fingerprint);
    if (keys.size() == 1) {
      return new TermQuery(new Term(Schema.FINGERPRINT, fingerprint));
    }
    return new TermInSetQuery(Schema.FINGERPRINT, keys.stream().map(BytesRef::new).toList());
  }

  /** The id shown for the group of {@code fingerprint}: that of its smallest key. */
  String quoteId(String fingerprint) {
    return Schema.quoteId(state.groupKeys(fingerprint).get(0));
  }

  private LeafReaderContext leaf(int doc) {
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
   * occurrence, document {@code doc}, loaded with at least the fields a source shows.
   */
  List<SearchResult.Source> sources(String fingerprint, int doc, Document hit) throws IOException {
    if (!state.repeated(doc)) {
      // Most quotes appear once: no need to look for others.
      return List.of(source(hit));
    }
    return occurrences(members(fingerprint), SOURCE_FIELDS).stream()
        .map(QuoteGroups::source)
        .toList();
  }

  /**
   * The quote whose {@link Schema#quoteId} is {@code quoteId}, if the index holds it, with the
   * groups merged with it; named by the group's id, which is {@code quoteId} unless merged.
   */
  Optional<Quotation> quotation(String quoteId) throws IOException {
    List<Document> docs =
        occurrences(new TermQuery(new Term(Schema.QUOTE_ID, quoteId)), QUOTATION_FIELDS);
    if (docs.isEmpty()) {
      return Optional.empty();
    }
    String fingerprint = docs.get(0).get(Schema.FINGERPRINT);
    if (state.groupKeys(fingerprint).size() > 1) {
      docs = occurrences(members(fingerprint), QUOTATION_FIELDS);
      quoteId = quoteId(fingerprint);
    }
    Document first = docs.get(0);
    String speaker =
        docs.stream()
            .map(d -> d.get(Schema.SPEAKER))
            .filter(s -> s != null)
            .findFirst()
            .orElse(null);
    return Optional.of(
        new Quotation(
            quoteId,
            first.get(Schema.TEXT),
            speaker,
            Quote.Kind.fromLabel(first.get(Schema.KIND)),
            docs.stream().map(QuoteGroups::source).toList()));
  }

  private List<Document> occurrences(Query query, Set<String> fields) throws IOException {
    IndexSearcher searcher = this.searcher;
    if (searcher.getTimeout() != null) {
      // A quote's sources are part of its hit, not of matching: a request whose matching ran
      // out of time still lists every source (at most MAX_SOURCES, read by one term lookup).
      searcher = new IndexSearcher(reader);
    }
    ScoreDoc[] hits = searcher.search(query, MAX_SOURCES).scoreDocs;
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

  /** The top documents of a search and the distinct count of what it matched. */
  record Counted(TopDocs top, Distinct total) {}

  /**
   * {@code top}'s collectors, each also counting the first {@code cap} documents it sees. The
   * counting adds no score mode of its own, so a top-k search keeps skipping non-competitive
   * documents; Lucene's top collectors only start skipping once they have seen more documents than
   * their total-hits threshold, so with {@code cap} at that threshold the count misses nothing it
   * claims to be exact about.
   */
  static <C extends Collector> CollectorManager<Counting<C>, Counted> counting(
      CollectorManager<C, ? extends TopDocs> top, ReaderState state, int cap) {
    return new CollectorManager<>() {
      @Override
      public Counting<C> newCollector() throws IOException {
        return new Counting<>(top.newCollector(), state, cap);
      }

      @Override
      public Counted reduce(Collection<Counting<C>> collectors) throws IOException {
        List<C> inner = new ArrayList<>(collectors.size());
        DistinctOrds quotes = new DistinctOrds(state.fingerprintCount());
        long singles = 0;
        boolean exact = true;
        for (Counting<C> c : collectors) {
          inner.add(c.in);
          quotes.addAll(c.quotes);
          singles += c.singles;
          exact &= !c.overflow;
        }
        TopDocs docs = top.reduce(inner);
        // Skipping (which only starts past the threshold) leaves documents uncounted.
        exact &= docs.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
        return new Counted(docs, new Distinct(singles + quotes.count(), exact));
      }
    };
  }

  /** A top-docs collector that also counts distinct results among the first documents it sees. */
  static final class Counting<C extends Collector> implements Collector {
    private final C in;
    private final ReaderState state;
    private final int cap;
    private final DistinctOrds quotes;
    private long singles;
    private long seen;
    private boolean overflow;

    Counting(C in, ReaderState state, int cap) {
      this.in = in;
      this.state = state;
      this.cap = cap;
      this.quotes = new DistinctOrds(state.fingerprintCount());
    }

    @Override
    public ScoreMode scoreMode() {
      return in.scoreMode();
    }

    @Override
    public void setWeight(Weight weight) {
      in.setWeight(weight);
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      LeafCollector top = in.getLeafCollector(context);
      if (overflow) {
        return top;
      }
      // Read past the time-limit wrapper: the searcher already stops collecting at the limit, and
      // the wrapper's check on every document is a tenth of a faceted search's counting.
      SortedDocValues fingerprints =
          FilterLeafReader.unwrap(context.reader()).getSortedDocValues(Schema.FINGERPRINT);
      LongValues global = state.globalOrds(context.ord);
      // A document outside a repeated group is one result whatever it is: only the others' groups
      // are read and collected.
      int docBase = context.docBase;
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) throws IOException {
          top.setScorer(scorer);
        }

        @Override
        public void collect(int doc) throws IOException {
          top.collect(doc);
          if (overflow) {
            return;
          }
          if (++seen > cap) {
            overflow = true;
          } else if (state.repeated(docBase + doc) && fingerprints.advanceExact(doc)) {
            quotes.add(global.get(fingerprints.ordValue()));
          } else {
            singles++;
          }
        }

        @Override
        public DocIdSetIterator competitiveIterator() throws IOException {
          return top.competitiveIterator();
        }

        @Override
        public void finish() throws IOException {
          top.finish();
        }
      };
    }
  }

  /**
   * A set of global fingerprint ordinals: a plain list while small (most searches count at most a
   * thousand), a bit set over every ordinal once the list would be larger than one.
   */
  static final class DistinctOrds {
    private final long universe;
    private long[] ords = new long[16];
    private int size;
    private LongBitSet bits;

    DistinctOrds(long universe) {
      this.universe = Math.max(1, universe);
    }

    void add(long ord) {
      if (bits != null) {
        bits.set(ord);
        return;
      }
      if (size == ords.length) {
        if ((long) size * Long.SIZE >= universe) {
          bits = new LongBitSet(universe);
          for (int i = 0; i < size; i++) {
            bits.set(ords[i]);
          }
          bits.set(ord);
          ords = null;
          return;
        }
        ords = Arrays.copyOf(ords, size * 2);
      }
      ords[size++] = ord;
    }

    void addAll(DistinctOrds other) {
      if (other.bits != null) {
        if (bits == null) {
          bits = new LongBitSet(universe);
          for (int i = 0; i < size; i++) {
            bits.set(ords[i]);
          }
          ords = null;
        }
        bits.or(other.bits);
        return;
      }
      for (int i = 0; i < other.size; i++) {
        add(other.ords[i]);
      }
    }

    long count() {
      if (bits != null) {
        return bits.cardinality();
      }
      Arrays.sort(ords, 0, size);
      long distinct = 0;
      for (int i = 0; i < size; i++) {
        if (i == 0 || ords[i] != ords[i - 1]) {
          distinct++;
        }
      }
      return distinct;
    }
  }
}
