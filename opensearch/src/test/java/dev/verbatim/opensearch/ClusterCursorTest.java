package dev.verbatim.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.index.Indexer;
import dev.verbatim.search.InvalidQueryException;
import dev.verbatim.search.SearchRequest;
import dev.verbatim.search.SearchResult;
import dev.verbatim.search.query.OffsetCursor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cursors on a cluster walk one point in time: a load between pages changes nothing the walk shows,
 * the last page closes it, and an expired one says to start again.
 */
class ClusterCursorTest {
  private static final SearchRequest ALL =
      SearchRequest.builder("").withLimit(3).withFacets(false).build();

  @TempDir Path tmp;

  @Test
  void aWalkKeepsItsViewWhileALoadChangesTheIndex() throws Exception {
    Path corpus = tmp.resolve("corpus");
    ClusterSettings settings = seeded("cursors", corpus);
    try (ClusterIndex index = ClusterIndex.connect(settings);
        ClusterSearcher searcher = ClusterSearcher.connect(settings, Duration.ofMinutes(1))) {
      List<String> before = ids(ParityTest.walk(searcher, ALL));

      SearchResult first = searcher.search(ALL);
      SearchResult second = searcher.search(next(first));
      assertNotNull(second.nextCursor(), "the walk should go on past page 2");
      Files.copy(
          Path.of("src/test/resources/results-corpus/news.jsonl"), corpus.resolve("news.jsonl"));
      index.update(corpus, new Indexer(1));
      assertTrue(searcher.search(ALL).total() > first.total(), "the load should add results");

      List<SearchResult> walked = new ArrayList<>(List.of(first, second));
      SearchResult page = second;
      while (page.nextCursor() != null) {
        page = searcher.search(next(page));
        walked.add(page);
        assertEquals(first.total(), page.total(), "a page of the walk counts the old view");
      }
      assertEquals(before, ids(walked));

      // The last page closed the point in time: an earlier cursor of the walk now ends clearly.
      SearchRequest stale = next(walked.get(walked.size() - 2));
      InvalidQueryException e =
          assertThrows(InvalidQueryException.class, () -> searcher.search(stale));
      assertTrue(e.getMessage().contains("start again without a cursor"), e.getMessage());
    }
  }

  @Test
  void anExpiredCursorSaysToStartAgain() throws Exception {
    ClusterSettings settings = seeded("expiring", tmp.resolve("corpus"));
    try (ClusterSearcher searcher = ClusterSearcher.connect(settings, Duration.ofMinutes(1));
        Cluster cluster = Cluster.connect(settings)) {
      SearchResult second = searcher.search(next(searcher.search(ALL)));
      String pit = OffsetCursor.snapshot(next(second));
      assertNotNull(pit, "a cursor past page 1 holds its point in time");
      // What the cluster does when the keep-alive runs out, without waiting for it.
      cluster.call(
          "DELETE",
          "/_search/point_in_time",
          Cluster.object().set("pit_id", Cluster.array(List.of(pit))));
      InvalidQueryException e =
          assertThrows(InvalidQueryException.class, () -> searcher.search(next(second)));
      assertEquals(
          "this cursor has expired (a cursor lasts 5m after its page on a cluster); start again"
              + " without a cursor",
          e.getMessage());
      assertEquals(ParityTest.walk(searcher, ALL).size(), 6, "a fresh walk works");
    }
  }

  /**
   * The index {@code name} (two shards) loaded from a copy of the seed corpus in {@code corpus}.
   */
  private static ClusterSettings seeded(String name, Path corpus) throws java.io.IOException {
    Files.createDirectories(corpus);
    try (var files = Files.list(Path.of("corpus"))) {
      for (Path f : files.toList()) {
        Files.copy(f, corpus.resolve(f.getFileName()));
      }
    }
    ClusterSettings settings = ClusterSettings.of(SharedCluster.url()).withIndexName(name);
    try (ClusterIndex index = ClusterIndex.connect(settings)) {
      index.rebuild(corpus, new Indexer(1), 2, 0);
    }
    return settings;
  }

  private static SearchRequest next(SearchResult page) {
    return ALL.toBuilder().withCursor(page.nextCursor()).build();
  }

  private static List<String> ids(List<SearchResult> pages) {
    List<String> ids = new ArrayList<>();
    pages.forEach(p -> p.hits().forEach(h -> ids.add(h.id())));
    return ids;
  }
}
