package dev.verbatim.hostile;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Keeps a fixed number of keep-alive connections busy with ordinary searches against a server on
 * loopback for a fixed time, and measures this process's heap (after GC) and open file descriptors
 * before and after. Bounded by design: 127.0.0.1 only, at most {@link #MAX_CONNECTIONS} connections
 * and {@link #MAX_SECONDS} seconds. Not thread-safe.
 */
final class Soak {
  static final int MAX_CONNECTIONS = 256;
  static final int MAX_SECONDS = 600;

  /** What the soak measured; heap in bytes, {@code fds} -1 where /proc is unavailable. */
  record Outcome(
      int connections,
      int seconds,
      long requests,
      long errors,
      long shed,
      Timings timings,
      long heapStart,
      long heapEnd,
      long fdsStart,
      long fdsEnd,
      List<String> problems) {
    /** Growth beyond noise: heap up more than 64 MB and by half, or more than 16 descriptors. */
    boolean grew() {
      return (heapEnd - heapStart > (64L << 20) && heapEnd > heapStart * 3 / 2)
          || fdsEnd - fdsStart > 16;
    }

    boolean passed() {
      return errors == 0 && requests > 0 && !grew();
    }
  }

  private final int port;

  Soak(int port) {
    this.port = port;
  }

  Outcome run(int connections, int seconds, List<String> words) throws InterruptedException {
    if (connections < 1 || connections > MAX_CONNECTIONS || seconds < 1 || seconds > MAX_SECONDS) {
      throw new IllegalArgumentException(
          "soak needs 1.."
              + MAX_CONNECTIONS
              + " connections and 1.."
              + MAX_SECONDS
              + " seconds, got "
              + connections
              + " and "
              + seconds);
    }
    // A short warm-up so class loading and JIT are not counted as growth.
    drive(
        Math.min(connections, 8),
        2,
        words,
        new Timings(),
        new AtomicLong(),
        new AtomicLong(),
        new ArrayList<>());
    long heapStart = heapAfterGc();
    long fdsStart = openFds();
    Timings timings = new Timings();
    AtomicLong errors = new AtomicLong();
    AtomicLong shed = new AtomicLong();
    List<String> problems = new ArrayList<>();
    long requests = drive(connections, seconds, words, timings, errors, shed, problems);
    long heapEnd = heapAfterGc();
    long fdsEnd = openFds();
    return new Outcome(
        connections,
        seconds,
        requests,
        errors.get(),
        shed.get(),
        timings,
        heapStart,
        heapEnd,
        fdsStart,
        fdsEnd,
        problems);
  }

  private long drive(
      int connections,
      int seconds,
      List<String> words,
      Timings timings,
      AtomicLong errors,
      AtomicLong shed,
      List<String> problems)
      throws InterruptedException {
    AtomicLong requests = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    try (HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build()) {
      List<Thread> threads = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        long seed = c;
        threads.add(
            Thread.ofPlatform()
                .name("soak-" + c)
                .start(
                    () -> {
                      Random random = new Random(seed);
                      while (System.nanoTime() < end) {
                        String q =
                            words.get(random.nextInt(words.size()))
                                + (random.nextBoolean()
                                    ? " " + words.get(random.nextInt(words.size()))
                                    : "");
                        String type =
                            new String[] {"", "&type=quote", "&type=article"}[random.nextInt(3)];
                        URI uri =
                            URI.create(
                                "http://127.0.0.1:"
                                    + port
                                    + "/api/search?q="
                                    + HostileQueries.enc(q)
                                    + type);
                        long start = System.nanoTime();
                        try {
                          HttpResponse<String> r =
                              client.send(
                                  HttpRequest.newBuilder(uri)
                                      .timeout(Duration.ofSeconds(30))
                                      .build(),
                                  HttpResponse.BodyHandlers.ofString());
                          timings.add(System.nanoTime() - start);
                          if (r.statusCode() == 503
                              && r.headers().firstValue("retry-after").isPresent()) {
                            // Load shed on purpose past the server's queue: not a failure.
                            shed.incrementAndGet();
                          } else if (r.statusCode() != 200) {
                            fail(errors, problems, "status " + r.statusCode() + " for " + q);
                          }
                        } catch (IOException e) {
                          fail(errors, problems, e + " for " + q);
                        } catch (InterruptedException e) {
                          return;
                        }
                        requests.incrementAndGet();
                      }
                    }));
      }
      for (Thread t : threads) {
        t.join();
      }
    }
    return requests.get();
  }

  private static void fail(AtomicLong errors, List<String> problems, String what) {
    errors.incrementAndGet();
    synchronized (problems) {
      if (problems.size() < 10) {
        problems.add(what);
      }
    }
  }

  static long heapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Open file descriptors of this process (sockets, index files, jars), or -1 without /proc. */
  static long openFds() {
    // Closed connections linger a moment on the server side; give them a chance to go.
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    } catch (IOException e) {
      return -1;
    }
  }
}
