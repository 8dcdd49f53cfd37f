package dev.verbatim.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Traversal attempts against a real server never reach a file outside the app's resources. */
class PathProbesTest {
  @TempDir Path dir;

  @Test
  void noUrlReachesTheFileSystem() throws Exception {
    try (HostileServer server = HostileServer.start(dir, 50, null)) {
      PathProbes.Outcome outcome = new PathProbes(server.port(), server.index, dir).run();
      assertTrue(outcome.tried() > 1000, "tried " + outcome.tried());
      assertEquals(0, outcome.leaked(), () -> String.join("\n", outcome.failures()));
      assertEquals(0, outcome.serverErrors(), () -> String.join("\n", outcome.failures()));
      assertEquals(0, outcome.missingHeaders(), () -> String.join("\n", outcome.failures()));
    }
  }

  @Test
  void theLeakDetectorRecognisesWhatItLooksFor() throws Exception {
    PathProbes probes = new PathProbes(1, dir, dir);
    assertEquals(2, probes.secrets().size());
    assertEquals(
        null, probes.leak("{\"error\":\"not found: /api/articles/..%2f..%2fetc%2fpasswd\"}"));
    assertEquals("planted secret served", probes.leak("x" + probes.secrets().get(1) + "y"));
    assertEquals("/etc/passwd served", probes.leak("root:x:0:0:root:/root:/bin/bash"));
    assertEquals("classpath file served", probes.leak("Manifest-Version: 1.0"));
  }

  @Test
  void requestsJettyRefusesItselfStillGetJsonAndTheHeaders() throws Exception {
    try (HostileServer server = HostileServer.start(dir, 20, null)) {
      RawHttp http = new RawHttp(server.port(), 10_000);
      for (String target :
          new String[] {"/api/%zz", "/%", "/api/search?q=" + "x".repeat(300 * 1024)}) {
        RawHttp.Answer answer = http.get(target);
        assertTrue(
            answer.status() >= 400 && answer.status() < 500, answer.status() + " " + answer.body());
        assertEquals(
            null,
            SecurityHeaderCheck.missing(answer),
            target.substring(0, Math.min(20, target.length())));
        assertTrue(
            dev.verbatim.web.Json.mapper().readTree(answer.body()).hasNonNull("error"),
            answer.body());
      }
    }
  }
}
