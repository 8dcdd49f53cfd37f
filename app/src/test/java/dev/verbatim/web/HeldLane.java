package dev.verbatim.web;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One of an {@link Admission}'s lanes held by work that waits until released: what a long search
 * does to a server. Closing releases it too, so a failed test never leaves the lane blocked.
 */
final class HeldLane implements AutoCloseable {
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService thread = Executors.newSingleThreadExecutor();
  private final Future<Boolean> held;

  /** Returns once the work runs on a lane. */
  HeldLane(Admission admission) throws InterruptedException {
    CountDownLatch holding = new CountDownLatch(1);
    held =
        thread.submit(
            () ->
                admission.run(
                    () -> {
                      holding.countDown();
                      release.await();
                    }));
    if (!holding.await(30, TimeUnit.SECONDS)) {
      close();
      throw new AssertionError("no lane became free to hold");
    }
  }

  /** Lets the lane go; true when the held work was admitted and ran to its end. */
  boolean release() throws Exception {
    release.countDown();
    return held.get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    release.countDown();
    thread.close();
  }
}
