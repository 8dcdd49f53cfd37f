package dev.verbatim.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOConsumer;

/**
 * Where an indexing run writes the documents it makes, and what it asks about the previous run: a
 * local index folder ({@link #folder}), or a search cluster (the {@code verbatim-opensearch}
 * module). The {@link Indexer} reads, extracts and groups; a target stores. Documents are those of
 * {@link Schema}, as Lucene {@link Document}s, whatever the target does with them. An
 * implementation must be thread-safe: the indexer's workers call {@link #add} concurrently.
 */
public interface IndexTarget extends Closeable {
  /**
   * The {@link Schema#FILE_STATE} value recorded for the corpus-relative {@code path} by the last
   * finished run, or null when there is none (a new file, or a target that starts empty).
   */
  String recordedState(String path) throws IOException;

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

  /**
   * The index in the folder {@code index}, created if missing; {@code fresh} replaces what was
   * there (in one commit at {@link #finish}), otherwise the run updates it.
   *
   * @throws IOException when the folder cannot be written or another run holds its write lock
   */
  static IndexTarget folder(java.nio.file.Path index, boolean fresh) throws IOException {
    return FolderTarget.open(index, fresh);
  }
}
