package dev.verbatim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.verbatim.index.Indexer;
import dev.verbatim.search.Searcher;
import dev.verbatim.web.WebServer;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health probe against a real server: from curl in its own process, and from this JVM. */
class HealthProbeTest {
  @TempDir Path dir;

  private HealthProbe.Figures probe(Optional<Path> curl) throws Exception {
    Path corpus = Path.of(HealthProbeTest.class.getResource("/results-corpus").toURI());
    new Indexer(1).rebuild(corpus, dir.resolve("index"));
    try (Searcher searcher = Searcher.open(dir.resolve("index"));
        WebServer server = new WebServer(searcher).start("127.0.0.1", 0)) {
      HealthProbe probe = HealthProbe.start(server.port(), curl);
      Thread.sleep(600);
      return probe.stop();
    }
  }

  @Test
  void curlInItsOwnProcessAsksAboutTwentyTimesASecond() throws Exception {
    Optional<Path> curl = WrkBench.onPath("curl");
    assumeTrue(curl.isPresent(), "curl is not on PATH");
    HealthProbe.Figures f = probe(curl);
    assertAnsweredAboutTwentyTimesASecond(f);
  }

  @Test
  void withoutCurlItAsksFromThisJvm() throws Exception {
    HealthProbe.Figures f = probe(Optional.empty());
    assertAnsweredAboutTwentyTimesASecond(f);
  }

  /** Some 12 requests in 600 ms, every one answered 200 within the client's 5 s. */
  private static void assertAnsweredAboutTwentyTimesASecond(HealthProbe.Figures f) {
    assertTrue(f.asked() >= 5 && f.asked() <= 20, "asked " + f.asked());
    assertEquals(0, f.failed());
    assertTrue(f.maxMs() > 0 && f.maxMs() < 5_000, "max " + f.maxMs());
  }
}
