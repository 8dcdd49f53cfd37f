package dev.verbatim.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Five hundred hostile queries against a real server over a real index. */
class QueryBarrageTest {
  @TempDir static Path dir;
  static HostileServer server;

  @BeforeAll
  static void start() throws Exception {
    server = HostileServer.start(dir, 400, null);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void hostileQueriesGetOnly200Or400WithJsonAndTheServerStillAnswers() throws Exception {
    List<String> words = Workbench.vocabulary(server.corpus, 2000);
    List<HostileQueries.Probe> probes = new HostileQueries(20261124L, words).generate(500);
    QueryBarrage.Outcome outcome =
        new QueryBarrage(server.port(), 2)
            .run(probes, "/api/search?q=" + HostileQueries.enc(words.get(0)));

    System.out.println("hostile queries: " + outcome.byStatus());
    outcome.latencyByKind().forEach(System.out::println);
    assertEquals(500, outcome.tried());
    assertEquals(0, outcome.serverErrors(), () -> String.join("\n", outcome.failures()));
    assertEquals(0, outcome.failed(), () -> String.join("\n", outcome.failures()));
    assertTrue(
        outcome.byStatus().getOrDefault(200, 0) > 50, "plenty answered: " + outcome.byStatus());
    assertTrue(
        outcome.byStatus().getOrDefault(400, 0) > 50, "plenty refused: " + outcome.byStatus());
    assertTrue(outcome.healthyAfter(), "the known query returns the same hits afterwards");
  }

  @Test
  void theGeneratorIsRepeatableAndCoversEveryKind() {
    List<String> words = List.of("oil", "prices", "said", "market");
    List<HostileQueries.Probe> a = new HostileQueries(7, words).generate(200);
    List<HostileQueries.Probe> b = new HostileQueries(7, words).generate(200);
    assertEquals(a, b);
    assertEquals(16, a.stream().map(HostileQueries.Probe::kind).distinct().count());
    assertTrue(
        a.stream().anyMatch(p -> p.target().length() > 100 * 1024), "a 100 KB query is among them");
  }
}
