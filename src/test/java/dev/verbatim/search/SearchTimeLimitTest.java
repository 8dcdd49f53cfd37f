package dev.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.index.Indexer;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The time limit on a real on-disk index. */
class SearchTimeLimitTest {
  @TempDir Path indexDir;

  @Test
  void anExpiredLimitStopsCollectingAndSaysSo() throws Exception {
    new Indexer(1).rebuild(Path.of(getClass().getResource("/fixture-corpus").toURI()), indexDir);
    try (Directory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher shared = new IndexSearcher(reader);
      int all = reader.numDocs();

      IndexSearcher generous = new SearchTimeLimit(Duration.ofSeconds(30)).bounded(shared);
      TopDocs everything = generous.search(new MatchAllDocsQuery(), 1000);
      assertFalse(generous.timedOut());
      assertEquals(all, everything.scoreDocs.length);
      assertSame(shared.getSimilarity(), generous.getSimilarity());
      assertSame(reader, generous.getIndexReader());

      IndexSearcher expired = new SearchTimeLimit(Duration.ZERO).bounded(shared);
      Thread.sleep(2);
      TopDocs partial = expired.search(new MatchAllDocsQuery(), 1000);
      assertTrue(expired.timedOut());
      assertTrue(partial.scoreDocs.length < all, partial.scoreDocs.length + " of " + all);
      assertFalse(shared.timedOut(), "the shared searcher is untouched");
    }
  }

  @Test
  void aNegativeLimitIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new SearchTimeLimit(Duration.ofMillis(-1)));
    assertTrue(e.getMessage().contains("PT-0.001S"), e.getMessage());
  }
}
