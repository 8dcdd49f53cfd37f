package dev.verbatim.corpus.lines;

/**
 * Receives batches from {@link JsonLines#readLines}, on the reading thread; may block, for
 * back-pressure. Called from one thread, so an implementation need not be thread-safe.
 */
@FunctionalInterface
public interface LineSink {
  /** Takes one batch. */
  void accept(LineBatch batch) throws InterruptedException;
}
