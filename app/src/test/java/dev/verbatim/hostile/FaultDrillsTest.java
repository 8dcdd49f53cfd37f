package dev.verbatim.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fault drills, small: one kill, a short reindex under load, a damaged and a missing index. */
class FaultDrillsTest {
  @TempDir Path dir;

  @Test
  void aKilledReindexLeavesTheLastGoodIndexAndTheNextRunCompletes() throws Exception {
    Path corpus = HostileServer.corpus(dir, 800);
    KillDrill.Outcome outcome = new KillDrill(corpus, dir.resolve("index"), dir, 42).run(1);
    assertEquals(List.of(), outcome.problems());
    assertEquals(1, outcome.survived());
    assertTrue(outcome.expectedArticles() > 0);
    assertEquals(outcome.expectedArticles(), outcome.finalArticles());
    assertEquals(0, outcome.lost());
  }

  @Test
  void searchesDuringAReindexSeeOneCommitOrTheOther() throws Exception {
    Path before = HostileServer.corpus(dir.resolve("before"), 150);
    Path after = HostileServer.corpus(dir.resolve("after"), 600);
    // Past the commonest words; fewer when the corpus has a small vocabulary (no Reuters given).
    List<String> vocabulary = Workbench.vocabulary(after, 400);
    List<String> words = vocabulary.subList(Math.min(50, vocabulary.size() / 4), vocabulary.size());
    ReindexUnderLoad.Outcome outcome =
        new ReindexUnderLoad(before, after, dir.resolve("index"), dir).run(words, 3);
    assertEquals(List.of(), outcome.problems());
    assertTrue(outcome.searches() > 10, "searched " + outcome.searches());
    assertEquals(0, outcome.errors());
    assertEquals(
        0,
        outcome.inconsistent(),
        "totals " + outcome.totalsSeen() + " vs " + outcome.before() + "/" + outcome.after());
    assertTrue(outcome.passed());
  }

  @Test
  void aMissingOrDamagedIndexGivesOneClearLineAndExitOne() throws Exception {
    try (HostileServer server = HostileServer.start(dir, 30, null)) {
      StartupFaults faults = new StartupFaults(dir);
      List<StartupFaults.Check> checks = new java.util.ArrayList<>(faults.missingIndex());
      checks.addAll(faults.damagedIndex(server.index));
      assertEquals(4, checks.size());
      for (StartupFaults.Check c : checks) {
        assertTrue(c.passed(), c.fault() + ": " + c.detail());
      }
    }
  }

  @Test
  void aFullDiskFailsTheReindexCleanlyAndTheOldIndexStillServes() throws Exception {
    Path small = HostileServer.corpus(dir.resolve("small"), 50);
    Path large = HostileServer.corpus(dir.resolve("large"), 4000);
    StartupFaults.Check check = new StartupFaults(dir).fullDisk(small, large, 4, 120);
    Assumptions.assumeTrue(check.tried(), check.detail());
    assertTrue(check.passed(), check.detail());
  }
}
