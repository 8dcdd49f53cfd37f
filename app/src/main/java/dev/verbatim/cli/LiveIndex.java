package dev.verbatim.cli;

import dev.verbatim.index.Indexer;
import dev.verbatim.search.Searcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keeps a running server's searcher current: refreshes it periodically so commits made by any
 * {@code verbatim index} run become visible without a restart, and optionally watches the corpus
 * folder and reindexes (incrementally) once changes have settled. Close it to stop both.
 */
final class LiveIndex implements AutoCloseable {
  static final long REFRESH_MILLIS = 1000;

  /** Changes closer together than this are one reindex (an editor save, a copied folder). */
  static final long DEBOUNCE_MILLIS = 1000;

  private final Searcher searcher;
  private final PrintWriter log;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "verbatim-live-index");
            t.setDaemon(true);
            return t;
          });
  private WatchService watcher;
  private Thread watchThread;

  LiveIndex(Searcher searcher, PrintWriter log) {
    this.searcher = searcher;
    this.log = log;
  }

  /** Refreshes the searcher every {@link #REFRESH_MILLIS}. */
  LiveIndex refreshPeriodically() {
    scheduler.scheduleWithFixedDelay(
        this::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    return this;
  }

  /**
   * Reindexes {@code corpus} into {@code index} with {@code indexer} when files under it change.
   */
  LiveIndex watch(Path corpus, Path index, Indexer indexer) throws IOException {
    Path root =
        (Files.isDirectory(corpus)
                ? corpus
                : corpus.getParent() == null ? Path.of(".") : corpus.getParent())
            .toAbsolutePath()
            .normalize();
    Path indexDir = index.toAbsolutePath().normalize();
    watcher = FileSystems.getDefault().newWatchService();
    registerTree(root);
    watchThread =
        new Thread(
            () -> {
              try {
                while (true) {
                  WatchKey key = watcher.take();
                  boolean relevant = false;
                  // Drain whatever else arrives within the debounce window.
                  do {
                    for (var event : key.pollEvents()) {
                      if (event.context() instanceof Path p
                          && key.watchable() instanceof Path dir) {
                        Path changed = dir.resolve(p).toAbsolutePath().normalize();
                        // The index's own files must not trigger a reindex (an index inside the
                        // corpus).
                        relevant |= !changed.startsWith(indexDir);
                        if (Files.isDirectory(changed) && !changed.startsWith(indexDir)) {
                          registerTree(changed);
                        }
                      } else {
                        relevant = true; // overflow: events were lost, so look at everything
                      }
                    }
                    key.reset();
                    key = watcher.poll(DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
                  } while (key != null);
                  if (relevant) {
                    reindex(corpus, index, indexer);
                  }
                }
              } catch (InterruptedException | ClosedWatchServiceException stopped) {
                // close() ends the loop
              } catch (IOException e) {
                log.println("verbatim: stopped watching " + root + ": " + e.getMessage());
                log.flush();
              }
            },
            "verbatim-watch");
    watchThread.setDaemon(true);
    watchThread.start();
    return this;
  }

  private void reindex(Path corpus, Path index, Indexer indexer) {
    try {
      Indexer.Summary summary = indexer.update(corpus, index);
      IndexCommand.printSummary(log, summary, index);
      refresh();
    } catch (IOException e) {
      log.println("verbatim: reindex after a corpus change failed: " + e.getMessage());
      log.flush();
    }
  }

  private void refresh() {
    try {
      searcher.refresh();
    } catch (IOException | RuntimeException e) {
      // The next tick tries again; a server that cannot refresh still answers from its last view.
      log.println("verbatim: index refresh failed: " + e.getMessage());
      log.flush();
    }
  }

  private void registerTree(Path dir) throws IOException {
    try (Stream<Path> dirs = Files.walk(dir)) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        d.register(
            watcher,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
  }

  @Override
  public void close() throws IOException {
    scheduler.shutdownNow();
    if (watcher != null) {
      watcher.close();
    }
    if (watchThread != null) {
      watchThread.interrupt();
      try {
        watchThread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
