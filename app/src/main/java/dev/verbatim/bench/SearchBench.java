package dev.verbatim.bench;

import dev.verbatim.search.SearchResult;
import dev.verbatim.search.Searcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Search with top-10 highlighting through {@link Searcher} against bare {@link IndexSearcher} and
 * {@link UnifiedHighlighter} on the same index and queries. Not thread-safe.
 *
 * <p>The bare side runs each query's Lucene form, takes the top 10, highlights the body field of
 * those hits (two passages) with one shared highlighter, and loads their stored documents: what a
 * plain Lucene program shows for a result page.
 */
final class SearchBench {
  static final int TOP = 10;
  private static final int PASSAGES = 2;
  // Verbatim's facet lists show this many values per dimension.
  private static final int FACET_VALUES = 20;

  private final Searcher verbatim;
  private final IndexSearcher bare;
  private final UnifiedHighlighter highlighter;
  private final SortedSetDocValuesReaderState facetState;
  private final PrintWriter progress;

  SearchBench(Searcher verbatim, IndexSearcher bare, PrintWriter progress) throws IOException {
    this.verbatim = verbatim;
    this.bare = bare;
    this.highlighter =
        UnifiedHighlighter.builder(bare, BareLucene.analyzer()).withMaxLength(200_000).build();
    this.progress = progress;
    this.facetState =
        new DefaultSortedSetDocValuesReaderState(bare.getIndexReader(), BareLucene.facetsConfig());
  }

  /** Runs one query through Verbatim's API; returns the hit count so the work is observable. */
  int verbatim(QuerySet.Entry e) throws IOException {
    SearchResult result = verbatim.search(e.request().toBuilder().withLimit(TOP).build());
    return result.hits().size();
  }

  /** Runs one query through the API as {@code /api/search} asks it: top 10, no facets. */
  int asServed(QuerySet.Entry e) throws IOException {
    return verbatim
        .search(e.request().toBuilder().withFacets(false).withLimit(TOP).build())
        .hits()
        .size();
  }

  /** Runs one query through the API as {@code /api/search?facets=true} asks it. */
  int asServedWithFacets(QuerySet.Entry e) throws IOException {
    return verbatim
        .search(e.request().toBuilder().withFacets(true).withLimit(TOP).build())
        .hits()
        .size();
  }

  /** Runs one query the bare Lucene way; a faceted one also counts every facet dimension. */
  int bare(QuerySet.Entry e) throws IOException {
    TopDocs top;
    int counted = 0;
    if (e.request().facets()) {
      Object[] both =
          bare.search(
              e.bare(),
              new MultiCollectorManager(
                  new TopScoreDocCollectorManager(TOP, Integer.MAX_VALUE),
                  new FacetsCollectorManager()));
      top = (TopDocs) both[0];
      counted = countFacets((FacetsCollector) both[1]);
    } else {
      top = bare.search(e.bare(), TOP);
    }
    String[] passages = highlighter.highlight(BareLucene.TEXT, e.bare(), top, PASSAGES);
    StoredFields stored = bare.storedFields();
    int shown = 0;
    for (ScoreDoc sd : top.scoreDocs) {
      Document d = stored.document(sd.doc);
      shown += d.get(BareLucene.ID) == null ? 0 : 1;
    }
    return passages.length == shown ? shown + counted : -1;
  }

  /** The top values of each dimension Verbatim shows, months under every year shown. */
  private int countFacets(FacetsCollector matches) throws IOException {
    SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(facetState, matches);
    int values = 0;
    for (String dim :
        List.of(BareLucene.FACET_TYPE, BareLucene.FACET_SPEAKER, BareLucene.FACET_SOURCE)) {
      FacetResult r = counts.getTopChildren(FACET_VALUES, dim);
      values += r == null ? 0 : r.labelValues.length;
    }
    FacetResult years = counts.getTopChildren(FACET_VALUES, BareLucene.FACET_DATE);
    if (years != null) {
      for (LabelAndValue year : years.labelValues) {
        FacetResult months = counts.getTopChildren(FACET_VALUES, BareLucene.FACET_DATE, year.label);
        values += months == null ? 0 : months.labelValues.length;
      }
    }
    return values;
  }

  /**
   * Runs both sides over every query, at two threads, until the JIT and the page cache have settled
   * for timed runs of {@code seconds}.
   */
  WarmUp.Figures warmUp(QuerySet queries, double seconds) {
    List<QuerySet.Entry> mix = queries.mix();
    return WarmUp.forRuns(
        seconds,
        round -> {
          Load.run(mix, 2, round / 2, false, this::verbatim);
          Load.run(mix, 2, round / 2, false, this::bare);
        });
  }

  /** Per class and thread count, Verbatim and bare alternately {@code rounds} times; medians. */
  void measure(QuerySet queries, int rounds, double seconds, BenchTable table) {
    for (String kind : QuerySet.CLASSES) {
      List<QuerySet.Entry> list = queries.of(kind);
      if (list.isEmpty()) {
        log("search %s: no queries could be drawn from this index; skipped", kind);
        continue;
      }
      for (int threads = 1; threads <= 2; threads++) {
        Load.Result[] v = new Load.Result[rounds];
        Load.Result[] b = new Load.Result[rounds];
        for (int r = 0; r < rounds; r++) {
          // A B B A ...: neither side always runs first.
          if (r % 2 == 0) {
            v[r] = Load.run(list, threads, seconds, false, this::verbatim);
            b[r] = Load.run(list, threads, seconds, false, this::bare);
          } else {
            b[r] = Load.run(list, threads, seconds, false, this::bare);
            v[r] = Load.run(list, threads, seconds, false, this::verbatim);
          }
        }
        String name = kind + ", " + threads + (threads == 1 ? " thread" : " threads");
        Medians mv = Medians.of(v);
        Medians mb = Medians.of(b);
        table.latency("search", name, "p50 ms", mv.p50, mb.p50);
        table.latency("search", name, "p99 ms", mv.p99, mb.p99);
        table.rate("search", name, "QPS", mv.perSecond, mb.perSecond);
        table.latency("search", name, "CPU ms/query", mv.cpuMs, mb.cpuMs);
        long errors = mv.errors + mb.errors;
        if (errors > 0) {
          table.value("search", name, "errors", errors);
        }
        log(
            "search %s: Verbatim %.0f QPS p99 %.2f ms, bare %.0f QPS p99 %.2f ms",
            name, mv.perSecond, mv.p99, mb.perSecond, mb.p99);
      }
    }
  }

  /** Medians over rounds of each figure of {@link Load.Result}. */
  record Medians(
      double p50, double p99, double perSecond, long errors, double cpuMs, double clientCpuMs) {
    static Medians of(Load.Result[] results) {
      double[] p50 = new double[results.length];
      double[] p99 = new double[results.length];
      double[] rate = new double[results.length];
      double[] cpu = new double[results.length];
      double[] clientCpu = new double[results.length];
      long errors = 0;
      for (int i = 0; i < results.length; i++) {
        p50[i] = results[i].p50Ms();
        p99[i] = results[i].p99Ms();
        rate[i] = results[i].perSecond();
        cpu[i] = results[i].cpuMsPerCall();
        clientCpu[i] = results[i].clientCpuMsPerCall();
        errors += results[i].errors();
      }
      return new Medians(
          Samples.median(p50),
          Samples.median(p99),
          Samples.median(rate),
          errors,
          Samples.median(cpu),
          Samples.median(clientCpu));
    }
  }

  private void log(String format, Object... args) {
    progress.printf(Locale.ROOT, format + "%n", args);
    progress.flush();
  }
}
