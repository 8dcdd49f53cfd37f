package dev.verbatim.search;

import dev.verbatim.index.schema.Schema;
import java.io.IOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Query;

/** Counts facet values from doc values over every document a {@link Search} matched. Stateless. */
final class Facets {
  /** Values shown per dimension. */
  static final int TOP_VALUES = 20;

  private static final List<String> FLAT =
      List.of(Schema.FACET_TYPE, Schema.FACET_SPEAKER, Schema.FACET_SOURCE);
  private static final Comparator<SearchResult.FacetValue> MOST_FIRST =
      Comparator.comparingLong(SearchResult.FacetValue::count)
          .reversed()
          .thenComparing(SearchResult.FacetValue::value);

  private Facets() {}

  /**
   * Each dimension's top values among {@code matches}, except that a dimension the request filters
   * on is counted as if that one filter were off (drill sideways): choosing a source still shows
   * the other sources and how many they would give.
   */
  static Map<String, List<SearchResult.FacetValue>> sideways(
      Search search, Query parsed, FacetsCollector matches) throws IOException {
    SortedSetDocValuesReaderState state = search.state().facets();
    SearchRequest request = search.request();
    Map<String, List<SearchResult.FacetValue>> out = count(state, matches);
    Map<String, SearchRequest> withoutOwnFilter = new LinkedHashMap<>();
    if (request.type() != null) {
      withoutOwnFilter.put(Schema.FACET_TYPE, request.toBuilder().withType(null).build());
    }
    if (request.speaker() != null) {
      withoutOwnFilter.put(Schema.FACET_SPEAKER, request.toBuilder().withSpeaker(null).build());
    }
    if (request.source() != null) {
      withoutOwnFilter.put(Schema.FACET_SOURCE, request.toBuilder().withSource(null).build());
    }
    if (request.date() != null) {
      withoutOwnFilter.put(Schema.FACET_DATE, request.toBuilder().withDate(null).build());
    }
    for (Map.Entry<String, SearchRequest> e : withoutOwnFilter.entrySet()) {
      FacetsCollector others =
          search
              .searcher()
              .search(Filtering.apply(parsed, e.getValue()), new FacetsCollectorManager());
      out.put(e.getKey(), count(state, others).get(e.getKey()));
    }
    return out;
  }

  /** Each dimension's top values among {@code matches}; every dimension is present, maybe empty. */
  private static Map<String, List<SearchResult.FacetValue>> count(
      SortedSetDocValuesReaderState state, FacetsCollector matches) throws IOException {
    Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
    SortedSetDocValuesFacetCounts counts =
        state == null ? null : new SortedSetDocValuesFacetCounts(state, beneath(state, matches));
    Set<String> indexed = new HashSet<>();
    if (state != null) {
      state.getDims().forEach(indexed::add);
    }
    for (String dim : FLAT) {
      out.put(dim, indexed.contains(dim) ? top(counts, dim) : List.of());
    }
    List<SearchResult.FacetValue> years = new ArrayList<>();
    // Asking for a dimension no document has fails inside Lucene, so only indexed ones are asked.
    List<SearchResult.FacetValue> yearValues =
        indexed.contains(Schema.FACET_DATE) ? top(counts, Schema.FACET_DATE) : List.of();
    for (SearchResult.FacetValue year : yearValues) {
      List<SearchResult.FacetValue> months = new ArrayList<>();
      for (SearchResult.FacetValue month : top(counts, Schema.FACET_DATE, year.value())) {
        months.add(
            new SearchResult.FacetValue(
                year.value() + "-" + month.value(), month.count(), List.of()));
      }
      years.add(new SearchResult.FacetValue(year.value(), year.count(), months));
    }
    out.put(Schema.FACET_DATE, years);
    return out;
  }

  /**
   * {@code matches} moved onto the leaves of the reader {@code state} counts, the view beneath the
   * time-limit wrapper (same segments, same order), so that counting reads doc values directly. The
   * request's deadline is checked before each segment is counted instead of every thousand
   * documents.
   */
  private static FacetsCollector beneath(
      SortedSetDocValuesReaderState state, FacetsCollector matches) {
    List<LeafReaderContext> leaves = state.getReader().leaves();
    List<FacetsCollector.MatchingDocs> moved = new ArrayList<>();
    for (FacetsCollector.MatchingDocs m : matches.getMatchingDocs()) {
      moved.add(
          new FacetsCollector.MatchingDocs(
              leaves.get(m.context().ord), m.bits(), m.totalHits(), m.scores()));
    }
    return new FacetsCollector() {
      @Override
      public List<FacetsCollector.MatchingDocs> getMatchingDocs() {
        return new AbstractList<>() {
          @Override
          public FacetsCollector.MatchingDocs get(int i) {
            SearchTimeLimit.checkReads();
            return moved.get(i);
          }

          @Override
          public int size() {
            return moved.size();
          }
        };
      }
    };
  }

  private static List<SearchResult.FacetValue> top(
      SortedSetDocValuesFacetCounts counts, String dim, String... path) throws IOException {
    FacetResult result = counts.getTopChildren(TOP_VALUES, dim, path);
    if (result == null) {
      return List.of();
    }
    List<SearchResult.FacetValue> values = new ArrayList<>();
    for (LabelAndValue lv : result.labelValues) {
      values.add(new SearchResult.FacetValue(lv.label, lv.value.longValue(), List.of()));
    }
    values.sort(MOST_FIRST);
    return values;
  }
}
