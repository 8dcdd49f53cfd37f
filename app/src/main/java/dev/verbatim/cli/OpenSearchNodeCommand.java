package dev.verbatim.cli;

import dev.verbatim.opensearch.LocalCluster;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verbatim opensearch-node}: a local OpenSearch cluster for trying the backend out. */
@Command(
    name = "opensearch-node",
    header = "Run a local OpenSearch cluster to try the cluster backend.",
    mixinStandardHelpOptions = true,
    description = {
      "Run a local OpenSearch cluster (each node its own JVM, on 127.0.0.1) until Ctrl-C, for"
          + " trying `index/search/serve --opensearch` out. Not for production: no security"
          + " plugin, small heaps."
    })
final class OpenSearchNodeCommand implements Callable<Integer> {
  @Option(
      names = "--nodes",
      paramLabel = "N",
      description = "Nodes (default: ${DEFAULT-VALUE}); the first is the cluster manager.")
  int nodes = 2;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "HTTP port of the first node; the others follow (default: ${DEFAULT-VALUE}).")
  int port = 9200;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Where the nodes keep their data and logs (default: a temporary folder).")
  Path data;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    err.println("verbatim: starting " + nodes + " OpenSearch node(s) ...");
    err.flush();
    LocalCluster cluster = LocalCluster.start(nodes, port, data, Duration.ofMinutes(5));
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "opensearch-node-stop"));
    out.println(
        "OpenSearch cluster green at " + cluster.url() + " (" + nodes + " nodes); Ctrl-C stops it");
    out.println("  ./verbatim index --opensearch " + cluster.url() + " --corpus corpus");
    out.println("  ./verbatim serve --opensearch " + cluster.url());
    out.flush();
    cluster.awaitExit();
    return Main.OK;
  }
}
