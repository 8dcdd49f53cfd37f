package dev.verbatim.cli;

import dev.verbatim.index.Indexer;
import dev.verbatim.opensearch.ClusterSearcher;
import dev.verbatim.search.Searcher;
import dev.verbatim.web.AdminAccess;
import dev.verbatim.web.WebServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verbatim serve}: starts the HTTP server, indexing the corpus first when needed. */
@Command(
    name = "serve",
    header = "Serve the search page and the JSON API, indexing the corpus first when needed.",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the JSON API and the search page.",
      "When --corpus is a folder and the index is missing or older than the corpus, the corpus"
          + " is indexed first.",
      "New index commits (from `verbatim index` or --watch) are served within a second."
    })
final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Index folder (default: ${DEFAULT-VALUE}).")
  Path index = Path.of("index");

  @Option(
      names = "--corpus",
      paramLabel = "DIR",
      description =
          "Corpus to index when the index is missing or stale (default: ${DEFAULT-VALUE}).")
  Path corpus = Path.of("corpus");

  @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--port", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = 7070;

  @Option(
      names = "--time-limit",
      paramLabel = "MS",
      description =
          "Milliseconds a search may take to match before it answers with what it found (default:"
              + " ${DEFAULT-VALUE}).")
  long timeLimitMillis = Searcher.DEFAULT_TIME_LIMIT.toMillis();

  @Option(
      names = "--watch",
      description = "Reindex (incrementally) whenever files under --corpus change.")
  boolean watch;

  @Option(
      names = "--admin-token-file",
      paramLabel = "FILE",
      description = {
        "Turns on POST /api/admin/reload and /api/admin/reindex for requests with",
        "'Authorization: Bearer <token>', the token being this file's content. The",
        "environment variable " + ADMIN_TOKEN_ENV + " works too. Off by default."
      })
  Path adminTokenFile;

  @Option(
      names = "--verbose",
      description = "Also log what the web server does (Javalin and Jetty start-up, requests).")
  boolean verbose;

  /** Environment variable holding the admin token when no token file is given. */
  static final String ADMIN_TOKEN_ENV = "VERBATIM_ADMIN_TOKEN";

  @CommandLine.ArgGroup(exclusive = false, heading = "Cluster:%n")
  ClusterOptions cluster = new ClusterOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (timeLimitMillis < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--time-limit must be at least 1 ms, got " + timeLimitMillis);
    }
    if (verbose) {
      // Read by SLF4J's simple logger when the server's first logger is made, just below.
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (cluster.used()) {
      return serveCluster(out);
    }
    if (Files.exists(corpus) && isStale(index, corpus)) {
      if (verbose) {
        out.println("index at " + index + " is missing or older than " + corpus + "; indexing ...");
        out.flush();
      }
      Indexer.Summary summary = new Indexer().update(corpus, index);
      IndexCommand.printSummary(out, summary, index);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try (Searcher searcher = openWarm();
        WebServer server =
            new WebServer(searcher, adminAccess(System.getenv(ADMIN_TOKEN_ENV))).start(host, port);
        LiveIndex live = new LiveIndex(searcher, out).refreshPeriodically()) {
      if (watch) {
        live.watch(corpus, index, new Indexer());
      }
      Searcher.Stats stats = searcher.stats();
      out.printf(
          "serving %d articles and %d quotes from %s on http://%s:%d/%s (Ctrl-C stops)%n",
          stats.articles(),
          stats.quotes(),
          index,
          host,
          server.port(),
          watch ? ", reindexing when " + corpus + " changes" : "");
      out.flush();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
    }
    return Main.OK;
  }

  /**
   * Serves the index on a cluster: it must exist already (`verbatim index --opensearch` loads it);
   * a cluster that is down or holds no such index fails at once with the reason.
   */
  private int serveCluster(PrintWriter out) throws Exception {
    CountDownLatch stopped = new CountDownLatch(1);
    try (Searcher searcher =
            ClusterSearcher.connect(cluster.settings(), Duration.ofMillis(timeLimitMillis));
        WebServer server = new WebServer(searcher).start(host, port)) {
      Searcher.Stats stats = searcher.stats();
      out.printf(
          "serving %d articles and %d quotes from %s on http://%s:%d/ (Ctrl-C stops)%n",
          stats.articles(), stats.quotes(), cluster.settings(), host, server.port());
      out.flush();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
    }
    return Main.OK;
  }

  /**
   * The searcher, warmed up before the server listens: a cold JVM's first searches are slow enough
   * to reach the time limit, and the first user must not be told that nothing matches.
   */
  private Searcher openWarm() throws IOException {
    Searcher searcher = Searcher.open(index, Duration.ofMillis(timeLimitMillis));
    try {
      // Quietly: serve says one line when it is ready, and this is part of getting ready.
      searcher.warmUp(WebServer.WARM_UP);
      return searcher;
    } catch (IOException | RuntimeException e) {
      searcher.close();
      throw e;
    }
  }

  /**
   * Admin access from the token file, else from {@code envToken}; null (admin off) without either.
   */
  AdminAccess adminAccess(String envToken) throws IOException {
    Path reindexFrom = Files.isDirectory(corpus) ? corpus : null;
    Path reindexInto = reindexFrom == null ? null : index;
    if (adminTokenFile != null) {
      return AdminAccess.fromFile(adminTokenFile, reindexFrom, reindexInto);
    }
    return envToken == null || envToken.isBlank()
        ? null
        : new AdminAccess(envToken, reindexFrom, reindexInto);
  }

  /** True when {@code index} has no commit, or a corpus file is newer than its newest file. */
  static boolean isStale(Path index, Path corpus) throws IOException {
    FileTime indexTime = newest(index, p -> p.getFileName().toString().startsWith("segments_"));
    if (indexTime == null) {
      return true;
    }
    FileTime corpusTime = newest(corpus, p -> true);
    return corpusTime != null && corpusTime.compareTo(indexTime) > 0;
  }

  private static FileTime newest(Path root, java.util.function.Predicate<Path> which)
      throws IOException {
    if (!Files.exists(root)) {
      return null;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(which)
          .map(
              p -> {
                try {
                  return Files.getLastModifiedTime(p);
                } catch (IOException e) {
                  return FileTime.fromMillis(0);
                }
              })
          .max(FileTime::compareTo)
          .orElse(null);
    }
  }
}
