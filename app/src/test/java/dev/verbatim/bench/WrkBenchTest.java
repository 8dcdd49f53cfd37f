package dev.verbatim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.search.SearchRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class WrkBenchTest {
  // What wrk 4.1.0 printed for a one-second run against a server answering 404.
  private static final String REPORT =
      """
      Running 1s test @ http://127.0.0.1:17732
        1 threads and 2 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency    13.06ms   29.69ms 168.34ms   90.62%
          Req/Sec   776.10    531.89     1.57k    70.00%
        Latency Distribution
           50%  847.00us
           75%    7.42ms
           90%   38.74ms
           99%    1.45s
        773 requests in 1.00s, 392.54KB read
        Socket errors: connect 0, read 2, write 0, timeout 3
        Non-2xx or 3xx responses: 770
      Requests/sec:    772.60
      Transfer/sec:    392.33KB
      """;

  @Test
  void readsRateLatenciesErrorsAndSplitsCpuPerRequest() {
    Load.Result r = WrkBench.parse(REPORT, 1546, 77.3);
    // Answers other than 2xx are load shed: out of the rate and the CPU per answer.
    assertEquals(772.60 * 3 / 773, r.perSecond(), 1e-9);
    assertEquals(0.847, r.p50Ms(), 1e-9);
    assertEquals(1450, r.p99Ms(), 1e-9);
    assertEquals(3, r.calls());
    assertEquals(5, r.errors());
    assertEquals(770, r.shed());
    assertEquals(1546 / 3.0, r.cpuMsPerCall(), 1e-9);
    assertEquals(77.3 / 3, r.clientCpuMsPerCall(), 1e-9);
  }

  @Test
  void cleanRunHasNoErrors() {
    String clean = REPORT.replaceAll("  Socket errors.*\\n", "").replaceAll("  Non-2xx.*\\n", "");
    assertEquals(0, WrkBench.parse(clean, 1, 1).errors());
    assertEquals(0, WrkBench.parse(clean, 1, 1).shed());
  }

  @Test
  void reportWithoutFiguresIsAnErrorThatShowsIt() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> WrkBench.parse("unable to connect to 127.0.0.1:1", 1, 1));
    assertTrue(e.getMessage().contains("unable to connect"), e.getMessage());
  }

  @Test
  void scriptCyclesThroughTheTargetsInOrder() {
    String lua =
        WrkBench.luaScript(List.of("/api/search?limit=10&q=a", "/api/search?limit=10&q=%22b+c%22"));
    assertTrue(
        lua.contains("  \"/api/search?limit=10&q=a\",\n  \"/api/search?limit=10&q=%22b+c%22\",\n}"),
        lua);
    assertTrue(lua.contains("i = i % #targets + 1"), lua);
    assertTrue(lua.contains("return wrk.format(\"GET\", targets[i])"), lua);
  }

  @Test
  void targetThatIsNotUrlEncodedIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> WrkBench.luaScript(List.of("/api/search?q=\"x\"")));
  }

  @Test
  void targetsAreUrlEncodedWithTypeAndFacets() {
    List<QuerySet.Entry> mix =
        List.of(
            new QuerySet.Entry("phrase", SearchRequest.of("\"rate cut\" & co"), null),
            new QuerySet.Entry(
                "speaker",
                SearchRequest.builder("speaker:smith").withType(SearchRequest.Type.QUOTE).build(),
                null));
    assertEquals(
        List.of(
            "/api/search?limit=10&q=%22rate+cut%22+%26+co&facets=true",
            "/api/search?limit=10&q=speaker%3Asmith&type=quote&facets=true"),
        HttpLoad.targets(mix, true));
    assertEquals(
        "/api/search?limit=10&q=speaker%3Asmith&type=quote", HttpLoad.targets(mix, false).get(1));
  }
}
