package dev.verbatim.bench;

import dev.verbatim.index.Indexer;
import dev.verbatim.opensearch.ClusterIndex;
import dev.verbatim.opensearch.ClusterSearcher;
import dev.verbatim.opensearch.ClusterSettings;
import dev.verbatim.opensearch.LocalCluster;
import dev.verbatim.search.SearchRequest;
import dev.verbatim.search.Searcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * The cluster backend against the local index on one corpus: loading (documents per second into a
 * two-node cluster with two shards and one replica, against local indexing) and searching (p50 and
 * p99 of the same mixed query set through both searchers, at 1 and 16 clients). Prints one table;
 * not thread-safe.
 */
public final class ClusterBench {
  private final PrintWriter out;

  public ClusterBench(PrintWriter out) {
    this.out = out;
  }

  /**
   * Runs it on {@code corpus}, with the cluster at {@code url} or (null) a local two-node cluster
   * started for the run, {@code seconds} per search measurement.
   */
  public void run(Path corpus, String url, Path work, double seconds, int perClass)
      throws IOException {
    Files.createDirectories(work);
    Path local = work.resolve("local-index");
    LocalCluster nodes = url == null ? LocalCluster.start(2, 0, null, Duration.ofMinutes(5)) : null;
    try {
      String where = url != null ? url : nodes.url();
      ClusterSettings settings = ClusterSettings.of(where).withIndexName("bench");
      Indexer.Summary locally = new Indexer().rebuild(corpus, local);
      Indexer.Summary loaded;
      try (ClusterIndex index = ClusterIndex.connect(settings)) {
        loaded = index.rebuild(corpus, new Indexer(), 2, 1);
      }
      row("index", "local", docsPerSecond(locally), locally.seconds());
      row(
          "index",
          "cluster (2 nodes, 2 shards x 2 copies)",
          docsPerSecond(loaded),
          loaded.seconds());
      List<SearchRequest> queries;
      try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(local))) {
        queries =
            QuerySet.draw(reader, perClass, 7).mix().stream().map(QuerySet.Entry::request).toList();
      }
      try (Searcher a = Searcher.open(local, Duration.ofMinutes(1));
          Searcher b = ClusterSearcher.connect(settings)) {
        for (int clients : new int[] {1, 16}) {
          // Warm both, then measure them one after the other.
          Load.run(queries, clients, seconds / 4, false, q -> a.search(q));
          Load.run(queries, clients, seconds / 4, false, q -> b.search(q));
          search("local", clients, Load.run(queries, clients, seconds, false, q -> a.search(q)));
          search("cluster", clients, Load.run(queries, clients, seconds, false, q -> b.search(q)));
        }
      }
    } finally {
      if (nodes != null) {
        nodes.close();
      }
    }
    out.flush();
  }

  private static double docsPerSecond(Indexer.Summary s) {
    return (s.articles() + s.quotes()) / Math.max(1e-9, s.seconds());
  }

  private void row(String what, String side, double perSecond, double seconds) {
    out.printf(Locale.ROOT, "%-7s %-40s %10.0f docs/s  (%.1f s)%n", what, side, perSecond, seconds);
    out.flush();
  }

  private void search(String side, int clients, Load.Result r) {
    out.printf(
        Locale.ROOT,
        "search  %-8s %2d client%s  p50 %7.2f ms  p99 %8.2f ms  %7.1f/s  %d calls, %d errors%n",
        side,
        clients,
        clients == 1 ? " " : "s",
        r.p50Ms(),
        r.p99Ms(),
        r.perSecond(),
        r.calls(),
        r.errors());
    out.flush();
  }
}
