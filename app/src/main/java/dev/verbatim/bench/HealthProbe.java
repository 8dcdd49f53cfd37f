package dev.verbatim.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Asks {@code /api/health} every 50 ms on its own connection while a load runs, and keeps the
 * slowest answer: the route must stay fast however busy the searches are. One probe per run.
 *
 * <p>With curl on {@code PATH} the probe is one curl process asking at a fixed rate, outside this
 * JVM: inside it, next to the load's own client threads, the probe's thread waits for a core too,
 * and its slowest answers came out 2-5 times those curl saw (2026-12-06: 173-271 ms against 31 ms
 * at 16 connections). Without curl it asks from a thread of this JVM.
 */
final class HealthProbe {
  private static final long EVERY_MS = 50;
  // Enough requests for any run: curl stops at the end of its URL range, the probe long before.
  private static final int MAX_REQUESTS = 1_000_000;

  /**
   * What the probe saw.
   *
   * @param asked requests sent
   * @param failed requests that did not answer 200
   * @param maxMs the slowest answer
   */
  record Figures(long asked, long failed, double maxMs) {}

  private final Thread thread;
  private final Process curl;
  private volatile boolean stopping;
  private long asked;
  private long failed;
  private long maxNanos;

  private HealthProbe(int port, Optional<Path> curlPath) {
    String url = "http://127.0.0.1:" + port + "/api/health";
    curl = curlPath.map(c -> startCurl(c, url)).orElse(null);
    Runnable probe = curl != null ? this::readCurl : () -> askFromHere(URI.create(url));
    thread = Thread.ofPlatform().daemon().name("health-probe").unstarted(probe);
  }

  /** A probe asking from outside this JVM when curl is on {@code PATH}, else from inside it. */
  static HealthProbe start(int port) {
    return start(port, WrkBench.onPath("curl"));
  }

  static HealthProbe start(int port, Optional<Path> curl) {
    HealthProbe probe = new HealthProbe(port, curl);
    probe.thread.start();
    return probe;
  }

  /** Where the probe asks from, for the table's notes. */
  static String describe() {
    return WrkBench.onPath("curl").isPresent()
        ? "curl in its own process, one request every 50 ms on one connection"
        : "java.net.http.HttpClient on a thread of the bench's JVM, every 50 ms (no curl on PATH)";
  }

  Figures stop() {
    stopping = true;
    if (curl != null) {
      curl.destroy();
    }
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Nothing asked (a curl too old for --rate exits at once) is no figure, not a fast answer.
    return new Figures(asked, failed, asked == 0 ? Double.NaN : maxNanos / 1e6);
  }

  private static Process startCurl(Path curl, String url) {
    List<String> command =
        List.of(
            curl.toString(),
            "--silent",
            "--output",
            "/dev/null",
            "--max-time",
            "5",
            "--rate",
            (1000 / EVERY_MS) + "/s",
            "--write-out",
            // To stderr, which curl does not buffer: stdout into a pipe is written in blocks.
            "%{stderr}%{http_code} %{time_total}\\n",
            url + "?probe=[1-" + MAX_REQUESTS + "]");
    try {
      return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + curl, e);
    }
  }

  /** One line per request: the status (000 when it failed to answer) and the seconds it took. */
  private void readCurl() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(curl.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String[] parts = line.trim().split(" ");
        if (parts.length != 2) {
          continue;
        }
        asked++;
        failed += parts[0].equals("200") ? 0 : 1;
        maxNanos = Math.max(maxNanos, (long) (Double.parseDouble(parts[1]) * 1e9));
      }
    } catch (IOException | NumberFormatException e) {
      // The stream closes when the probe stops curl.
    }
  }

  private void askFromHere(URI uri) {
    try (HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      while (!stopping) {
        long t0 = System.nanoTime();
        try {
          HttpResponse<Void> r =
              client.send(
                  HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
          failed += r.statusCode() == 200 ? 0 : 1;
        } catch (Exception e) {
          failed++;
        }
        asked++;
        maxNanos = Math.max(maxNanos, System.nanoTime() - t0);
        try {
          Thread.sleep(EVERY_MS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
