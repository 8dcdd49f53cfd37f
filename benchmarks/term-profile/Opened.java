package dev.verbatim.bench;

import dev.verbatim.search.Searcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * What the harnesses of this folder share (not part of the build): one index opened both ways, the
 * bench's queries drawn from it (50 per class, seed 42) and the bench's two sides over it.
 */
record Opened(
    Directory dir, DirectoryReader reader, Searcher searcher, QuerySet queries, SearchBench bench)
    implements AutoCloseable {
  static Opened of(Path index, PrintWriter out) throws IOException {
    Directory dir = FSDirectory.open(index);
    DirectoryReader reader = DirectoryReader.open(dir);
    Searcher searcher = Searcher.open(index);
    QuerySet queries = QuerySet.draw(reader, 50, 42);
    return new Opened(
        dir, reader, searcher, queries, new SearchBench(searcher, new IndexSearcher(reader), out));
  }

  @Override
  public void close() throws IOException {
    searcher.close();
    reader.close();
    dir.close();
  }
}
