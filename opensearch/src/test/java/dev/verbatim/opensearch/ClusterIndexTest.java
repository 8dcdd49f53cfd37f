package dev.verbatim.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.index.Indexer;
import dev.verbatim.index.schema.Schema;
import dev.verbatim.search.Searcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a corpus into a real two-node cluster: the same documents as the local index. */
class ClusterIndexTest {
  @TempDir Path tmp;

  private static ClusterIndex connect(String name) throws Exception {
    return ClusterIndex.connect(ClusterSettings.of(SharedCluster.url()).withIndexName(name));
  }

  @Test
  void loadsWhatTheLocalIndexHolds() throws Exception {
    Path corpus = Path.of("src/test/resources/fixture-corpus");
    Path local = tmp.resolve("local");
    Indexer.Summary expected = new Indexer(1).rebuild(corpus, local);
    try (ClusterIndex index = connect("fixture");
        Searcher searcher = Searcher.open(local)) {
      Indexer.Summary loaded = index.rebuild(corpus, new Indexer(2), 2, 1);
      assertEquals(expected.articles(), loaded.articles());
      assertEquals(expected.quotes(), loaded.quotes());
      Searcher.Stats stats = searcher.stats();
      assertEquals(stats.articles(), count(index, Schema.TYPE_ARTICLE));
      assertEquals(stats.quotes(), count(index, Schema.TYPE_QUOTE));
    }
  }

  @Test
  void updatesOnlyChangedFilesAndSwapsTheAliasOnRebuild() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(corpus.resolve("a.txt"), "Crane arrives\n\n“It is late,” said the mayor.");
    Files.writeString(corpus.resolve("b.txt"), "Library opens\n\nThe library opened at dawn.");
    Path local = tmp.resolve("local");
    try (ClusterIndex index = connect("updates")) {
      Indexer.Summary first = index.update(corpus, new Indexer(2));
      assertEquals(2, first.files());
      List<String> built = index.indicesBehindAlias();
      assertEquals(1, built.size());
      assertSameCounts(index, new Indexer(1).update(corpus, local), local);

      Indexer.Summary same = index.update(corpus, new Indexer(2));
      assertEquals(0, same.files());
      assertEquals(2, same.unchanged());

      Files.writeString(
          corpus.resolve("a.txt"), "Crane arrives\n\n“It is very late,” said the mayor. “Sorry.”");
      Files.setLastModifiedTime(corpus.resolve("a.txt"), FileTime.fromMillis(1_000_000));
      Files.delete(corpus.resolve("b.txt"));
      Indexer.Summary changed = index.update(corpus, new Indexer(2));
      assertEquals(1, changed.files());
      assertEquals(1, changed.deleted());
      assertEquals(built, index.indicesBehindAlias(), "an update loads into the same index");
      assertSameCounts(index, new Indexer(1).update(corpus, local), local);

      index.rebuild(corpus, new Indexer(2), 1, 1);
      List<String> rebuilt = index.indicesBehindAlias();
      assertEquals(1, rebuilt.size());
      assertNotEquals(built, rebuilt, "a rebuild loads a new index and moves the alias");
      assertTrue(!index.cluster().exists("/" + built.get(0)), "the index it replaced is deleted");
      assertSameCounts(index, new Indexer(1).rebuild(corpus, local), local);
    }
  }

  private static void assertSameCounts(ClusterIndex index, Indexer.Summary run, Path local)
      throws Exception {
    try (Searcher searcher = Searcher.open(local)) {
      assertEquals(searcher.stats().articles(), count(index, Schema.TYPE_ARTICLE));
      assertEquals(searcher.stats().quotes(), count(index, Schema.TYPE_QUOTE));
    }
  }

  private static long count(ClusterIndex index, String type) throws Exception {
    String query = type == null ? "" : "?q=" + Schema.TYPE + ":" + type;
    JsonNode answer = index.cluster().call("GET", "/" + index.alias() + "/_count" + query, null);
    return answer.path("count").asLong();
  }
}
