package dev.verbatim.hostile;

import java.util.Arrays;

/** Request latencies from many threads, summarized as max and percentiles. Thread-safe. */
final class Timings {
  private long[] nanos = new long[1024];
  private int size;

  synchronized void add(long elapsedNanos) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = elapsedNanos;
  }

  synchronized int count() {
    return size;
  }

  synchronized long countOver(long limitNanos) {
    return Arrays.stream(nanos, 0, size).filter(n -> n > limitNanos).count();
  }

  /** The {@code p}-th percentile (0 to 100) in milliseconds; 0 when nothing was timed. */
  synchronized double percentileMillis(double p) {
    if (size == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size) - 1;
    return sorted[Math.max(0, Math.min(size - 1, rank))] / 1e6;
  }

  double maxMillis() {
    return percentileMillis(100);
  }
}
