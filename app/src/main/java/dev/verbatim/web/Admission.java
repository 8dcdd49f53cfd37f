package dev.verbatim.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many searches the server runs at once and how many may wait: past both a request is turned
 * away at once (the handler answers 503), so an overloaded server answers every admitted request in
 * bounded time instead of queueing without end. Thread-safe.
 */
final class Admission {
  /**
   * A request that waits longer than this for a turn is turned away too: a safety net behind a
   * stuck search. Load is shed by the queue's length; a bound of a few hundred ms also shed 8
   * connections on a machine starved by other work (load average 20 on 2 cores, searches taking 400
   * ms), where slow answers are better than refusals.
   */
  static final Duration MAX_WAIT = Duration.ofSeconds(2);

  private final Semaphore running;
  private final int maxWaiting;
  private final long maxWaitNanos;
  private final AtomicInteger waiting = new AtomicInteger();

  /**
   * At most {@code concurrent} searches at once, {@code maxWaiting} more waiting up to {@code
   * maxWait} for a turn.
   */
  Admission(int concurrent, int maxWaiting, Duration maxWait) {
    if (concurrent < 1 || maxWaiting < 0) {
      throw new IllegalArgumentException(
          "concurrent must be >= 1 and maxWaiting >= 0, got " + concurrent + ", " + maxWaiting);
    }
    this.running = new Semaphore(concurrent, true);
    this.maxWaiting = maxWaiting;
    this.maxWaitNanos = maxWait.toNanos();
  }

  /**
   * One search per core plus one, and a queue of eight per core: 16 connections on two cores are
   * all served, a burst beyond is shed. The extra search keeps the cores busy while a finished
   * search's thread writes its answer and the next waiting thread wakes up: on two cores, wrk at 16
   * connections on the 1M index kept 17% of the CPU idle with 2 at once (450 req/s), 6% with 3 (543
   * req/s); 4 did no better (513 req/s), and 16 at once lost to contention (428 req/s).
   */
  static Admission forThisMachine() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new Admission(cores + 1, 8 * cores, MAX_WAIT);
  }

  /**
   * Takes a turn, waiting if needed; false when the queue is full or the wait too long, and the
   * request must be turned away. A true answer must be followed by {@link #leave()}.
   */
  boolean enter() throws InterruptedException {
    // Fairness holds for the timed form only: a zero wait keeps the queue's order.
    if (running.tryAcquire(0, TimeUnit.NANOSECONDS)) {
      return true;
    }
    if (waiting.incrementAndGet() > maxWaiting) {
      waiting.decrementAndGet();
      return false;
    }
    try {
      return running.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
    } finally {
      waiting.decrementAndGet();
    }
  }

  /** Gives the turn back. */
  void leave() {
    running.release();
  }
}
