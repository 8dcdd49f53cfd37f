package dev.verbatim.hostile;

import dev.verbatim.corpus.Article;
import dev.verbatim.corpus.CorpusReader;
import dev.verbatim.index.Indexer;
import dev.verbatim.search.Searcher;
import dev.verbatim.web.WebServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs the whole hostile-input suite against a JSON Lines corpus and prints one table: hostile
 * queries, path probes, kills during a reindex, searches during a reindex, start-up faults and a
 * load soak. Not thread-safe; one run at a time per work folder.
 */
public final class HostileSuite {
  /**
   * What to run. Immutable.
   *
   * @param corpus a JSON Lines corpus file (the Reuters-21578 conversion is the reference)
   * @param work an empty or scratch folder for corpora, indexes and child-process logs
   * @param queries hostile queries to send, at least 1
   * @param kills reindex kills, at least 1
   * @param connections soak connections, 1 to {@value Soak#MAX_CONNECTIONS}
   * @param soakSeconds soak duration, 1 to {@value Soak#MAX_SECONDS}
   * @param seed makes the generated queries and kill moments repeatable
   * @param barrageOnly run only the hostile queries and the path probes, not the soak or drills
   */
  public record Settings(
      Path corpus,
      Path work,
      int queries,
      int kills,
      int connections,
      int soakSeconds,
      long seed,
      boolean barrageOnly) {
    public Settings {
      if (!Files.isRegularFile(corpus) || !corpus.getFileName().toString().endsWith(".jsonl")) {
        throw new IllegalArgumentException("corpus must be a .jsonl file, got " + corpus);
      }
      if (queries < 1 || kills < 1) {
        throw new IllegalArgumentException(
            "queries and kills must be >= 1, got " + queries + " and " + kills);
      }
      if (connections < 1
          || connections > Soak.MAX_CONNECTIONS
          || soakSeconds < 1
          || soakSeconds > Soak.MAX_SECONDS) {
        throw new IllegalArgumentException(
            "soak needs 1.."
                + Soak.MAX_CONNECTIONS
                + " connections and 1.."
                + Soak.MAX_SECONDS
                + " seconds, got "
                + connections
                + " and "
                + soakSeconds);
      }
    }
  }

  /**
   * Concurrent clients sending hostile queries: more than the server has cores, fewer than its
   * threads.
   */
  private static final int QUERY_THREADS = 4;

  private final Settings settings;
  private final List<String[]> rows = new ArrayList<>();
  private final List<String> details = new ArrayList<>();
  private boolean passed = true;

  public HostileSuite(Settings settings) {
    this.settings = settings;
  }

  /**
   * Runs every drill, printing progress and then the table to {@code out}.
   *
   * @return true when every check passed
   * @throws IOException when the work folder cannot be written
   */
  public boolean run(PrintWriter out) throws IOException, InterruptedException {
    Path work = settings.work().toAbsolutePath();
    Path logs = Files.createDirectories(work.resolve("logs"));
    long lines;
    try (Stream<String> all = Files.lines(settings.corpus())) {
      lines = all.count();
    }
    Path full = Workbench.corpusFolder(settings.corpus(), work.resolve("corpus-full"), -1);
    Path before =
        Workbench.corpusFolder(
            settings.corpus(), work.resolve("corpus-before"), (int) (lines * 9 / 10));
    Path small = Workbench.corpusFolder(settings.corpus(), work.resolve("corpus-small"), 200);
    Path index = work.resolve("index");
    progress(out, "indexing " + settings.corpus() + " into " + index);
    Indexer.Summary summary = new Indexer().rebuild(full, index);
    List<String> words = Workbench.vocabulary(full, 3000);

    try (Searcher searcher = Searcher.open(index);
        WebServer server = new WebServer(searcher).start("127.0.0.1", 0)) {
      progress(out, "sending " + settings.queries() + " hostile queries");
      queries(server.port(), words);
      progress(out, "probing paths");
      paths(server.port(), index, work);
      if (settings.barrageOnly()) {
        printTable(out);
        return passed;
      }
      progress(
          out,
          "soaking: "
              + settings.connections()
              + " connections for "
              + settings.soakSeconds()
              + " s");
      soak(server.port(), words, summary.articles());
    }
    progress(out, "searching during a reindex");
    underReindex(before, full, work.resolve("index-live"), logs);
    progress(out, "killing " + settings.kills() + " reindex runs");
    kills(full, work.resolve("index-killed"), logs);
    progress(out, "start-up faults");
    faults(work, index, small, full);

    printTable(out);
    return passed;
  }

