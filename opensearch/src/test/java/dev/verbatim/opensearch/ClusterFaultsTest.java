package dev.verbatim.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.index.Indexer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a load does when the cluster is down, a name is taken, or a node dies under it. */
class ClusterFaultsTest {
  private static final int ARTICLES = 6_000;

  private static LocalCluster nodes;

  @TempDir Path tmp;

  @BeforeAll
  static void startCluster() throws Exception {
    nodes = LocalCluster.start(2, 0, null, Duration.ofMinutes(3));
  }

  @AfterAll
  static void stopCluster() {
    if (nodes != null) {
      nodes.close();
    }
  }

  @Test
  void aClusterThatIsDownIsNamedWithWhatToDo() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    IOException e =
        assertThrows(
            IOException.class,
            () -> ClusterIndex.connect(ClusterSettings.of("http://127.0.0.1:" + port)));
    assertTrue(
        e.getMessage().startsWith("cannot reach the cluster at http://127.0.0.1:" + port),
        e.getMessage());
    assertTrue(e.getMessage().contains("verbatim opensearch-node"), e.getMessage());
  }

  @Test
  void aMissingIndexIsNamedWithHowToLoadIt() {
    IOException e =
        assertThrows(
            IOException.class,
            () -> ClusterSearcher.connect(ClusterSettings.of(nodes.url()).withIndexName("absent")));
    assertEquals(
        "no index absent on the cluster at "
            + nodes.url()
            + "; run `verbatim index --opensearch "
            + nodes.url()
            + "` first",
        e.getMessage());
  }

  @Test
  void anIndexWhereTheAliasShouldBeIsRefused() throws Exception {
    try (ClusterIndex index =
        ClusterIndex.connect(ClusterSettings.of(nodes.url()).withIndexName("taken"))) {
      index.cluster().call("PUT", "/taken", null);
      IOException e =
          assertThrows(IOException.class, () -> index.update(Path.of("corpus"), new Indexer(1)));
      assertTrue(e.getMessage().contains("an index (not an alias) named taken"), e.getMessage());
    }
  }

  /**
   * The data node is stopped while the bulk load runs (the cluster manager stays): the load either
   * finishes with every document, replicas taking over, or fails with the cluster's reason and
   * leaves the alias where it was. It must never leave part of the load searchable.
   */
  @Test
  void aNodeStoppedMidLoadLeavesAWholeIndexOrTheOldOne() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    writeCorpus(corpus.resolve("feed.jsonl"));
    AtomicBoolean stopped = new AtomicBoolean();
    List<Thread> stopper = new ArrayList<>();
    Indexer.Progress stopNodeMidway =
        new Indexer.Progress() {
          @Override
          public void started(int files, long bytes) {}

          @Override
          public void advanced(int files, long bytes, long articles) {
            if (articles >= ARTICLES / 4 && stopped.compareAndSet(false, true)) {
              Thread t = new Thread(() -> nodes.stopNode(1), "stop-node-2");
              stopper.add(t);
              t.start();
            }
          }
        };
    try (ClusterIndex index =
        ClusterIndex.connect(ClusterSettings.of(nodes.url()).withIndexName("faults"))) {
      Indexer.Summary summary = null;
      IOException failure = null;
      try {
        summary = index.rebuild(corpus, new Indexer(2).withProgress(stopNodeMidway), 2, 1);
      } catch (IOException e) {
        failure = e;
      }
      for (Thread t : stopper) {
        t.join();
      }
      assertTrue(stopped.get(), "the node was stopped during the load");
      if (failure == null) {
        assertEquals(ARTICLES, summary.articles());
        long docs = index.cluster().call("GET", "/faults/_count", null).path("count").asLong();
        assertEquals(summary.articles() + summary.quotes(), docs);
        System.out.println(
            "node stopped mid-load: finished, "
                + docs
                + " documents, "
                + index.lastRetried()
                + " retried");
      } else {
        assertTrue(failure.getMessage().contains("faults was not created"), failure.getMessage());
        assertTrue(index.indicesBehindAlias().isEmpty());
        System.out.println("node stopped mid-load: failed clearly: " + failure.getMessage());
      }
    }
  }

  private static void writeCorpus(Path file) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < ARTICLES; i++) {
      lines.append(
          String.format(
              "{\"id\":\"a%d\",\"title\":\"Harbour report %d\",\"date\":\"2019-02-%02d\","
                  + "\"source\":\"Wire %d\",\"text\":\"The crane number %d arrived by barge. "
                  + "\\u201cWe waited for crane %d all winter,\\u201d said Jane Roe, the harbour"
                  + " master. Work starts on Monday.\"}\n",
              i, i, 1 + i % 28, i % 7, i, i));
    }
    Files.writeString(file, lines);
  }
}
