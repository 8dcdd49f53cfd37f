package dev.verbatim.web;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the server's searches run: a fixed set of lanes (threads) fed by a bounded queue. Past both
 * a request is turned away (the handler answers 503) after a short wait for a place, so an
 * overloaded server answers every admitted request in bounded time instead of queueing without end.
 * A lane that finishes a search takes the next waiting one itself, so the cores stay busy without
 * handing a turn from one request thread to another. Thread-safe.
 */
final class Admission implements AutoCloseable {
  /**
   * A request that waits longer than this for a lane is turned away too: a safety net behind a
   * stuck search. Load is shed by the queue's length; a bound of a few hundred ms also shed 8
   * connections on a machine starved by other work (load average 20 on 2 cores, searches taking 400
   * ms), where slow answers are better than refusals.
   */
  static final Duration MAX_WAIT = Duration.ofSeconds(2);

  /**
   * How long a request that finds the queue full waits for a place before it is turned away (at
   * most {@link #forThisMachine}'s number of them wait; past those, at once). A client that ignores
   * {@code Retry-After} and asks again at once (wrk, the bench's overload client) otherwise loops
   * on instant 503s whose handling takes the cores from the searches: at 64 connections on two
   * cores, 13,000 503s a second left the lanes 0.65 cores and about 150 answers a second; with this
   * wait, 620 503s a second, 1.46 cores and about 360 answers.
   */
  static final Duration FULL_QUEUE_WAIT = Duration.ofMillis(50);

  /** Work to run on a lane: a request's handler, which writes its own answer. */
  @FunctionalInterface
  interface Work {
    void run() throws Exception;
  }

  /**
   * Request threads that never wait for a search, whatever the load: they answer {@code
   * /api/health}, static files and the instant 503s, and Jetty's acceptor and selectors run on the
   * same pool.
   */
  static final int FREE_REQUEST_THREADS = 32;

  private final ThreadPoolExecutor lanes;
  private final AtomicInteger waitingForPlace = new AtomicInteger();
  private final int mostInside;
  private final long maxWaitNanos;

