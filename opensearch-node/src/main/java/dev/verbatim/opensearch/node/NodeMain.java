package dev.verbatim.opensearch.node;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Runs one OpenSearch node of a local cluster in this JVM until it is told to stop (SIGTERM, or
 * standard input closing when the parent process dies), for tests and for trying the cluster
 * backend out. Started by {@code dev.verbatim.opensearch.LocalCluster}, one process per node, so a
 * test can stop one node by its PID. Prints {@value #STARTED} on standard output once the node
 * listens.
 *
 * <pre>
 * NodeMain --name N --home DIR --cluster NAME --http-port P --transport-port T
 *          --seeds host:port,... --managers name,... [--manager]
 * </pre>
 */
public final class NodeMain {
  /** The line printed once the node is up, followed by its HTTP port. */
  public static final String STARTED = "verbatim-opensearch-node started";

  // What Verbatim's index uses: the analysis chain's filters, the HTTP transport, delete-by-query.
  private static final String MODULES =
      String.join(
          ",",
          "org.opensearch.analysis.common.CommonAnalysisModulePlugin",
          "org.opensearch.index.mapper.MapperExtrasModulePlugin",
          "org.opensearch.index.reindex.ReindexModulePlugin",
          "org.opensearch.transport.Netty4ModulePlugin");

  private NodeMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    String name = required(options, "name");
    int httpPort = Integer.parseInt(required(options, "http-port"));
    int transportPort = Integer.parseInt(required(options, "transport-port"));
    boolean manager = options.containsKey("manager");
    OpenSearchRunner runner = new OpenSearchRunner();
    // A node that stops with its parent leaves no cluster behind after a crashed test run.
    Thread stdinWatch =
        new Thread(
            () -> {
              try {
                while (System.in.read() >= 0) {
                  // discard
                }
              } catch (IOException ignored) {
                // the parent is gone either way
              }
              System.exit(0);
            },
            "stdin-watch");
    stdinWatch.setDaemon(true);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> close(runner), "node-shutdown"));
    runner.onBuild(
        (number, settings) -> {
          settings.put("node.name", name);
          settings.put("network.host", "127.0.0.1");
          // The runner makes a lone node a single-node cluster; these nodes join one another.
          settings.put("discovery.type", "zen");
          settings.put("http.port", String.valueOf(httpPort));
          settings.put("transport.port", String.valueOf(transportPort));
          settings.putList("discovery.seed_hosts", list(required(options, "seeds")));
          settings.putList(
              "cluster.initial_cluster_manager_nodes", list(required(options, "managers")));
          settings.putList(
              "node.roles", manager ? List.of("cluster_manager", "data") : List.of("data"));
          // A test machine's disk may be fuller than a server's: do not refuse shards for it.
          settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
          settings.put("action.auto_create_index", "false");
        });
    runner.build(
        OpenSearchRunner.newConfigs()
            .basePath(required(options, "home"))
            .clusterName(required(options, "cluster"))
            .numOfNode(1)
            .moduleTypes(MODULES)
            .disableESLogger());
    System.out.println(STARTED + " " + httpPort);
    System.out.flush();
    if (options.containsKey("watch-stdin")) {
      stdinWatch.start();
    }
    while (!runner.isClosed()) {
      Thread.sleep(1000);
    }
  }

  private static void close(OpenSearchRunner runner) {
    try {
      runner.close();
    } catch (IOException | RuntimeException e) {
      System.err.println("closing the node: " + e);
    }
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
      }
      String key = args[i].substring(2);
      boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
      options.put(key, flag ? "" : args[++i]);
    }
    return options;
  }

  private static String required(Map<String, String> options, String key) {
    String value = options.get(key);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("--" + key + " is required");
    }
    return value;
  }

  private static List<String> list(String csv) {
    return new ArrayList<>(List.of(csv.split(",")));
  }
}
