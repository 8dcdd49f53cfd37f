package dev.verbatim.cli;

import dev.verbatim.index.Indexer;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows an indexing run's progress: a progress bar (MB read, MB/s, files/s, ETA) on a terminal, a
 * plain line every two seconds otherwise (logs, pipes, CI). Called from one thread at a time.
 */
final class ConsoleProgress implements Indexer.Progress {
  private static final long LINE_INTERVAL_NANOS = 2_000_000_000L;

  private final PrintWriter lines;
  private final boolean bar;
  private ProgressBar progressBar;
  private int totalFiles;
  private long totalBytes;
  private long startNanos;
  private long lastLineNanos;

  /** Progress as a bar when {@code terminal}, else as lines on {@code lines}. */
  ConsoleProgress(PrintWriter lines, boolean terminal) {
    this.lines = lines;
    this.bar = terminal;
  }

  /** True when standard output is an interactive terminal, where a bar can redraw itself. */
  static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // Since Java 22 a console exists even when redirected; isTerminal() tells the two apart.
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException java21) {
      return true;
    }
  }

  @Override
  public void started(int files, long bytes) {
    totalFiles = files;
    totalBytes = bytes;
    startNanos = System.nanoTime();
    lastLineNanos = startNanos;
    if (bar) {
      progressBar =
          new ProgressBarBuilder()
              .setTaskName("indexing")
              .setInitialMax(Math.max(1, bytes))
              .setUnit(bytes >= 10_000_000 ? " MB" : " kB", bytes >= 10_000_000 ? 1_000_000 : 1_000)
              .showSpeed(new java.text.DecimalFormat("0.0"))
              .setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(250)
              .build();
    } else {
      lines.printf(Locale.ROOT, "indexing %d files (%.1f MB) ...%n", files, bytes / 1e6);
      lines.flush();
    }
  }

  @Override
  public void advanced(int files, long bytes, long articles) {
    long now = System.nanoTime();
    double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
    if (bar) {
      progressBar.stepTo(Math.min(bytes, Math.max(1, totalBytes)));
      progressBar.setExtraMessage(
          String.format(
              Locale.ROOT, " %d/%d files, %.0f files/s", files, totalFiles, files / seconds));
      return;
    }
    if (now - lastLineNanos < LINE_INTERVAL_NANOS) {
      return;
    }
    lastLineNanos = now;
    double bytesPerSecond = bytes / seconds;
    String eta =
        bytesPerSecond <= 0 || bytes == 0
            ? "?"
            : String.format(
                Locale.ROOT, "%.0f s", Math.max(0, totalBytes - bytes) / bytesPerSecond);
    lines.printf(
        Locale.ROOT,
        "indexing: %d/%d files, %.1f/%.1f MB (%.0f%%), %d articles, %.0f files/s, %.0f articles/s,"
            + " %.1f MB/s, ETA %s%n",
        files,
        totalFiles,
        bytes / 1e6,
        totalBytes / 1e6,
        totalBytes == 0 ? 100.0 : 100.0 * bytes / totalBytes,
        articles,
        files / seconds,
        articles / seconds,
        bytesPerSecond / 1e6,
        eta);
    lines.flush();
  }

  @Override
  public void finished() {
    if (progressBar != null) {
      progressBar.close();
      progressBar = null;
    }
  }
}