  private void queries(int port, List<String> words) throws IOException, InterruptedException {
    List<HostileQueries.Probe> probes =
        new HostileQueries(settings.seed(), words).generate(settings.queries());
    QueryBarrage.Outcome o =
        new QueryBarrage(port, QUERY_THREADS)
            .run(probes, "/api/search?q=" + HostileQueries.enc(words.get(0)));
    boolean fast = o.timings().maxMillis() <= 1000;
    row("hostile queries tried", String.valueOf(o.tried()), o.failed() == 0);
    row(
        "  answered (status: count)",
        o.byStatus().toString(),
        o.byStatus().keySet().stream().allMatch(s -> s == 200 || s == 400));
    row("  5xx answers", String.valueOf(o.serverErrors()), o.serverErrors() == 0);
    row(
        "  max latency",
        ms(o.timings().maxMillis())
            + " (p99 "
            + ms(o.timings().percentileMillis(99))
            + ", over 1 s: "
            + o.timings().countOver(1_000_000_000L)
            + ")",
        fast);
    row("  answers cut short by the time limit", String.valueOf(o.timeLimited()), true);
    row("  known query unchanged after", o.healthyAfter() ? "yes" : "NO", o.healthyAfter());
    details.add(
        "hostile query latency per kind (client wall time, "
            + QUERY_THREADS
            + " concurrent clients, load average "
            + loadAverage()
            + "):");
    o.latencyByKind().forEach(line -> details.add("  " + line));
    o.failures().forEach(f -> details.add("query failure: " + f));
  }

  private void paths(int port, Path index, Path work) throws IOException {
    PathProbes.Outcome o = new PathProbes(port, index, work).run();
    row(
        "path traversal probes",
        o.tried()
            + " tried, "
            + o.leaked()
            + " leaked, "
            + o.serverErrors()
            + " 5xx, "
            + o.missingHeaders()
            + " without headers",
        o.passed());
    o.failures().forEach(f -> details.add("path failure: " + f));
  }

  private void soak(int port, List<String> words, long articles) throws InterruptedException {
    Soak.Outcome o =
        new Soak(port)
            .run(
                settings.connections(),
                settings.soakSeconds(),
                words.subList(0, Math.min(500, words.size())));
    row(
        "soak",
        o.connections()
            + " connections x "
            + o.seconds()
            + " s, "
            + o.requests()
            + " requests over "
            + articles
            + " articles",
        o.requests() > 0);
    row("  soak errors", String.valueOf(o.errors()), o.errors() == 0);
    row("  soak shed (503, Retry-After)", o.shed() + " of " + (o.requests()) + " requests", true);
    row(
        "  soak latency",
        "p50 "
            + ms(o.timings().percentileMillis(50))
            + ", p99 "
            + ms(o.timings().percentileMillis(99))
            + ", max "
            + ms(o.timings().maxMillis()),
        true);
    row("  heap after GC (start -> end)", mb(o.heapStart()) + " -> " + mb(o.heapEnd()), !o.grew());
    row("  open fds (start -> end)", o.fdsStart() + " -> " + o.fdsEnd(), !o.grew());
    o.problems().forEach(p -> details.add("soak problem: " + p));
  }

