package dev.verbatim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WarmUpTest {
  @Test
  void runsAtLeastTheMinimumAndStopsAtTheMaximum() {
    AtomicInteger rounds = new AtomicInteger();
    WarmUp.Figures f =
        WarmUp.untilSettled(
            () -> {
              rounds.incrementAndGet();
              sleep(20);
            },
            0.2,
            0.2);
    assertTrue(f.seconds() >= 0.2, f.describe());
    assertTrue(f.seconds() < 0.2 + 0.5, f.describe());
    assertEquals(rounds.get(), f.rounds());
    assertTrue(f.rounds() >= 5 && f.rounds() <= 11, f.describe());
  }

  @Test
  void warmsUpForAShortRunInQuarterSecondRoundsForTwoToSixSeconds() {
    double[] asked = {-1};
    WarmUp.Figures f =
        WarmUp.forRuns(
            0.2,
            seconds -> {
              asked[0] = seconds;
              sleep(250);
            });
    assertEquals(0.25, asked[0]);
    assertTrue(f.seconds() >= 2 && f.seconds() < 6.5, f.describe());
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
