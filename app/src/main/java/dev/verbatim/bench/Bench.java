package dev.verbatim.bench;

import dev.verbatim.search.Searcher;
import dev.verbatim.web.WebServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Runs the speed benchmark: indexing, search with highlighting, HTTP and memory, each against its
 * baseline in the same run. Not thread-safe: one run at a time per work folder.
 */
public final class Bench {
  /** The benchmark's parts, in the order they run. */
  public static final List<String> SECTIONS = List.of("indexing", "search", "http", "memory");

  /**
   * What to run. Immutable.
   *
   * @param reuters a Reuters JSON Lines file to index, or null to skip it
   * @param generated the generated corpus: indexed, then searched, served and measured
   * @param work scratch folder for indexes and logs
   * @param threads indexing threads (both sides)
   * @param rounds times each side runs, alternating; medians are reported
   * @param reutersRounds rounds for indexing Reuters, which is small enough to repeat more often
   * @param seconds duration of each timed search or HTTP run
   * @param queriesPerClass queries drawn per query class
   * @param sections which of {@link #SECTIONS} to run
   * @param probeHeap the child JVM's -Xmx for the memory section, e.g. 256m
   */
  public record Config(
      Path reuters,
      Path generated,
      Path work,
      int threads,
      int rounds,
      int reutersRounds,
      double seconds,
      int queriesPerClass,
      Set<String> sections,
      String probeHeap) {

    public Config {
      if (threads < 1 || rounds < 1 || reutersRounds < 1 || seconds <= 0 || queriesPerClass < 1) {
        throw new IllegalArgumentException(
            "threads, rounds and queries must be >= 1 and seconds > 0, got threads="
                + threads
                + " rounds="
                + rounds
                + " seconds="
                + seconds
                + " queries="
                + queriesPerClass);
      }
      for (String s : sections) {
        if (!SECTIONS.contains(s)) {
          throw new IllegalArgumentException(
              "unknown section '" + s + "'; expected one of " + SECTIONS);
        }
      }
      sections = Set.copyOf(sections);
    }
  }

  private final Config config;
  private final PrintWriter progress;

  /** A run of {@code config} that reports progress lines to {@code progress}. */
  public Bench(Config config, PrintWriter progress) {
    this.config = config;
    this.progress = progress;
  }

