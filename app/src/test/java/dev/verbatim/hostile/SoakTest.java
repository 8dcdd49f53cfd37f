package dev.verbatim.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short soak: the same measurements as the full one, over a few seconds. */
class SoakTest {
  @TempDir Path dir;

  @Test
  void aShortSoakHasNoErrorsAndLeaksNoDescriptors() throws Exception {
    try (HostileServer server = HostileServer.start(dir, 100, null)) {
      Soak.Outcome outcome =
          new Soak(server.port()).run(8, 2, Workbench.vocabulary(server.corpus, 200));
      assertEquals(java.util.List.of(), outcome.problems());
      assertTrue(outcome.requests() > 0);
      assertEquals(0, outcome.errors());
      assertTrue(outcome.fdsStart() > 0 && outcome.heapStart() > 0);
      assertTrue(
          !outcome.grew(),
          "fds "
              + outcome.fdsStart()
              + " -> "
              + outcome.fdsEnd()
              + ", heap "
              + outcome.heapStart()
              + " -> "
              + outcome.heapEnd());
    }
  }

  @Test
  void theSoakIsBounded() {
    Soak soak = new Soak(1);
    assertThrows(
        IllegalArgumentException.class,
        () -> soak.run(Soak.MAX_CONNECTIONS + 1, 1, java.util.List.of("x")));
    assertThrows(
        IllegalArgumentException.class,
        () -> soak.run(1, Soak.MAX_SECONDS + 1, java.util.List.of("x")));
  }
}
