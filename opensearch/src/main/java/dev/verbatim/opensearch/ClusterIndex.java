package dev.verbatim.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verbatim.index.Indexer;
import dev.verbatim.index.spi.Indexing;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A Verbatim index on an OpenSearch cluster, named by an alias ({@link ClusterSettings#indexName}):
 * loaded from a corpus as the local index is (the same reading, extraction and quote grouping, on
 * this machine's cores), searched through the alias. A full rebuild loads a new index and then
 * points the alias at it in one atomic step, so readers never see a half-built index; an update
 * loads into the current index, invisible until it finishes (see {@link ClusterTarget}).
 * Thread-safe, but one load at a time per alias.
 */
public final class ClusterIndex implements AutoCloseable {
  /** Shards and replicas of a new index unless told otherwise. */
  public static final int DEFAULT_SHARDS = 1;

  public static final int DEFAULT_REPLICAS = 1;

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);

  private final Cluster cluster;
  private final String alias;
  private volatile long lastRetried;

  private ClusterIndex(Cluster cluster) {
    this.cluster = cluster;
    this.alias = cluster.settings().indexName();
  }

  /**
   * Connects to the cluster and checks that it answers.
   *
   * @throws IOException when it cannot be reached or refuses the credentials
   */
  public static ClusterIndex connect(ClusterSettings settings) throws IOException {
    Cluster cluster = Cluster.connect(settings);
    try {
      cluster.call("GET", "/", null);
      return new ClusterIndex(cluster);
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** The alias this index is searched by. */
  public String alias() {
    return alias;
  }

  /**
   * Brings the index up to date with {@code corpus}, reading only new and changed files (by the
   * file states the last load recorded in the cluster); builds it when the alias does not exist
   * yet.
   */
  public Indexer.Summary update(Path corpus, Indexer indexer) throws IOException {
    List<String> current = indicesBehindAlias();
    if (current.isEmpty()) {
      return rebuild(corpus, indexer, DEFAULT_SHARDS, DEFAULT_REPLICAS);
    }
    if (current.size() > 1) {
      throw new IOException(
          "alias " + alias + " points at several indices " + current + "; it must name one");
    }
    try (ClusterTarget target = ClusterTarget.open(cluster, current.get(0), newLoad(), false)) {
      Indexer.Summary summary = Indexing.into(indexer, corpus, target);
      lastRetried = target.retried();
      return summary;
    }
  }

  /**
   * Loads {@code corpus} into a new index of {@code shards} primaries and {@code replicas} copies,
   * then switches the alias to it atomically and deletes the indices it pointed at before. When the
   * load fails, the new index is deleted and the alias still serves what it served.
   */
  public Indexer.Summary rebuild(Path corpus, Indexer indexer, int shards, int replicas)
      throws IOException {
    if (shards < 1 || replicas < 0) {
      throw new IllegalArgumentException(
          "shards must be >= 1 and replicas >= 0, got " + shards + " and " + replicas);
    }
    List<String> previous = indicesBehindAlias();
    String index = alias + "-" + LocalDateTime.now().format(STAMP);
    cluster.call("PUT", "/" + index, IndexMapping.create(shards, replicas));
    Indexer.Summary summary;
    try {
      cluster.call(
          "GET", "/_cluster/health/" + index + "?wait_for_status=yellow&timeout=60s", null);
      try (ClusterTarget target = ClusterTarget.open(cluster, index, newLoad(), true)) {
        summary = Indexing.into(indexer, corpus, target);
        lastRetried = target.retried();
      }
      swapAlias(previous, index);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(index, e);
      throw new IOException(
          e.getMessage()
              + "; the new index was removed and "
              + alias
              + (previous.isEmpty() ? " was not created" : " still serves " + previous),
          e);
    }
    for (String old : previous) {
      try {
        cluster.call("DELETE", "/" + old, null);
      } catch (IOException e) {
        // The alias moved already; a leftover index costs disk, not correctness.
      }
    }
    return summary;
  }

  /** Items and requests the last load had to send again (rejections, a node going away). */
  public long lastRetried() {
    return lastRetried;
  }

  /** The indices the alias points at; empty when it does not exist. */
  List<String> indicesBehindAlias() throws IOException {
    try {
      JsonNode answer = cluster.call("GET", "/_alias/" + alias, null);
      List<String> indices = new ArrayList<>();
      Iterator<String> names = answer.fieldNames();
      names.forEachRemaining(indices::add);
      return indices;
    } catch (ClusterException e) {
      if (e.status() != 404) {
        throw e;
      }
    }
    if (cluster.exists("/" + alias)) {
      throw new IOException(
          "the cluster has an index (not an alias) named "
              + alias
              + "; choose another --index-name, or delete that index");
    }
    return List.of();
  }

  private void swapAlias(List<String> previous, String index) throws IOException {
    ObjectNode body = Cluster.object();
    ArrayNode actions = body.putArray("actions");
    for (String old : previous) {
      actions.addObject().putObject("remove").put("index", old).put("alias", alias);
    }
    actions.addObject().putObject("add").put("index", index).put("alias", alias);
    cluster.call("POST", "/_aliases", body);
  }

  private void deleteQuietly(String index, Exception failure) {
    try {
      cluster.call("DELETE", "/" + index, null);
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private static String newLoad() {
    return UUID.randomUUID().toString();
  }

  Cluster cluster() {
    return cluster;
  }

  @Override
  public void close() throws IOException {
    cluster.close();
  }
}
