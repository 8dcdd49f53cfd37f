package dev.verbatim.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Heap of a server that has just served the query mix, measured in a child JVM with a fixed small
 * heap so the figure is the server's alone. Not thread-safe.
 */
final class MemoryBench {
  private final String heap;
  private final PrintWriter progress;

  MemoryBench(String heap, PrintWriter progress) {
    this.heap = heap;
    this.progress = progress;
  }

  void measure(Path index, List<QuerySet.Entry> mix, double seconds, Path log, BenchTable table)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx" + heap,
            "--enable-native-access=ALL-UNNAMED",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-cp",
            System.getProperty("java.class.path"),
            MemoryProbe.class.getName(),
            index.toAbsolutePath().toString());
    pb.redirectError(log.toFile());
    Process child = pb.start();
    try (BufferedReader out =
            new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        Writer in =
            new java.io.OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
      String first = out.readLine();
      if (first == null || !first.startsWith("port ")) {
        throw new IOException("memory probe did not start (see " + log + "): " + first);
      }
      int port = Integer.parseInt(first.substring(5).strip());
      Load.Result served;
      // With facets: the heavier request (the page's first of each query) bounds the heap.
      try (HttpBench http = new HttpBench(port, mix, true)) {
        served = http.run(16, seconds);
      }
      in.write("report\n");
      in.flush();
      String report = out.readLine();
      if (report == null || !report.startsWith("heap ")) {
        throw new IOException("memory probe gave no report (see " + log + "): " + report);
      }
      String[] parts = report.split(" ");
      double usedMb = Long.parseLong(parts[1]) / 1048576.0;
      String name = "served index, -Xmx" + heap;
      table.value("memory", name, "requests", served.calls());
      // Answered, failed (any answer but 200 and 503, or no answer: the probe's log says why) and
      // shed (503) are three apart: a request is in exactly one of them.
      table.value("memory", name, "errors", served.errors());
      table.value("memory", name, "shed (503)", served.shed());
      table.value("memory", name, "heap used after GC, MB", usedMb);
      progress.printf(
          Locale.ROOT,
          "memory: %d requests answered, %d errors, %d shed, %.1f MB used after GC of -Xmx%s"
              + " (server log: %s)%n",
          served.calls(),
          served.errors(),
          served.shed(),
          usedMb,
          heap,
          log);
      progress.flush();
    } finally {
      child.getOutputStream().close();
      if (!child.waitFor(30, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
  }
}
