package dev.verbatim.search;

import dev.verbatim.index.schema.Schema;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.LongBitSet;
import org.apache.lucene.util.LongValues;

/**
 * What is expensive to derive from one index view and shared by every search on it: the facet
 * ordinal state, the global ordinals of quote fingerprints (merged groups included), which quote
 * documents carry a group that others carry too, the merged field infos and the first and last
 * publication day. Built once per reader (when a refresh brings a new one), never per request.
 * Thread-safe.
 */
final class ReaderState {
  private final IndexReader reader;
  private final SortedSetDocValuesReaderState facets;
  private final OrdinalMap fingerprintOrds;
  private final long fingerprintCount;
  private final FieldInfos fieldInfos;
  private final QuoteMerges merges;
  private final FixedBitSet repeatedDocs;
  private volatile Days days;

  /** The earliest and latest publication day of the articles; both null when none has a date. */
  record Days(LocalDate first, LocalDate last) {}

  private ReaderState(IndexReader reader) throws IOException {
    this.reader = reader;
    this.facets = facetState(reader);
    SortedDocValues all = MultiDocValues.getSortedValues(reader, Schema.FINGERPRINT);
    this.fingerprintOrds =
        all instanceof MultiDocValues.MultiSortedDocValues multi ? multi.mapping : null;
    this.fingerprintCount = all == null ? 0 : all.getValueCount();
    this.fieldInfos = FieldInfos.getMergedFieldInfos(reader);
    this.merges = QuoteMerges.of(reader, all);
    this.repeatedDocs = markRepeated();
  }

  // One pass over the fingerprints' doc values: a group met a second time is repeated, and so are
  // the document it was first met in and every later one; null when no group is.
  private FixedBitSet markRepeated() throws IOException {
    FixedBitSet docs = new FixedBitSet(Math.max(1, reader.maxDoc()));
    LongBitSet seen = new LongBitSet(Math.max(1, fingerprintCount));
    int[] firstDoc = new int[Math.toIntExact(fingerprintCount)];
    for (LeafReaderContext leaf : reader.leaves()) {
      // Past any time-limit wrapper: this is built before a request's clock starts.
      SortedDocValues values =
          FilterLeafReader.unwrap(leaf.reader()).getSortedDocValues(Schema.FINGERPRINT);
      if (values == null) {
        continue;
      }
      LongValues global = globalOrds(leaf.ord);
      for (int doc = values.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = values.nextDoc()) {
        int group = (int) global.get(values.ordValue());
        int docId = leaf.docBase + doc;
        if (!seen.getAndSet(group)) {
          firstDoc[group] = docId;
        } else {
          docs.set(firstDoc[group]);
          docs.set(docId);
        }
      }
    }
    return docs.nextSetBit(0) == DocIdSetIterator.NO_MORE_DOCS ? null : docs;
  }

  // Over the reader beneath the time-limit wrapper: counting reads every match's facet values, and
  // the wrapper's indirection on each read cost a sixth of it. Facets checks the deadline between
  // segments instead.
  private static SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
    IndexReader unwrapped =
        reader instanceof FilterDirectoryReader filtered
            ? FilterDirectoryReader.unwrap(filtered)
            : reader;
    try {
      return new DefaultSortedSetDocValuesReaderState(unwrapped, Schema.facetsConfig());
    } catch (IllegalArgumentException e) {
      // An index without any facet field (nothing indexed yet) has nothing to count.
      return null;
    }
  }

  /** Caches the state of the newest reader seen; older readers get a fresh, uncached one. */
  static final class Cache {
    private volatile ReaderState current;

    ReaderState of(IndexReader reader) throws IOException {
      ReaderState s = current;
      if (s != null && s.reader == reader) {
        return s;
      }
      synchronized (this) {
        s = current;
        if (s == null || s.reader != reader) {
          s = new ReaderState(reader);
          current = s;
        }
        return s;
      }
    }
  }

  /**
   * The facet state, or null when the index has no facet fields. It reads the view beneath the
   * time-limit wrapper: count through {@link Facets}, which moves matches onto that view.
   */
  SortedSetDocValuesReaderState facets() {
    return facets;
  }

  /** The field infos of every segment merged: how each field is indexed. */
  FieldInfos fieldInfos() {
    return fieldInfos;
  }

  /** How many distinct fingerprints the index holds (global ordinals are below this). */
  long fingerprintCount() {
    return fingerprintCount;
  }

  /**
   * Maps segment {@code leaf}'s fingerprint ordinals to global ones, equal for groups merged into
   * one (see {@link QuoteMerges}); identity when the index has one segment and no merges.
   */
  LongValues globalOrds(int leaf) {
    return merges.canonical(
        fingerprintOrds == null ? LongValues.IDENTITY : fingerprintOrds.getGlobalOrds(leaf));
  }

  /**
   * Whether {@code doc} (an id of this whole view) is a quote whose group more than one quote
   * document carries (see {@link #globalOrds}; deleted documents may count). Most quotes appear
   * once: a page need not look for the other articles of those, and a count of distinct results
   * need not read their fingerprints, nor those of articles.
   */
  boolean repeated(int doc) {
    return repeatedDocs != null && repeatedDocs.get(doc);
  }

  /**
   * The first and last day an article of this view was published, read from the date's doc values
   * (deleted articles left out), so a reindex that removes the oldest article moves the first day.
   * Two one-hit sorted searches the first time, which the date points let Lucene answer without
   * visiting every article.
   */
  Days days() throws IOException {
    Days d = days;
    if (d == null) {
      IndexSearcher searcher = new IndexSearcher(reader);
      d = new Days(day(searcher, false), day(searcher, true));
      days = d;
    }
    return d;
  }

  private static LocalDate day(IndexSearcher searcher, boolean latest) throws IOException {
    SortField byDay = new SortField(Schema.DATE, SortField.Type.LONG, latest);
    // Undated articles sort last either way.
    byDay.setMissingValue(latest ? Long.MIN_VALUE : Long.MAX_VALUE);
    TopFieldDocs top =
        searcher.search(
            new TermQuery(new Term(Schema.TYPE, Schema.TYPE_ARTICLE)), 1, new Sort(byDay));
    if (top.scoreDocs.length == 0) {
      return null;
    }
    long day = (Long) ((FieldDoc) top.scoreDocs[0]).fields[0];
    return day == Long.MIN_VALUE || day == Long.MAX_VALUE ? null : LocalDate.ofEpochDay(day);
  }

  /** The keys of the quote group that {@code fingerprint} is part of, smallest (its name) first. */
  List<String> groupKeys(String fingerprint) {
    return merges.keys(fingerprint);
  }
}
