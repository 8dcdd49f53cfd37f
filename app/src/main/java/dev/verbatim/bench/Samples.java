package dev.verbatim.bench;

import java.util.Arrays;

/** Order statistics over measurements. Stateless. */
final class Samples {
  private Samples() {}

  /** The median of {@code values}; NaN when empty. */
  static double median(double... values) {
    return percentile(values, 50);
  }

  /** The nearest-rank {@code p}th percentile of {@code values}; NaN when empty. */
  static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** Percentile of nanosecond latencies, in milliseconds. */
  static double percentileMs(long[] nanos, int count, double p) {
    double[] ms = new double[count];
    for (int i = 0; i < count; i++) {
      ms[i] = nanos[i] / 1e6;
    }
    return percentile(ms, p);
  }
}
