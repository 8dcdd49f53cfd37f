package dev.verbatim.index.spi;

import dev.verbatim.index.Indexer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Runs an {@link Indexer} into an {@link IndexTarget} other than a local index folder: how the
 * cluster backend loads a corpus. Stateless and thread-safe. Not API: the module does not export
 * this package; programs index with {@link Indexer#rebuild} and {@link Indexer#update}.
 */
public final class Indexing {
  private static volatile Run run;

  private Indexing() {}

  /**
   * The indexer's side of this class, which needs its settings: {@link Indexer} hands it over once,
   * when the class is initialised, which any call here that passes an indexer comes after.
   */
  @FunctionalInterface
  public interface Run {
    /** As {@link Indexing#into}. */
    Indexer.Summary into(Indexer indexer, Path corpus, IndexTarget target) throws IOException;
  }

  /** For {@link Indexer} only; a second call fails. */
  public static synchronized void handOver(Run r) {
    if (run != null) {
      throw new IllegalStateException("the indexer's side is already handed over");
    }
    run = Objects.requireNonNull(r, "run");
  }

  /**
   * Brings {@code target} up to date with {@code corpus} as {@code indexer} is set up: reads the
   * files that are new or changed since the target's last finished run (all of them for a target
   * that starts empty), removes the articles of files that are gone, and {@link IndexTarget#finish
   * finishes} the target once at the end. The target stays open: its owner closes it.
   *
   * @throws IOException when the corpus folder is missing or the target cannot be written
   */
  public static Indexer.Summary into(Indexer indexer, Path corpus, IndexTarget target)
      throws IOException {
    return run.into(indexer, corpus, target);
  }
}
