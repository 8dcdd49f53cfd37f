package dev.verbatim.opensearch;

import java.io.IOException;
import java.time.Duration;

/**
 * One two-node cluster for the test classes that leave it as they found it (each uses its own index
 * names), started by the first that asks and stopped when the test JVM exits: a cluster start is
 * most of what these tests cost on a two-core machine.
 */
final class SharedCluster {
  private static LocalCluster nodes;

  private SharedCluster() {}

  static synchronized LocalCluster get() throws IOException {
    if (nodes == null) {
      nodes = LocalCluster.start(2, 0, null, Duration.ofMinutes(3));
      Runtime.getRuntime().addShutdownHook(new Thread(nodes::close, "stop-shared-cluster"));
    }
    return nodes;
  }

  /** The URL of a running cluster a developer named, else the shared one's. */
  static String url() throws IOException {
    String running = System.getenv("VERBATIM_TEST_OPENSEARCH");
    return running != null ? running : get().url();
  }
}
