package dev.verbatim.index;

import dev.verbatim.index.schema.Schema;
import dev.verbatim.index.spi.IndexTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOConsumer;

/**
 * A local index folder as an {@link IndexTarget}: one {@link IndexWriter}, committed once at {@link
 * #finish}; the previous commit answers what the last run recorded. Thread-safe as the writer is.
 */
final class FolderTarget implements IndexTarget {
  private static final Set<String> NEAR_FIELDS = Set.of(Schema.FINGERPRINT, Schema.TEXT);

  private final Directory dir;
  private final IndexWriter writer;
  private final FileStates recorded;
  // The last commit, for the grouper's look-ups of earlier runs' quotes; null when fresh.
  private final DirectoryReader committed;
  private final IndexSearcher searcher;

  private FolderTarget(
      Directory dir, IndexWriter writer, FileStates recorded, DirectoryReader committed) {
    this.dir = dir;
    this.writer = writer;
    this.recorded = recorded;
    this.committed = committed;
    this.searcher = committed == null ? null : new IndexSearcher(committed);
  }

  static FolderTarget open(Path index, boolean fresh) throws IOException {
    Files.createDirectories(index);
    Directory dir = FSDirectory.open(index);
    IndexWriter writer = null;
    FileStates recorded = null;
    try {
      writer = openWriter(dir, index, fresh);
      recorded = fresh ? FileStates.none() : FileStates.open(dir);
      DirectoryReader committed =
          !fresh && DirectoryReader.indexExists(dir) ? DirectoryReader.open(dir) : null;
      return new FolderTarget(dir, writer, recorded, committed);
    } catch (IOException | RuntimeException e) {
      closeQuietly(recorded, e);
      closeQuietly(writer, e);
      closeQuietly(dir, e);
      throw e;
    }
  }

  private static void closeQuietly(java.io.Closeable c, Exception failure) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private static IndexWriter openWriter(Directory dir, Path index, boolean fresh)
      throws IOException {
    IndexWriterConfig config = Indexer.writerConfig();
    if (!fresh) {
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    }
    try {
      return new IndexWriter(dir, config);
    } catch (LockObtainFailedException e) {
      throw new IOException(
          "another indexing run is using "
              + index
              + " (its write.lock is held); wait for it to finish",
          e);
    }
  }

  @Override
  public Recorded recordedState(String path) throws IOException {
    // The term dictionary is walked by one thread at a time (FileStates is not thread-safe).
    synchronized (recorded) {
      FileStates.State state = recorded.get(path);
      return state == null ? null : new Recorded(state.term(), state.modified());
    }
  }

  @Override
  public void touched(String state, long modified) throws IOException {
    writer.updateNumericDocValue(
        new Term(Schema.FILE_STATE, state), Schema.FILE_MODIFIED, modified);
  }

  @Override
  public boolean broken() {
    return writer.getTragicException() != null || !writer.isOpen();
  }

  @Override
  public void forEachRecordedPath(IOConsumer<String> action) throws IOException {
    synchronized (recorded) {
      recorded.forEachPath(action);
    }
  }

  @Override
  public List<Document> nearQuotes(List<BytesRef> keys, int maxPerKey) throws IOException {
    if (searcher == null) {
      return List.of();
    }
    List<Document> docs = new ArrayList<>();
    for (BytesRef key : keys) {
      TermQuery query = new TermQuery(new Term(Schema.NEAR_KEY, key));
      for (ScoreDoc hit : searcher.search(query, maxPerKey).scoreDocs) {
        docs.add(searcher.storedFields().document(hit.doc, NEAR_FIELDS));
      }
    }
    return docs;
  }

  @Override
  public void add(List<Document> block) throws IOException {
    writer.addDocuments(block);
  }

  @Override
  public void deleteFile(String path) throws IOException {
    writer.deleteDocuments(new Term(Schema.FILE, path));
  }

  /**
   * Each worker flushes one buffered segment as it finishes, so the last segments are written in
   * parallel; left to the commit, they would all be written by the one committing thread (about 40%
   * of a Reuters-sized run, measured with JFR).
   */
  @Override
  public void workerDone() throws IOException {
    writer.flushNextBuffer();
  }

  @Override
  public void finish() throws IOException {
    writer.commit();
  }

  @Override
  public void close() throws IOException {
    try (dir;
        writer;
        recorded;
        DirectoryReader c = committed) {
      // closed in reverse order
    }
  }
}
