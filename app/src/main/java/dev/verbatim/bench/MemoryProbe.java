package dev.verbatim.bench;

import dev.verbatim.search.Searcher;
import dev.verbatim.web.WebServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The server side of the memory measurement, run in a child JVM with a small heap: warms up as
 * {@code verbatim serve} does, then serves an index on a free loopback port, and on the line {@code
 * report} on stdin collects garbage and prints the heap in use. Ends when stdin closes.
 * Single-threaded apart from the server.
 */
final class MemoryProbe {
  private MemoryProbe() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException(
          "usage: MemoryProbe INDEX_DIR, got " + args.length + " arguments");
    }
    BufferedReader commands =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (Searcher searcher = Searcher.open(Path.of(args[0]))) {
      // As `verbatim serve` gets ready before it listens (WebServer.WARM_UP): a cold server's
      // first searches queue behind the shared reader state and the JIT, and are shed at 16
      // connections (18 of 71 on the 1M index), which says nothing of its heap.
      searcher.warmUp(WebServer.WARM_UP);
      serve(searcher, commands);
    }
  }

  private static void serve(Searcher searcher, BufferedReader commands) throws Exception {
    try (WebServer server = new WebServer(searcher).start("127.0.0.1", 0)) {
      System.out.println("port " + server.port());
      System.out.flush();
      String line;
      while ((line = commands.readLine()) != null) {
        if (line.strip().equals("report")) {
          // Several collections: one may leave garbage the next one frees (finalizable, soft refs).
          for (int i = 0; i < 3; i++) {
            System.gc();
          }
          MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
          System.out.println("heap " + heap.getUsed() + " " + heap.getMax());
          System.out.flush();
        }
      }
    }
  }
}