  /**
   * {@code lanes} searches at once, {@code maxWaiting} more waiting up to {@code maxWait} for a
   * lane, and up to {@code maxWaitingForPlace} more waiting {@link #FULL_QUEUE_WAIT} for a place in
   * that queue.
   */
  Admission(int lanes, int maxWaiting, int maxWaitingForPlace, Duration maxWait) {
    if (lanes < 1 || maxWaiting < 0 || maxWaitingForPlace < 0) {
      throw new IllegalArgumentException(
          "lanes must be >= 1, maxWaiting and maxWaitingForPlace >= 0, got "
              + lanes
              + ", "
              + maxWaiting
              + ", "
              + maxWaitingForPlace);
    }
    BlockingQueue<Runnable> queue =
        maxWaiting == 0
            ? new SynchronousQueue<>()
            : new ArrayBlockingQueue<>(maxWaiting) {
              @Override
              public boolean offer(Runnable r) {
                if (super.offer(r)) {
                  return true;
                }
                // A few requests wait a moment for a place; past those, turned away at once, so
                // the request threads Jetty has left stay free for /api/health.
                if (waitingForPlace.incrementAndGet() > maxWaitingForPlace) {
                  waitingForPlace.decrementAndGet();
                  return false;
                }
                try {
                  return offer(r, FULL_QUEUE_WAIT.toNanos(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return false;
                } finally {
                  waitingForPlace.decrementAndGet();
                }
              }
            };
    this.lanes =
        new ThreadPoolExecutor(
            lanes,
            lanes,
            0,
            TimeUnit.MILLISECONDS,
            queue,
            daemonThreads(),
            // Turned away without an exception (and its stack trace): under overload thousands
            // of requests a second are.
            (r, pool) -> ((Turn) r).turnAway());
    this.lanes.prestartAllCoreThreads();
    this.mostInside = lanes + maxWaiting + maxWaitingForPlace;
    this.maxWaitNanos = maxWait.toNanos();
  }

  /**
   * One lane per core and a queue of eight per core: 16 connections on two cores are all served, a
   * burst beyond is shed. Measured on two cores with wrk at 16 connections on the 1M index
   * (BENCHMARKS.md): request threads taking turns, 3 at once, left 8% of the CPU idle while a
   * finished search's thread handed its turn on; lanes left 1.5% and answered 10% more requests; 3
   * lanes did no better than 2.
   *
   * <p>Twelve times the queue may wait for a place. Queue and waiters are cut so that {@link
   * #FREE_REQUEST_THREADS} of the server's {@code requestThreads} stay free (each request inside
   * holds its thread). Against four times, in 10 and 8 runs of the bench's overload client on two
   * cores (BENCHMARKS.md), 172 admitted requests a second against 158 at 256 connections (admitted
   * p99 median 472 against 600 ms) and 362 against 321 at 64, most likely because fewer connections
   * loop on instant 503s; the slowest health answer at 256 connections rose from a median of 44 to
   * 77 ms.
   */
  static Admission forThisMachine(int requestThreads) {
    int cores = Runtime.getRuntime().availableProcessors();
    int spare = Math.max(0, requestThreads - FREE_REQUEST_THREADS - cores);
    int queue = Math.min(8 * cores, spare);
    return new Admission(cores, queue, Math.min(12 * queue, spare - queue), MAX_WAIT);
  }

  /**
   * Runs {@code work} on a lane and waits for it; false, with {@code work} not run, when the queue
   * stayed full for {@link #FULL_QUEUE_WAIT} or no lane was free within the wait bound, and the
   * request must be turned away. What {@code work} throws is thrown here.
   */
  boolean run(Work work) throws Exception {
    Turn turn = new Turn(work);
    lanes.execute(turn);
    return !turn.turnedAway() && turn.await();
  }

  /**
   * The most requests that can be inside at once, each holding its request thread: running, queued
   * or waiting for a place in the queue (for tests).
   */
  int mostInside() {
    return mostInside;
  }

  /** Requests running on a lane or waiting for one, as far as the lanes know (for tests). */
  int inside() {
    return lanes.getActiveCount() + lanes.getQueue().size();
  }

  /**
   * Stops the lanes: searches running finish (an interrupt could close the index's file channels
   * under every reader), waiting ones are dropped and their requests turned away within the wait
   * bound.
   */
  @Override
  public void close() {
    lanes.shutdown();
    lanes.getQueue().clear();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "verbatim-search-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** One request's work, run once unless the request gave up waiting for a lane first. */
  private final class Turn implements Runnable {
    private static final int WAITING = 0;
    private static final int RUNNING = 1;
    private static final int ABANDONED = 2;

    private final Work work;
    private final AtomicInteger state = new AtomicInteger(WAITING);
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    Turn(Work work) {
      this.work = work;
    }

    @Override
    public void run() {
      if (!state.compareAndSet(WAITING, RUNNING)) {
        return;
      }
      try {
        work.run();
        done.complete(null);
      } catch (Throwable t) {
        done.completeExceptionally(t);
      }
    }

    /** Marks this turn as never to run: no lane and no place in the queue for it. */
    void turnAway() {
      state.set(ABANDONED);
    }

    boolean turnedAway() {
      return state.get() == ABANDONED;
    }

    /** Waits for the work; false when it never started and the request must be turned away. */
    boolean await() throws Exception {
      try {
        done.get(maxWaitNanos, TimeUnit.NANOSECONDS);
        return true;
      } catch (TimeoutException | InterruptedException e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        if (state.compareAndSet(WAITING, ABANDONED)) {
          lanes.remove(this);
          return false;
        }
        // Running: it writes to this request's answer, so wait until it is done (join does not
        // stop for an interrupt).
        try {
          done.join();
        } catch (CompletionException failed) {
          throw rethrown(failed.getCause());
        }
        return true;
      } catch (ExecutionException e) {
        throw rethrown(e.getCause());
      }
    }

    private static Exception rethrown(Throwable cause) {
      if (cause instanceof Error error) {
        throw error;
      }
      return cause instanceof Exception exception ? exception : new IllegalStateException(cause);
    }
  }
}
