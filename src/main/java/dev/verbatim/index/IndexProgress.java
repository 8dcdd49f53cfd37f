package dev.verbatim.index;

/**
 * Receives the progress of an indexing run (for a progress bar or log lines). The indexer calls it
 * from one thread at a time, a few times a second, so implementations need not be thread-safe.
 */
public interface IndexProgress {
  /** Reports nothing. */
  IndexProgress NONE =
      new IndexProgress() {
        @Override
        public void started(int files, long bytes) {}

        @Override
        public void advanced(int files, long bytes, long articles) {}
      };

  /**
   * The run knows its work: {@code files} corpus files holding {@code bytes} bytes are new or have
   * a new size or time (files known to be unchanged are not counted; a file whose content turns out
   * the same counts as done when it has been checked).
   */
  void started(int files, long bytes);

  /**
   * So far {@code files} files and {@code bytes} bytes are read and {@code articles} articles
   * indexed.
   */
  void advanced(int files, long bytes, long articles);

  /** The run is over (committed or failed); called once, after the last {@link #advanced}. */
  default void finished() {}
}
