package dev.verbatim.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A local OpenSearch cluster for tests and for trying the cluster backend out: one child JVM per
 * node, each running {@code dev.verbatim.opensearch.node.NodeMain} on the classpath the {@code
 * opensearch-node} module's build wrote (OpenSearch brings its own Lucene, which cannot share a JVM
 * with Verbatim's). The first node is cluster manager and data node, the others data nodes, so any
 * node but the first can be stopped ({@link #stopNode}) and the cluster goes on. Nodes listen on
 * 127.0.0.1 only and stop when this object is closed or the JVM that started them exits.
 * Thread-safe.
 */
public final class LocalCluster implements AutoCloseable {
  /** Where a node's classpath file is looked for besides the defaults. */
  public static final String CLASSPATH_ENV = "VERBATIM_OPENSEARCH_NODE_CLASSPATH";

  /** Extra JVM options for each node, replacing {@link #DEFAULT_NODE_OPTIONS}. */
  public static final String NODE_OPTIONS_ENV = "VERBATIM_OPENSEARCH_NODE_OPTS";

  /** A small heap and the serial collector: a node shares a two-core machine with its tests. */
  public static final String DEFAULT_NODE_OPTIONS = "-Xms256m -Xmx512m -XX:+UseSerialGC";

  private static final String MAIN = "dev.verbatim.opensearch.node.NodeMain";
  private static final String STARTED = "verbatim-opensearch-node started";
  private static final String BUILD_HINT =
      "build it with `./mvnw -B -q -DskipTests package` (or `-pl opensearch-node -am package`)";

  private final Path home;
  private final boolean ownHome;
  private final List<Integer> httpPorts;
  private final List<Process> nodes = new ArrayList<>();

  private LocalCluster(Path home, boolean ownHome, List<Integer> httpPorts) {
    this.home = home;
    this.ownHome = ownHome;
    this.httpPorts = List.copyOf(httpPorts);
  }

  /**
   * Starts {@code nodes} nodes and waits until the cluster is green with all of them.
   *
   * @param firstHttpPort the first node's HTTP port (the others follow it), or 0 for free ports
   * @param home where the nodes keep data and logs, or null for a temporary folder deleted on
   *     {@link #close}
   * @param timeout how long to wait for green
   * @throws IOException when the node classpath is missing, a port is taken, or a node fails to
   *     start in time (the message holds the end of its log)
   */
  public static LocalCluster start(int nodes, int firstHttpPort, Path home, Duration timeout)
      throws IOException {
    if (nodes < 1 || nodes > 9) {
      throw new IllegalArgumentException("nodes must be between 1 and 9, got " + nodes);
    }
    String classpath = nodeClasspath();
    boolean own = home == null;
    Path dir = own ? Files.createTempDirectory("verbatim-opensearch") : home;
    Files.createDirectories(dir);
    List<Integer> http = new ArrayList<>();
    List<Integer> transport = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      http.add(firstHttpPort > 0 ? firstHttpPort + i : freePort());
      transport.add(freePort());
    }
    for (int port : http) {
      if (!isFree(port)) {
        throw new IOException(
            "port " + port + " is in use; stop what listens there or choose another with --port");
      }
    }
    LocalCluster cluster = new LocalCluster(dir, own, http);
    try {
      String seeds = String.join(",", transport.stream().map(p -> "127.0.0.1:" + p).toList());
      String clusterName = "verbatim-" + http.get(0);
      for (int i = 0; i < nodes; i++) {
        cluster.nodes.add(
            cluster.launch(classpath, i, clusterName, http.get(i), transport.get(i), seeds));
      }
      cluster.awaitGreen(timeout);
      return cluster;
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** The HTTP address of the first node, e.g. {@code http://127.0.0.1:9200}. */
  public String url() {
    return "http://127.0.0.1:" + httpPorts.get(0);
  }

  /** The HTTP ports, one per node, in node order. */
  public List<Integer> httpPorts() {
    return httpPorts;
  }

  /** The process id of node {@code i} (0 is the cluster manager). */
  public long pid(int i) {
    return nodes.get(i).pid();
  }

  /**
   * Stops node {@code i} by its PID (SIGTERM, then SIGKILL after 30 s) and waits until it is gone.
   * Node 0 is the cluster manager: without it the cluster stops answering.
   */
  public synchronized void stopNode(int i) {
    stop(nodes.get(i));
  }

  /** Blocks until every node has exited (for {@code verbatim opensearch-node}). */
  public void awaitExit() throws InterruptedException {
    for (Process p : nodes) {
      p.waitFor();
    }
  }

  private static void stop(Process p) {
    if (!p.isAlive()) {
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    for (Process p : nodes) {
      p.destroy();
    }
    nodes.forEach(LocalCluster::stop);
    if (ownHome) {
      deleteTree(home);
    }
  }

  private Process launch(
      String classpath, int i, String clusterName, int httpPort, int transportPort, String seeds)
      throws IOException {
    String name = "node-" + (i + 1);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String options = System.getenv().getOrDefault(NODE_OPTIONS_ENV, DEFAULT_NODE_OPTIONS);
    command.addAll(List.of(options.strip().split("\\s+")));
    command.addAll(
        List.of(
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            classpath,
            MAIN,
            "--name",
            name,
            "--home",
            home.resolve(name).toString(),
            "--cluster",
            clusterName,
            "--http-port",
            String.valueOf(httpPort),
            "--transport-port",
            String.valueOf(transportPort),
            "--seeds",
            seeds,
            "--managers",
            "node-1",
            "--watch-stdin"));
    if (i == 0) {
      command.add("--manager");
    }
    Path log = home.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    // Stdin stays a pipe: the node exits when it closes, that is when this JVM dies.
    return builder.start();
  }

  private void awaitGreen(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI health =
        uri(
            url()
                + "/_cluster/health?wait_for_status=green&wait_for_nodes="
                + nodes.size()
                + "&timeout=2s");
    while (true) {
      for (int i = 0; i < nodes.size(); i++) {
        if (!nodes.get(i).isAlive()) {
          throw new IOException(
              "OpenSearch node-" + (i + 1) + " exited while starting; its log ends:\n" + tail(i));
        }
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"status\":\"green\"")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the cluster", e);
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(
            "the local cluster was not green after "
                + timeout.toSeconds()
                + " s; node-1's log ends:\n"
                + tail(0));
      }
      sleep(250);
    }
  }

  private String tail(int i) {
    Path log = home.resolve("node-" + (i + 1) + ".log");
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }

  /**
   * The node JVM's classpath: its classes and every jar the {@code opensearch-node} module's build
   * listed. Looked for where {@link #CLASSPATH_ENV} points, then beside this code (the jar in
   * {@code target/}, or the module's classes in {@code target/opensearch/classes}), then in {@code
   * target/opensearch-node} under the working directory.
   *
   * @throws IOException naming the places looked at and how to build the file, when none has it
   */
  static String nodeClasspath() throws IOException {
    List<Path> candidates = new ArrayList<>();
    String fromEnv = System.getenv(CLASSPATH_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      candidates.add(Path.of(fromEnv));
    }
    codeLocation()
        .ifPresent(
            code -> {
              for (Path dir = code.getParent(); dir != null; dir = dir.getParent()) {
                candidates.add(dir.resolve("opensearch-node").resolve("classpath.txt"));
                candidates.add(
                    dir.resolve("target").resolve("opensearch-node").resolve("classpath.txt"));
                if (candidates.size() > 8) {
                  break;
                }
              }
            });
    candidates.add(Path.of("target", "opensearch-node", "classpath.txt").toAbsolutePath());
    for (Path file : candidates) {
      Path classes = file.resolveSibling("classes");
      if (Files.isRegularFile(file)
          && Files.isRegularFile(classes.resolve(MAIN.replace('.', '/') + ".class"))) {
        String jars = Files.readString(file, StandardCharsets.UTF_8).strip();
        return classes + java.io.File.pathSeparator + jars;
      }
    }
    throw new IOException(
        "the OpenSearch node's classpath file was not found (looked at "
            + String.join(", ", candidates.stream().map(Path::toString).distinct().toList())
            + "); "
            + BUILD_HINT
            + ", or point "
            + CLASSPATH_ENV
            + " at a classpath.txt");
  }

  private static Optional<Path> codeLocation() {
    try {
      return Optional.of(
          Path.of(LocalCluster.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static URI uri(String s) {
    return URI.create(s);
  }

  private static void sleep(long ms) throws IOException {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the cluster", e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // A leftover temporary folder is not worth failing a test run for.
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "LocalCluster[%d nodes at %s]", httpPorts.size(), url());
  }
}
