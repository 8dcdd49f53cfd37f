package dev.verbatim.bench;

import dev.verbatim.index.schema.Schema;
import dev.verbatim.search.query.Ranking;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;

/**
 * Matching alone, thread CPU per query, for the bench's queries of one class: the bare query and
 * Verbatim's first pass at depth 10 and 500, the one-pass BM25F query at depth 10, and the first
 * pass through an ExitableDirectoryReader and a searcher timeout as Verbatim's requests run it.
 * Harness for benchmarks/term-profile/run.sh; not part of the build.
 *
 * <p>args: INDEX KIND PASSES
 */
public final class MatchProfile {
  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    String kind = args[1];
    int passes = Integer.parseInt(args[2]);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      List<QuerySet.Entry> list = QuerySet.draw(reader, 50, 42).of(kind);
      IndexSearcher bare = new IndexSearcher(reader);
      IndexSearcher v = new IndexSearcher(reader);
      v.setSimilarity(Ranking.DEFAULT.similarity());
      ThreadLocal<long[]> deadline = ThreadLocal.withInitial(() -> new long[] {Long.MAX_VALUE});
      org.apache.lucene.index.DirectoryReader exitable =
          new org.apache.lucene.index.ExitableDirectoryReader(
              reader, () -> System.nanoTime() - deadline.get()[0] > 0);
      IndexSearcher ve = new IndexSearcher(exitable);
      ve.setSimilarity(Ranking.DEFAULT.similarity());
      IndexSearcher vet = new IndexSearcher(exitable);
      vet.setSimilarity(Ranking.DEFAULT.similarity());
      long far = System.nanoTime() + 3_600_000_000_000L;
      vet.setTimeout(() -> System.nanoTime() - far > 0);
      List<Query> bareQ = new ArrayList<>();
      List<Query> first = new ArrayList<>();
      List<Query> full = new ArrayList<>();
      for (QuerySet.Entry e : list) {
        bareQ.add(e.bare());
        Query q = Ranking.DEFAULT.interpret(e.request(), Schema.analyzer()).query();
        Query f = Ranking.DEFAULT.firstPass(q);
        full.add(v.rewrite(q));
        first.add(v.rewrite(f == null ? q : f));
      }
      System.out.println("first pass of " + list.get(0).request().query() + ": " + first.get(0));
      String[] names = {
        "bare k=10",
        "bare k=500",
        "first pass k=10",
        "first pass k=500",
        "full one pass k=10",
        "first k=500 exitable",
        "first k=500 exit+timeout"
      };
      for (int round = 0; round < 4; round++) {
        for (int m = 0; m < names.length; m++) {
          long c0 = mx.getCurrentThreadCpuTime();
          long hits = 0;
          for (int p = 0; p < passes; p++) {
            for (int i = 0; i < list.size(); i++) {
              IndexSearcher s = m < 2 ? bare : m == 5 ? ve : m == 6 ? vet : v;
              Query q =
                  switch (m) {
                    case 0, 1 -> bareQ.get(i);
                    case 2, 3, 5, 6 -> first.get(i);
                    default -> full.get(i);
                  };
              int k = (m == 1 || m == 3 || m >= 5) ? 500 : 10;
              hits += s.search(q, new TopScoreDocCollectorManager(k, null, 1000)).scoreDocs.length;
            }
          }
          double ms = (mx.getCurrentThreadCpuTime() - c0) / 1e6 / (passes * list.size());
          if (round > 0) {
            System.out.printf(
                Locale.ROOT, "round %d %-20s %.3f ms CPU/query (%d)%n", round, names[m], ms, hits);
          }
        }
      }
    }
  }
}
