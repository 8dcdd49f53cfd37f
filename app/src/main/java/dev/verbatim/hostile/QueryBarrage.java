package dev.verbatim.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.web.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Sends hostile probes to a running server and checks each answer: 200 with search JSON, or 400
 * with {@code {"error": ...}}, and the security headers; anything else is a failure. Then checks
 * that a known query still returns the hits it returned before. Thread-safe per run.
 */
final class QueryBarrage {
  /** What the barrage saw. {@code failures} holds a sample of what went wrong, with the probe. */
  record Outcome(
      int tried,
      Map<Integer, Integer> byStatus,
      int serverErrors,
      int failed,
      List<String> failures,
      Timings timings,
      Map<String, Timings> byKind,
      int timeLimited,
      boolean healthyAfter) {
    boolean passed() {
      return serverErrors == 0 && failed == 0 && healthyAfter;
    }

    /** Latency per kind of probe as client-side wall time (connect to last byte), one line each. */
    List<String> latencyByKind() {
      List<String> lines = new ArrayList<>();
      lines.add(
          String.format(
              Locale.ROOT,
              "%-16s %6s %8s %8s %8s %7s",
              "kind",
              "n",
              "p50 ms",
              "p99 ms",
              "max ms",
              "> 1 s"));
      byKind.forEach(
          (kind, t) ->
              lines.add(
                  String.format(
                      Locale.ROOT,
                      "%-16s %6d %8.0f %8.0f %8.0f %7d",
                      kind,
                      t.count(),
                      t.percentileMillis(50),
                      t.percentileMillis(99),
                      t.maxMillis(),
                      t.countOver(1_000_000_000L))));
      return lines;
    }
  }

  private static final int SAMPLE = 20;

  private final RawHttp http;
  private final int threads;

  QueryBarrage(int port, int threads) {
    this.http = new RawHttp(port, 30_000);
    this.threads = threads;
  }

  Outcome run(List<HostileQueries.Probe> probes, String knownTarget)
      throws IOException, InterruptedException {
    String before = completeFingerprint(knownTarget);
    Map<Integer, Integer> byStatus = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int[] counts = new int[3]; // server errors, failed checks, answers cut at the time limit
    Timings timings = new Timings();
    Map<String, Timings> byKind = new TreeMap<>();
    for (HostileQueries.Probe probe : probes) {
      byKind.computeIfAbsent(probe.kind(), k -> new Timings());
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (HostileQueries.Probe probe : probes) {
        running.add(
            pool.submit(
                () -> {
                  String problem;
                  int status = -1;
                  RawHttp.Answer answer = null;
                  try {
                    answer = http.get(probe.target());
                    timings.add(answer.nanos());
                    byKind.get(probe.kind()).add(answer.nanos());
                    status = answer.status();
                    problem = check(answer);
                  } catch (IOException | RuntimeException e) {
                    problem = "no answer: " + e;
                  }
                  synchronized (byStatus) {
                    byStatus.merge(status, 1, Integer::sum);
                    if (problem == null && status == 200 && timeLimited(answer)) {
                      counts[2]++;
                    }
                    if (status >= 500) {
                      counts[0]++;
                    }
                    if (problem != null) {
                      counts[1]++;
                      if (failures.size() < SAMPLE) {
                        failures.add(
                            probe.kind()
                                + " "
                                + status
                                + " "
                                + problem
                                + " <- "
                                + abbreviate(probe.target()));
                      }
                    }
                  }
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a probe task failed unexpectedly", e.getCause());
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
    String after = completeFingerprint(knownTarget);
    boolean healthy = before != null && before.equals(after);
    return new Outcome(
        probes.size(),
        byStatus,
        counts[0],
        counts[1],
        failures,
        timings,
        byKind,
        counts[2],
        healthy);
  }

  /** Null when the answer is acceptable, else what is wrong with it. */
  static String check(RawHttp.Answer answer) {
    String headers = SecurityHeaderCheck.missing(answer);
    if (headers != null) {
      return headers;
    }
    JsonNode body;
    try {
      body = Json.mapper().readTree(answer.body());
    } catch (IOException e) {
      return "body is not JSON: " + abbreviate(answer.body());
    }
    return switch (answer.status()) {
      case 200 -> {
        if (body == null || !body.path("hits").isArray()) {
          yield "200 without hits: " + abbreviate(answer.body());
        }
        // A search cut short must not claim an exact total.
        yield body.path("notice").asText("").contains("Search stopped at the time limit")
                && body.path("totalExact").asBoolean(true)
            ? "time-limited answer claims an exact total"
            : null;
      }
      case 400 ->
          body != null && !body.path("error").asText("").isBlank()
              ? null
              : "400 without error: " + abbreviate(answer.body());
      default -> "status " + answer.status() + ": " + abbreviate(answer.body());
    };
  }

  private static boolean timeLimited(RawHttp.Answer answer) {
    try {
      return Json.mapper().readTree(answer.body()).path("notice").asText("").contains("time limit");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The known query's fingerprint from an answer not cut short by the time limit (a cold or busy
   * server may cut the first tries), or null when none of a few tries is complete.
   */
  private String completeFingerprint(String target) throws IOException {
    for (int attempt = 0; attempt < 5; attempt++) {
      RawHttp.Answer answer = http.get(target);
      if (!timeLimited(answer)) {
        return fingerprint(answer);
      }
    }
    return null;
  }

  /** The total and hit ids of a search answer, or null when it is not a successful search. */
  static String fingerprint(RawHttp.Answer answer) throws IOException {
    if (answer.status() != 200) {
      return null;
    }
    JsonNode body = Json.mapper().readTree(answer.body());
    StringBuilder s = new StringBuilder().append(body.path("total").asLong()).append(':');
    for (JsonNode hit : body.path("hits")) {
      s.append(hit.path("id").asText()).append(',');
    }
    return s.toString();
  }

  static String abbreviate(String s) {
    String oneLine = s.replaceAll("[\\r\\n]+", " ");
    return oneLine.length() <= 120
        ? oneLine
        : oneLine.substring(0, 120) + "… (" + s.length() + " chars)";
  }
}