  /** Runs the configured sections and returns their figures. */
  public BenchTable run() throws IOException, InterruptedException {
    BenchTable table = new BenchTable();
    table.note("started", Instant.now().toString());
    table.note("machine", machine());
    table.note("load average at start", loadAverage());
    Files.createDirectories(config.work());
    Path index = config.work().resolve("index-generated");
    Path bareIndex = config.work().resolve("index-bare");
    if (config.sections().contains("indexing")) {
      if (config.reuters() != null) {
        Path reutersIndex = config.work().resolve("index-reuters");
        new IndexBench(config.threads(), config.reutersRounds(), progress)
            .measure("Reuters-21578", config.reuters(), reutersIndex, bareIndex, table);
        ScratchDirs.deleteTree(reutersIndex);
      }
      new IndexBench(config.threads(), config.rounds(), progress)
          .measure(
              "generated " + config.generated().getFileName(),
              config.generated(),
              index,
              bareIndex,
              table);
    }
    if (!Files.isDirectory(index)) {
      throw new IOException(
          "no index of the generated corpus at " + index + "; run with the indexing section first");
    }
    QuerySet queries;
    try (Directory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir);
        Searcher searcher = Searcher.open(index)) {
      queries = QuerySet.draw(reader, config.queriesPerClass(), 42);
      SearchBench search = new SearchBench(searcher, new IndexSearcher(reader), progress);
      if (config.sections().contains("search") || config.sections().contains("http")) {
        table.note("search warm-up", search.warmUp(queries, config.seconds()).describe());
      }
      if (config.sections().contains("search")) {
        search.measure(queries, config.rounds(), config.seconds(), table);
      }
      if (config.sections().contains("http")) {
        measureHttp(searcher, search, queries.mix(), table);
      }
    }
    if (config.sections().contains("memory")) {
      new MemoryBench(config.probeHeap(), progress)
          .measure(
              index,
              queries.mix(),
              config.seconds() * 2,
              config.work().resolve("memory-probe.log"),
              table);
    }
    table.note("load average at end", loadAverage());
    table.note("finished", Instant.now().toString());
    return table;
  }

  /**
   * HTTP against the same mix run in-process through the API: one connection against one thread,
   * more connections against two threads (all the cores this machine has). The main rows ask what a
   * program or the page's "Load more" asks, the highlighted top 10 without facets; a last row asks
   * with facets, as the page's first request of a query does. The client is wrk when it is on PATH,
   * else the JDK's client inside this JVM; the notes say which.
   */
  private void measureHttp(
      Searcher searcher, SearchBench search, List<QuerySet.Entry> mix, BenchTable table)
      throws IOException {
    Optional<Path> wrk = WrkBench.onPath();
    try (WebServer server = new WebServer(searcher).start("127.0.0.1", 0);
        HttpLoad plain = client(wrk, server.port(), mix, false);
        HttpLoad faceted = client(wrk, server.port(), mix, true)) {
      table.note("http client", plain.describe());
      table.note("health probe", HealthProbe.describe());
      // The in-process side is warm from the search section's warm-up; the server's own code
      // (Jetty, Javalin, the handlers, JSON) is not yet.
      table.note(
          "http warm-up",
          WarmUp.forRuns(config.seconds(), round -> plain.run(16, round)).describe());
      for (int c : new int[] {1, 16, 64}) {
        measureHttp(plain, c, "", search::asServed, mix, table);
      }
      measureHttp(faceted, 16, ", facets", search::asServedWithFacets, mix, table);
      try (HttpBench overload = new HttpBench(server.port(), mix, false)) {
        for (int c : OVERLOAD_CONNECTIONS) {
          measureOverload(overload, server.port(), c, table);
        }
      }
    }
  }

  /** Connections of the overload rows: the served load, four times it, sixteen times it. */
  private static final int[] OVERLOAD_CONNECTIONS = {16, 64, 256};

  /**
   * The server past what it can run at once: answers and their latency only for the requests it
   * admitted, the share it turned away with 503, and how fast {@code /api/health} answered
   * meanwhile. The JDK client is used because it sees each answer's status and latency (wrk's
   * percentiles mix the quick 503s in); its CPU counts in this JVM, so no CPU row.
   */
  private void measureOverload(HttpBench http, int port, int connections, BenchTable table) {
    HealthProbe health = HealthProbe.start(port);
    Load.Result r = http.run(connections, config.seconds());
    HealthProbe.Figures h = health.stop();
    String name = "overload, " + connections + " connections (JDK client)";
    long asked = r.calls() + r.shed() + r.errors();
    table.value("http", name, "admitted req/s", r.perSecond());
    table.value("http", name, "admitted p50 ms", r.p50Ms());
    table.value("http", name, "admitted p99 ms", r.p99Ms());
    table.value("http", name, "shed share", asked == 0 ? 0 : (double) r.shed() / asked);
    table.value("http", name, "errors", r.errors());
    table.value("http", name, "health max ms", h.maxMs());
    progress.printf(
        Locale.ROOT,
        "http %s: %.0f admitted req/s, p99 %.2f ms, %.1f%% shed, health max %.1f ms, %d errors%n",
        name,
        r.perSecond(),
        r.p99Ms(),
        asked == 0 ? 0 : 100.0 * r.shed() / asked,
        h.maxMs(),
        r.errors());
    progress.flush();
  }

  private HttpLoad client(Optional<Path> wrk, int port, List<QuerySet.Entry> mix, boolean facets)
      throws IOException {
    if (wrk.isEmpty()) {
      return new HttpBench(port, mix, facets);
    }
    Path script = config.work().resolve(facets ? "wrk-search-facets.lua" : "wrk-search.lua");
    return new WrkBench(wrk.get(), port, mix, facets, script);
  }

  private void measureHttp(
      HttpLoad http,
      int connections,
      String label,
      Load.Call<QuerySet.Entry> api,
      List<QuerySet.Entry> mix,
      BenchTable table) {
    int threads = Math.min(connections, Runtime.getRuntime().availableProcessors());
    int rounds = config.rounds();
    Load.Result[] web = new Load.Result[rounds];
    Load.Result[] inProcess = new Load.Result[rounds];
    for (int r = 0; r < rounds; r++) {
      if (r % 2 == 0) {
        web[r] = http.run(connections, config.seconds());
        inProcess[r] = Load.run(mix, threads, config.seconds(), false, api);
      } else {
        inProcess[r] = Load.run(mix, threads, config.seconds(), false, api);
        web[r] = http.run(connections, config.seconds());
      }
    }
    SearchBench.Medians w = SearchBench.Medians.of(web);
    SearchBench.Medians a = SearchBench.Medians.of(inProcess);
    String name =
        connections
            + (connections == 1 ? " connection" : " connections")
            + label
            + " vs API "
            + threads
            + "T";
    table.rate("http", name, "req/s", w.perSecond(), a.perSecond());
    table.latency("http", name, "p50 ms", w.p50(), a.p50());
    table.latency("http", name, "p99 ms", w.p99(), a.p99());
    if (Double.isNaN(w.clientCpuMs())) {
      // Client and server share this process, so this is both ends' CPU per request.
      table.latency("http", name, "CPU ms/req (client+server)", w.cpuMs(), a.cpuMs());
    } else {
      table.latency("http", name, "CPU ms/req (server)", w.cpuMs(), a.cpuMs());
      table.latency(
          "http", name, "CPU ms/req (server+wrk)", w.cpuMs() + w.clientCpuMs(), a.cpuMs());
    }
    table.value("http", name, "errors", w.errors());
    progress.printf(
        Locale.ROOT,
        "http %s: %.0f req/s p99 %.2f ms (API %.0f QPS), CPU %.2f ms/req, %d errors%n",
        name,
        w.perSecond(),
        w.p99(),
        a.perSecond(),
        w.cpuMs(),
        w.errors());
    progress.flush();
  }

  private static String machine() {
    return String.format(
        Locale.ROOT,
        "%d cores, %s %s, JDK %s, max heap %d MB",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        Runtime.version(),
        Runtime.getRuntime().maxMemory() >> 20);
  }

  private static String loadAverage() {
    try {
      // The 1, 5 and 15 minute figures, as uptime prints them.
      String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
      return String.join(" ", List.of(fields).subList(0, 3));
    } catch (IOException e) {
      return String.format(
          Locale.ROOT,
          "%.2f (1 min)",
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
