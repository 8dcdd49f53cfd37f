package dev.verbatim.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Harness (not part of the build): each query of one class timed alone on both sides, so a class's
 * slow tail can be told apart from its typical query. Thread CPU per query, median of REPEATS
 * calls, sides alternating per call; the slowest queries first.
 *
 * <p>args: INDEX KIND REPEATS
 */
public final class PerQuery {
  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    String kind = args[1];
    int repeats = Integer.parseInt(args[2]);
    PrintWriter out = new PrintWriter(System.out, true);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    try (Opened opened = Opened.of(index, out)) {
      QuerySet queries = opened.queries();
      SearchBench bench = opened.bench();
      List<QuerySet.Entry> list = queries.of(kind);
      bench.warmUp(queries, 4);
      record Row(QuerySet.Entry e, double v, double b) {}
      List<Row> rows = new ArrayList<>();
      for (QuerySet.Entry e : list) {
        long[] v = new long[repeats];
        long[] b = new long[repeats];
        for (int i = 0; i < repeats; i++) {
          long c0 = mx.getCurrentThreadCpuTime();
          bench.verbatim(e);
          long c1 = mx.getCurrentThreadCpuTime();
          bench.bare(e);
          long c2 = mx.getCurrentThreadCpuTime();
          v[i] = c1 - c0;
          b[i] = c2 - c1;
        }
        Arrays.sort(v);
        Arrays.sort(b);
        rows.add(new Row(e, v[repeats / 2] / 1e6, b[repeats / 2] / 1e6));
      }
      rows.sort(Comparator.comparingDouble(Row::v).reversed());
      double sv = 0;
      double sb = 0;
      for (Row r : rows) {
        sv += r.v;
        sb += r.b;
        out.printf(
            Locale.ROOT,
            "%8.3f %8.3f %5.2fx  %s%n",
            r.v,
            r.b,
            r.b / r.v,
            r.e.request().query());
      }
      out.printf(Locale.ROOT, "sum %8.3f %8.3f %5.2fx%n", sv, sb, sb / sv);
    }
  }
}
