package dev.verbatim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The server's lanes and queue, driven by real threads. */
class AdmissionTest {
  @Test
  void everyRequestTheLanesAndQueueHoldRunsAndTheNextIsTurnedAway() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (Admission admission = new Admission(2, 3, 12, Duration.ofSeconds(30));
        ExecutorService requests = Executors.newCachedThreadPool();
        Released released = new Released(release)) {
      CountDownLatch started = new CountDownLatch(2);
      Set<String> lanes = ConcurrentHashMap.newKeySet();
      AtomicInteger ran = new AtomicInteger();
      List<CompletableFuture<Boolean>> admitted = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        admitted.add(
            CompletableFuture.supplyAsync(
                () ->
                    run(
                        admission,
                        () -> {
                          lanes.add(Thread.currentThread().getName());
                          ran.incrementAndGet();
                          started.countDown();
                          release.await();
                        }),
                requests));
      }
      assertTrue(started.await(30, TimeUnit.SECONDS), "both lanes run a request");
      // Two running, three waiting: the queue is full only once all five are in.
      awaitInside(admission, 5);
      AtomicInteger extra = new AtomicInteger();
      long asked = System.nanoTime();
      assertFalse(admission.run(extra::incrementAndGet), "a sixth request is turned away");
      assertTrue(
          System.nanoTime() - asked >= Admission.FULL_QUEUE_WAIT.toNanos(),
          "after waiting a moment for a place");
      assertEquals(0, extra.get(), "and its work never runs");
      release.countDown();
      for (CompletableFuture<Boolean> f : admitted) {
        assertTrue(f.get(30, TimeUnit.SECONDS), "every request the lanes and queue held ran");
      }
      assertEquals(5, ran.get());
      assertEquals(2, lanes.size(), "on the two lanes: " + lanes);
      assertTrue(admission.run(extra::incrementAndGet), "a free lane takes the next request");
      assertEquals(1, extra.get());
    }
  }

  @Test
  void aRequestFindingTheQueueFullIsAdmittedWhenAPlaceFreesWithinItsWait() throws Exception {
    try (Admission admission = new Admission(1, 1, 4, Duration.ofSeconds(30));
        ExecutorService requests = Executors.newCachedThreadPool();
        HeldLane held = new HeldLane(admission)) {
      CompletableFuture<Boolean> queued =
          CompletableFuture.supplyAsync(() -> run(admission, () -> {}), requests);
      awaitInside(admission, 2);
      AtomicInteger third = new AtomicInteger();
      CompletableFuture<Boolean> late =
          CompletableFuture.supplyAsync(() -> run(admission, third::incrementAndGet), requests);
      Thread.sleep(Admission.FULL_QUEUE_WAIT.toMillis() / 5);
      assertTrue(held.release());
      assertTrue(queued.get(30, TimeUnit.SECONDS));
      assertTrue(late.get(30, TimeUnit.SECONDS), "the place freed within its wait");
      assertEquals(1, third.get());
    }
  }

  @Test
  void aRequestThatWaitsPastTheBoundIsTurnedAwayAndItsWorkNeverRuns() throws Exception {
    try (Admission admission = new Admission(1, 4, 16, Duration.ofMillis(50));
        HeldLane held = new HeldLane(admission)) {
      AtomicInteger late = new AtomicInteger();
      long start = System.nanoTime();
      assertFalse(admission.run(late::incrementAndGet), "no lane within 50 ms");
      assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50));
      assertTrue(held.release());
      assertTrue(admission.run(() -> {}), "the lane is free again");
      assertEquals(0, late.get(), "the request turned away was never run");
    }
  }

  @Test
  void theRequestsInsideLeaveRequestThreadsFreeForTheRest() {
    int cores = Runtime.getRuntime().availableProcessors();
    int free = Admission.FREE_REQUEST_THREADS;
    // Lanes and queue alone (one per core running, eight per core queued), and less than that.
    for (int threads : new int[] {WebServer.REQUEST_THREADS, free + 9 * cores, free + cores + 1}) {
      try (Admission admission = Admission.forThisMachine(threads)) {
        assertTrue(
            admission.mostInside() <= threads - free,
            admission.mostInside() + " inside of " + threads + " request threads");
        assertTrue(admission.mostInside() > cores, "at least one request may queue");
      }
    }
    try (Admission twelve = Admission.forThisMachine(Integer.MAX_VALUE / 2)) {
      assertEquals(
          cores + 8 * cores + 12 * 8 * cores,
          twelve.mostInside(),
          "with threads to spare, twelve times the queue wait for a place");
    }
  }

  @Test
  void whatTheWorkThrowsReachesTheRequest() throws Exception {
    try (Admission admission = new Admission(1, 1, 4, Duration.ofSeconds(30))) {
      IllegalArgumentException thrown =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  admission.run(
                      () -> {
                        throw new IllegalArgumentException("bad query");
                      }));
      assertEquals("bad query", thrown.getMessage());
      assertTrue(admission.run(() -> {}), "the lane survives it");
    }
  }

  /**
   * Lets blocked work go when a test ends, failed or not: closed before the request threads, which
   * wait for it.
   */
  private record Released(CountDownLatch release) implements AutoCloseable {
    @Override
    public void close() {
      release.countDown();
    }
  }

  /** Waits until {@code count} requests are inside: running or queued. */
  private static void awaitInside(Admission admission, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (admission.inside() < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(count, admission.inside(), "requests inside the lanes and queue");
  }

  private static boolean run(Admission admission, Admission.Work work) {
    try {
      return admission.run(work);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