  private void underReindex(Path before, Path full, Path index, Path logs)
      throws IOException, InterruptedException {
    ReindexUnderLoad.Outcome o =
        new ReindexUnderLoad(before, full, index, logs).run(wordsOfLastArticle(full), 8);
    row(
        "searches during a full reindex",
        o.searches() + ", errors " + o.errors(),
        o.errors() == 0 && o.reindexSucceeded());
    row(
        "  totals outside {before, after}",
        o.inconsistent()
            + " (before "
            + o.before()
            + ", after "
            + o.after()
            + ", seen "
            + o.totalsSeen()
            + ")",
        o.inconsistent() == 0);
    row("  answers marked partial (time limit)", String.valueOf(o.partial()), true);
    o.problems().forEach(p -> details.add("reindex-under-load problem: " + p));
  }

  private void kills(Path full, Path index, Path logs) throws IOException, InterruptedException {
    KillDrill.Outcome o = new KillDrill(full, index, logs, settings.seed()).run(settings.kills());
    row(
        "reindex kills survived",
        o.survived()
            + "/"
            + o.kills()
            + " (full run "
            + String.format(Locale.ROOT, "%.1f", o.fullRunSeconds())
            + " s; "
            + o.finishedBeforeKill()
            + " finished before their kill)",
        o.survived() == o.kills());
    row(
        "documents lost",
        o.lost()
            + " ("
            + o.finalArticles()
            + " of "
            + o.expectedArticles()
            + " articles after the final run)",
        o.lost() == 0 && o.problems().isEmpty());
    o.problems().forEach(p -> details.add("kill problem: " + p));
  }

  private void faults(Path work, Path index, Path small, Path full)
      throws IOException, InterruptedException {
    StartupFaults faults = new StartupFaults(work);
    List<StartupFaults.Check> checks = new ArrayList<>(faults.missingIndex());
    checks.addAll(faults.damagedIndex(index));
    long indexMb = sizeMb(index);
    checks.add(faults.fullDisk(small, full, (int) Math.max(4, Math.min(20, indexMb / 2)), 600));
    for (StartupFaults.Check c : checks) {
      row(
          c.fault(),
          c.tried() ? (c.passed() ? "handled" : "NOT handled") : "not tried",
          c.passed() || !c.tried());
      details.add(c.fault() + ": " + c.detail());
    }
  }

  private static List<String> wordsOfLastArticle(Path corpus) throws IOException {
    CorpusReader reader = new CorpusReader(corpus);
    List<Article> articles = reader.read(reader.files().get(reader.files().size() - 1)).articles();
    String text = articles.get(articles.size() - 1).text().toLowerCase(Locale.ROOT);
    return Arrays.stream(text.split("[^\\p{IsLatin}]+"))
        .filter(w -> w.length() >= 5)
        .distinct()
        .toList();
  }

  private static String loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", load);
  }

  private static long sizeMb(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      long bytes = 0;
      for (Path f : files.toList()) {
        bytes += Files.size(f);
      }
      return bytes >> 20;
    }
  }

  private void row(String what, String value, boolean ok) {
    rows.add(new String[] {what, value, ok ? "ok" : "FAIL"});
    passed &= ok;
  }

  private void printTable(PrintWriter out) {
    int w0 = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10);
    out.println();
    out.printf(Locale.ROOT, "%-" + w0 + "s  %-4s  %s%n", "check", "", "result");
    for (String[] r : rows) {
      out.printf(Locale.ROOT, "%-" + w0 + "s  %-4s  %s%n", r[0], r[2], r[1]);
    }
    out.println();
    details.forEach(d -> out.println("  " + d));
    out.println(passed ? "hostile suite: PASS" : "hostile suite: FAIL");
    out.flush();
  }

  private static void progress(PrintWriter out, String what) {
    out.printf(Locale.ROOT, "[%tT] %s%n", System.currentTimeMillis(), what);
    out.flush();
  }

  private static String ms(double millis) {
    return String.format(Locale.ROOT, "%.0f ms", millis);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }
}
