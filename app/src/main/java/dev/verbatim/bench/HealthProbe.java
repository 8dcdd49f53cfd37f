package dev.verbatim.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks {@code /api/health} every 50 ms on its own connection while a load runs, and keeps the
 * slowest answer: the route must stay fast however busy the searches are. One probe per run.
 */
final class HealthProbe {
  private static final long EVERY_MS = 50;

  /**
   * What the probe saw.
   *
   * @param asked requests sent
   * @param failed requests that did not answer 200
   * @param maxMs the slowest answer
   */
  record Figures(long asked, long failed, double maxMs) {}

  private final Thread thread;
  private volatile boolean stopping;
  private long asked;
  private long failed;
  private long maxNanos;

  private HealthProbe(int port) {
    URI uri = URI.create("http://127.0.0.1:" + port + "/api/health");
    thread =
        Thread.ofPlatform()
            .daemon()
            .name("health-probe")
            .unstarted(
                () -> {
                  try (HttpClient client =
                      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
                    while (!stopping) {
                      long t0 = System.nanoTime();
                      try {
                        HttpResponse<Void> r =
                            client.send(
                                HttpRequest.newBuilder(uri).build(),
                                HttpResponse.BodyHandlers.discarding());
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
                });
  }

  static HealthProbe start(int port) {
    HealthProbe probe = new HealthProbe(port);
    probe.thread.start();
    return probe;
  }

  Figures stop() {
    stopping = true;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new Figures(asked, failed, maxNanos / 1e6);
  }
}
