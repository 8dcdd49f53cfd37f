package dev.verbatim.index.spi;

import dev.verbatim.index.schema.Schema;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOConsumer;

/**
 * Where an indexing run writes the documents it makes, and what it asks about the previous run: a
 * local index folder, or a search cluster (the {@code verbatim-opensearch} module). The {@code
 * Indexer} reads, extracts and groups; a target stores. Documents are those of {@link Schema}, as
 * Lucene {@link Document}s, whatever the target does with them. An implementation must be
 * thread-safe: the indexer's workers call {@link #add} concurrently.
 */
public interface IndexTarget extends Closeable {
  /**
   * What the last finished run recorded for a file: its {@link Schema#FILE_STATE} value as indexed,
   * and its modification time, later than the value's when the file was touched since without
   * changing ({@link #touched}).
   */
  record Recorded(String state, long modified) {}

  /**
   * What was recorded for the corpus-relative {@code path}, or null when nothing was (a new file,
   * or a target that starts empty).
   */
  Recorded recordedState(String path) throws IOException;

  /**
   * Notes that the file recorded as {@code state} was touched, not changed: its modification time
   * is now {@code modified}, so later runs need not read it again. A target that cannot record it
   * may do nothing (the file is then hashed again next time).
   */
  default void touched(String state, long modified) throws IOException {}

  /** Whether the target can take no more documents (a failed disk, a failed load). */
  default boolean broken() {
    return false;
  }

  /** Calls {@code action} once per corpus-relative path that has a recorded state. */
  void forEachRecordedPath(IOConsumer<String> action) throws IOException;

  /**
   * Quote documents of the last finished run filed under any of the {@link Schema#NEAR_KEY} {@code
   * keys}, up to {@code maxPerKey} per key, each with at least its stored {@link Schema#TEXT} and
   * {@link Schema#FINGERPRINT}; empty for a target that starts empty. One call per quote, so a
   * remote target answers it in one request.
   */
  List<Document> nearQuotes(List<BytesRef> keys, int maxPerKey) throws IOException;

  /** Stores an article and its quotes, together ({@code block.get(0)} is the article). */
  void add(List<Document> block) throws IOException;

  /**
   * Removes the documents the last finished run stored for the corpus-relative {@code path}; those
   * {@link #add}ed in this run stay.
   */
  void deleteFile(String path) throws IOException;

  /** Called by each worker when it has no more documents: a chance to write out its buffers. */
  default void workerDone() throws IOException {}

  /** Makes everything this run stored and deleted visible at once. */
  void finish() throws IOException;
}
