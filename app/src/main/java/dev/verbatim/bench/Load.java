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

  /**
   * What a run measured.
   *
   * @param p50Ms median latency
   * @param p99Ms 99th-percentile latency
   * @param perSecond completed calls per second of wall time
   * @param calls calls completed
   * @param errors calls that threw
   * @param cpuMsPerCall CPU time of the whole process over the run, per completed call
   * @param clientCpuMsPerCall CPU time of a client in another process (wrk), per completed call;
   *     NaN when the calls came from this process, whose CPU then counts in {@code cpuMsPerCall}
   */
  record Result(
      double p50Ms,
      double p99Ms,
      double perSecond,
      long calls,
      long errors,
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
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    long start = System.nanoTime();
    long cpuStart = CpuClock.nanos();
    List<Future<long[]>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newThreadPerTaskExecutor(threads)) {
      for (int w = 0; w < workers; w++) {
        int first = (int) ((long) w * items.size() / workers);
        futures.add(pool.submit(() -> loop(items, first, deadline, call, errors)));
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
      List<T> items, int first, long deadline, Call<T> call, AtomicLong errors) {
    long[] latencies = new long[1024];
    int n = 0;
    int i = first;
    while (System.nanoTime() < deadline) {
      T item = items.get(i);
      i = (i + 1) % items.size();
      long t0 = System.nanoTime();
      try {
        call.run(item);
      } catch (Exception e) {
        errors.incrementAndGet();
      }
      if (n == latencies.length) {
        latencies = Arrays.copyOf(latencies, n * 2);
      }
      latencies[n++] = System.nanoTime() - t0;
    }
    return Arrays.copyOf(latencies, n);
  }
}
