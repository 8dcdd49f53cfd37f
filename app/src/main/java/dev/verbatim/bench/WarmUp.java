package dev.verbatim.bench;

import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * Runs a load round after round until the JIT has settled, so that a timed run measures compiled
 * code and not the compiler. A fixed warm-up did not do on the 1M index: after 2 s the JIT's
 * compiler threads still took 0.35 to 1 core through the first timed search rows, and after 8 s
 * 0.41 ms of each HTTP request. Stateless.
 */
final class WarmUp {
  /** Settled: the compilers ran for less than this share of a round's wall time. */
  static final double SETTLED = 0.02;

  private WarmUp() {}

  /** How long the warm-up ran and the compilers' share of its last round. */
  record Figures(double seconds, int rounds, double jitShare) {
    /** For the table's notes. */
    String describe() {
      return Double.isNaN(jitShare)
          ? String.format(
              Locale.ROOT, "%.1f s (%d rounds; this JVM reports no JIT time)", seconds, rounds)
          : String.format(
              Locale.ROOT,
              "%.1f s (%d rounds), JIT %.1f%% of the last round's wall time",
              seconds,
              rounds,
              100 * jitShare);
    }
  }

  /**
   * Warms up for timed runs of {@code runSeconds}: rounds of a quarter run (at least 0.25 s), given
   * to {@code round} as their length in seconds, for at least one run's time (at least 2 s), then
   * until the JIT settles, at most thirty runs' time (at most 120 s).
   */
  static Figures forRuns(double runSeconds, DoubleConsumer round) {
    double roundSeconds = Math.max(0.25, runSeconds / 4);
    double min = Math.max(2, runSeconds);
    double max = Math.max(min, Math.min(120, 30 * runSeconds));
    return untilSettled(() -> round.accept(roundSeconds), min, max);
  }

  /**
   * Runs {@code round} at least for {@code minSeconds}, then until one round's compile time is
   * below {@link #SETTLED} of its wall time, and at most for {@code maxSeconds} (a JIT that never
   * settles is reported, not waited for).
   */
  static Figures untilSettled(Runnable round, double minSeconds, double maxSeconds) {
    boolean timed = CpuClock.jitMillis() >= 0;
    long start = System.nanoTime();
    int rounds = 0;
    while (true) {
      long roundStart = System.nanoTime();
      long compiledBefore = CpuClock.jitMillis();
      round.run();
      rounds++;
      long now = System.nanoTime();
      double share =
          timed ? (CpuClock.jitMillis() - compiledBefore) / ((now - roundStart) / 1e6) : Double.NaN;
      double elapsed = (now - start) / 1e9;
      boolean settled = !timed || share < SETTLED;
      if ((elapsed >= minSeconds && settled) || elapsed >= maxSeconds) {
        return new Figures(elapsed, rounds, share);
      }
    }
  }
}
