package dev.verbatim.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.lucene.index.DirectoryReader;

/**
 * Harness for benchmarks/term-profile/run.sh (not part of the build): the bench's queries of one
 * class through SearchBench.verbatim (Searcher.search, top 10, highlighted) and SearchBench.bare on
 * the same index, single-threaded on the main thread, alternating A B B A; thread CPU per query per
 * round; a JFR recording (settings=profile) of the timed rounds only.
 *
 * <p>args: INDEX KIND PASSES ROUNDS JFR_OUT
 */
public final class TermProfile {
  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    String kind = args[1];
    int passes = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    Path jfrOut = Path.of(args[4]);
    PrintWriter out = new PrintWriter(System.out, true);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    try (Opened opened = Opened.of(index, out)) {
      DirectoryReader reader = opened.reader();
      QuerySet queries = opened.queries();
      SearchBench bench = opened.bench();
      List<QuerySet.Entry> list = queries.of(kind);
      out.printf(
          Locale.ROOT,
          "%s: %d queries, %d segments, maxDoc %d%n",
          kind,
          list.size(),
          reader.leaves().size(),
          reader.maxDoc());
      // Warm-up: the bench's own (both sides, the whole mix), then this class on both sides.
      bench.warmUp(queries, 4);
      for (int p = 0; p < 3; p++) {
        for (QuerySet.Entry e : list) {
          bench.verbatim(e);
          bench.bare(e);
        }
      }
      Recording rec = new Recording(Configuration.getConfiguration("profile"));
      rec.setDestination(jfrOut);
      rec.start();
      long[] vCpu = new long[rounds];
      long[] bCpu = new long[rounds];
      for (int r = 0; r < rounds; r++) {
        for (int s = 0; s < 2; s++) {
          boolean verbatim = (s == 0) == (r % 2 == 0);
          long c0 = mx.getCurrentThreadCpuTime();
          long a0 = ((com.sun.management.ThreadMXBean) mx).getCurrentThreadAllocatedBytes();
          long p0 =
              ((com.sun.management.OperatingSystemMXBean)
                      ManagementFactory.getOperatingSystemMXBean())
                  .getProcessCpuTime();
          long t0 = System.nanoTime();
          long sink = 0;
          for (int p = 0; p < passes; p++) {
            for (QuerySet.Entry e : list) {
              sink += verbatim ? bench.verbatim(e) : bench.bare(e);
            }
          }
          long cpu = mx.getCurrentThreadCpuTime() - c0;
          long alloc = ((com.sun.management.ThreadMXBean) mx).getCurrentThreadAllocatedBytes() - a0;
          long proc =
              ((com.sun.management.OperatingSystemMXBean)
                          ManagementFactory.getOperatingSystemMXBean())
                      .getProcessCpuTime()
                  - p0;
          double wall = (System.nanoTime() - t0) / 1e6;
          int n = passes * list.size();
          (verbatim ? vCpu : bCpu)[r] = cpu;
          out.printf(
              Locale.ROOT,
              "round %d %s: %.3f ms thread CPU/query, %.3f ms process CPU/query, %.0f KB"
                  + " allocated/query, %.3f ms wall/query (%d, sink %d) load %s%n",
              r,
              verbatim ? "verbatim" : "bare",
              cpu / 1e6 / n,
              proc / 1e6 / n,
              alloc / 1024.0 / n,
              wall / n,
              n,
              sink,
              java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip());
        }
      }
      rec.stop();
      rec.close();
      double v =
          java.util.Arrays.stream(vCpu).sorted().toArray()[rounds / 2]
              / 1e6
              / (passes * list.size());
      double b =
          java.util.Arrays.stream(bCpu).sorted().toArray()[rounds / 2]
              / 1e6
              / (passes * list.size());
      out.printf(
          Locale.ROOT,
          "median thread CPU/query: verbatim %.3f ms, bare %.3f ms, ratio %.2fx%n",
          v,
          b,
          b / v);
    }
  }
}
