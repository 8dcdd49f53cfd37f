package dev.verbatim.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a workload from several threads for a fixed time and records each call's latency. Not
 * thread-safe itself; one {@link #run} at a time.
 */
final class Load {
  /** One unit of work, e.g. a search; a thrown exception counts as an error. */
  interface Call<T> {
    void run(T item) throws Exception;
  }

  /** Thrown by a call the server turned away on purpose (503): shed load, not an error. */
  static final class Shed extends Exception {
    Shed(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * What a run measured.
   *
   * @param p50Ms median latency of the calls answered (neither shed nor failed)
   * @param p99Ms 99th-percentile latency of the calls answered
   * @param perSecond calls answered per second of wall time
   * @param calls calls answered
   * @param errors calls that failed
   * @param shed calls the server turned away (503)
   * @param cpuMsPerCall CPU time of the whole process over the run, per call answered
   * @param clientCpuMsPerCall CPU time of a client in another process (wrk), per completed call;
   *     NaN when the calls came from this process, whose CPU then counts in {@code cpuMsPerCall}
   */
  record Result(
      double p50Ms,
      double p99Ms,
      double perSecond,
      long calls,
      long errors,
      long shed,
      double cpuMsPerCall,
      double clientCpuMsPerCall) {}

  private Load() {}

  /**
   * Runs {@code call} over {@code items} round-robin from {@code workers} threads for {@code
   * seconds}; each worker starts at its own place in the list so they do not run in lockstep.
   */
  static <T> Result run(List<T> items, int workers, double seconds, boolean virtual, Call<T> call) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("no items to run");
    }
    ThreadFactory threads =
        virtual ? Thread.ofVirtual().factory() : Thread.ofPlatform().daemon().factory();
    AtomicLong errors = new AtomicLong();
    AtomicLong shed = new AtomicLong();
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    long start = System.nanoTime();
    long cpuStart = CpuClock.nanos();
    List<Future<long[]>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newThreadPerTaskExecutor(threads)) {
      for (int w = 0; w < workers; w++) {
        int first = (int) ((long) w * items.size() / workers);
        futures.add(pool.submit(() -> loop(items, first, deadline, call, errors, shed)));
      }
      List<long[]> all = new ArrayList<>();
      int total = 0;
      for (Future<long[]> f : futures) {
        long[] latencies = f.get();
        all.add(latencies);
        total += latencies.length;
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      double cpuMs = (CpuClock.nanos() - cpuStart) / 1e6;
      long[] merged = new long[total];
      int at = 0;
      for (long[] l : all) {
        System.arraycopy(l, 0, merged, at, l.length);
        at += l.length;
      }
      return new Result(
          Samples.percentileMs(merged, total, 50),
          Samples.percentileMs(merged, total, 99),
          total / elapsed,
          total,
          errors.get(),
          shed.get(),
          cpuMs / Math.max(1, total),
          Double.NaN);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("load run interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("load worker failed: " + e.getCause(), e.getCause());
    }
  }

  private static <T> long[] loop(
      List<T> items, int first, long deadline, Call<T> call, AtomicLong errors, AtomicLong shed) {
    long[] latencies = new long[1024];
    int n = 0;
    int i = first;
    // At least one call per worker: on a busy machine a worker may start after a short run's
    // deadline, and a run with no call measured nothing (a rate of 0, a ratio of 0).
    boolean started = false;
    while (!started || System.nanoTime() < deadline) {
      started = true;
      T item = items.get(i);
      i = (i + 1) % items.size();
      long t0 = System.nanoTime();
      try {
        call.run(item);
      } catch (Shed e) {
        shed.incrementAndGet();
        continue;
      } catch (Exception e) {
        errors.incrementAndGet();
        continue;
      }
      if (n == latencies.length) {
        latencies = Arrays.copyOf(latencies, n * 2);
      }
      latencies[n++] = System.nanoTime() - t0;
    }
    return Arrays.copyOf(latencies, n);
  }
}
