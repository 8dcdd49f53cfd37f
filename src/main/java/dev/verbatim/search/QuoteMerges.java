package dev.verbatim.search;

import dev.verbatim.index.schema.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.internal.hppc.LongIntHashMap;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;

/**
 * Quote groups that are one because a live quote matched members of each (the indexer's {@link
 * Schema#MERGES}): the keys joined into components, each named by its smallest key, and their
 * global fingerprint ordinals mapped to that key's. Built with the reader's other state; empty, and
 * free, when no quote records a merge. Immutable, so thread-safe.
 */
final class QuoteMerges {
  static final QuoteMerges NONE = new QuoteMerges(Map.of(), new LongIntHashMap(0));

  // Every key in a component of two or more, to the component's keys, smallest first.
  private final Map<String, List<String>> components;
  // Global ordinal of every such key to its component's smallest key's ordinal.
  private final LongIntHashMap canonicalOrds;

  private QuoteMerges(Map<String, List<String>> components, LongIntHashMap canonicalOrds) {
    this.components = components;
    this.canonicalOrds = canonicalOrds;
  }

  /** The merges recorded by live documents of {@code reader}; {@code all} its fingerprints. */
  static QuoteMerges of(IndexReader reader, SortedDocValues all) throws IOException {
    if (all == null) {
      return NONE;
    }
    Map<String, String> parent = new HashMap<>();
    Map<String, Boolean> live = new HashMap<>();
    IndexSearcher searcher = new IndexSearcher(reader);
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(Schema.MERGES);
      if (terms == null) {
        continue;
      }
      Bits liveDocs = leaf.reader().getLiveDocs();
      TermsEnum te = terms.iterator();
      PostingsEnum postings = null;
      for (BytesRef term = te.next(); term != null; term = te.next()) {
        String merged = term.utf8ToString();
        // A key whose every member is deleted joins nothing: its members no longer link anyone.
        Boolean hasLive = live.get(merged);
        if (hasLive == null) {
          hasLive = searcher.count(new TermQuery(new Term(Schema.FINGERPRINT, merged))) > 0;
          live.put(merged, hasLive);
        }
        if (!hasLive) {
          continue;
        }
        postings = te.postings(postings, PostingsEnum.NONE);
        SortedDocValues keys = leaf.reader().getSortedDocValues(Schema.FINGERPRINT);
        for (int doc = postings.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = postings.nextDoc()) {
          if ((liveDocs == null || liveDocs.get(doc)) && keys != null && keys.advanceExact(doc)) {
            union(parent, keys.lookupOrd(keys.ordValue()).utf8ToString(), merged);
          }
        }
      }
    }
    if (parent.isEmpty()) {
      return NONE;
    }
    Map<String, List<String>> byRoot = new TreeMap<>();
    for (String key : parent.keySet()) {
      byRoot.computeIfAbsent(root(parent, key), r -> new ArrayList<>()).add(key);
    }
    Map<String, List<String>> components = new HashMap<>();
    LongIntHashMap canonicalOrds = new LongIntHashMap();
    for (List<String> keys : byRoot.values()) {
      keys.sort(null);
      List<String> component = List.copyOf(keys);
      int canonical = all.lookupTerm(new BytesRef(component.get(0)));
      for (String key : component) {
        components.put(key, component);
        int ord = all.lookupTerm(new BytesRef(key));
        if (ord >= 0 && canonical >= 0) {
          canonicalOrds.put(ord, canonical);
        }
      }
    }
    return new QuoteMerges(Map.copyOf(components), canonicalOrds);
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String ra = root(parent, a);
    String rb = root(parent, b);
    if (!ra.equals(rb)) {
      parent.put(ra, rb);
    }
  }

  private static String root(Map<String, String> parent, String key) {
    String r = key;
    for (String p = parent.putIfAbsent(r, r); p != null && !p.equals(r); p = parent.get(r)) {
      r = p;
    }
    // Path compression: point everything met straight at the root.
    for (String k = key; !k.equals(r); ) {
      String next = parent.put(k, r);
      k = next;
    }
    return r;
  }

  /** The keys of the quote group that {@code fingerprint} is part of, smallest first. */
  List<String> keys(String fingerprint) {
    return components.getOrDefault(fingerprint, List.of(fingerprint));
  }

  /** {@code global} with merged groups' ordinals replaced by their component's. */
  LongValues canonical(LongValues global) {
    if (canonicalOrds.isEmpty()) {
      return global;
    }
    return new LongValues() {
      @Override
      public long get(long index) {
        long ord = global.get(index);
        return canonicalOrds.getOrDefault(ord, (int) ord);
      }
    };
  }
}
