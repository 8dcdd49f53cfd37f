package dev.verbatim.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verbatim.index.schema.Schema;
import dev.verbatim.index.spi.IndexTarget;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOConsumer;

/**
 * One index of a cluster as an {@link IndexTarget}: documents go out through a {@link BulkLoader};
 * the file states of earlier loads are read once when the target opens, and a changed or deleted
 * file's old documents are removed when the load finishes, just before the one refresh that makes
 * the load visible (the index never refreshes on its own, see {@link IndexMapping#create}).
 * Thread-safe.
 */
final class ClusterTarget implements IndexTarget {
  private static final int PAGE = 5_000;

  private final Cluster cluster;
  private final String index;
  private final String load;
  private final BulkLoader bulk;
  // Path -> file_state of earlier loads; empty for a fresh index.
  private final Map<String, String> recorded;
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();
  private final boolean fresh;

  private ClusterTarget(
      Cluster cluster, String index, String load, boolean fresh, Map<String, String> recorded) {
    this.cluster = cluster;
    this.index = index;
    this.load = load;
    this.fresh = fresh;
    this.recorded = recorded;
    this.bulk = new BulkLoader(cluster, index);
  }

  /** A target for {@code index}; {@code fresh} when it was just created empty. */
  static ClusterTarget open(Cluster cluster, String index, String load, boolean fresh)
      throws IOException {
    return new ClusterTarget(
        cluster, index, load, fresh, fresh ? Map.of() : recordedStates(cluster, index));
  }

  /** Every article's file state, paged through a composite aggregation. */
  private static Map<String, String> recordedStates(Cluster cluster, String index)
      throws IOException {
    Map<String, String> states = new TreeMap<>();
    JsonNode after = null;
    while (true) {
      ObjectNode body = Cluster.object().put("size", 0);
      body.putObject("query").putObject("term").put(Schema.TYPE, Schema.TYPE_ARTICLE);
      ObjectNode composite =
          body.putObject("aggs").putObject("states").putObject("composite").put("size", PAGE);
      composite
          .putArray("sources")
          .addObject()
          .putObject("state")
          .putObject("terms")
          .put("field", Schema.FILE_STATE);
      if (after != null) {
        composite.set("after", after);
      }
      JsonNode agg =
          cluster.call("POST", "/" + index + "/_search", body).path("aggregations").path("states");
      for (JsonNode bucket : agg.path("buckets")) {
        String term = bucket.path("key").path("state").asText();
        states.put(term.substring(0, term.indexOf('\u0000')), term);
      }
      after = agg.get("after_key");
      if (after == null || agg.path("buckets").isEmpty()) {
        return states;
      }
    }
  }

  @Override
  public Recorded recordedState(String path) {
    String state = recorded.get(path);
    if (state == null) {
      return null;
    }
    String[] parts = state.split("\u0000", -1);
    return new Recorded(state, Long.parseLong(parts[2]));
  }

  @Override
  public boolean broken() {
    return bulk.failed();
  }

  @Override
  public void forEachRecordedPath(IOConsumer<String> action) throws IOException {
    for (String path : recorded.keySet()) {
      action.accept(path);
    }
  }

  @Override
  public List<Document> nearQuotes(List<BytesRef> keys, int maxPerKey) throws IOException {
    if (fresh || keys.isEmpty()) {
      return List.of();
    }
    ObjectNode body = Cluster.object().put("size", maxPerKey * keys.size());
    ArrayNode values = body.putObject("query").putObject("terms").putArray(Schema.NEAR_KEY);
    DocumentJson.hex(keys).forEach(values::add);
    body.putArray("_source").add(Schema.TEXT).add(Schema.FINGERPRINT);
    List<Document> docs = new ArrayList<>();
    for (JsonNode hit :
        cluster.call("POST", "/" + index + "/_search", body).path("hits").path("hits")) {
      JsonNode source = hit.path("_source");
      Document d = new Document();
      d.add(new StoredField(Schema.TEXT, source.path(Schema.TEXT).asText()));
      d.add(new StoredField(Schema.FINGERPRINT, source.path(Schema.FINGERPRINT).asText()));
      docs.add(d);
    }
    return docs;
  }

  @Override
  public void add(List<Document> block) throws IOException {
    for (Document doc : block) {
      bulk.add(doc.get(Schema.ID), DocumentJson.of(doc, load));
    }
  }

  @Override
  public void deleteFile(String path) {
    deleted.add(path);
  }

  /**
   * Waits for every bulk request, removes the documents earlier loads stored for changed and
   * deleted files, then refreshes once: readers see the whole load, or (before this) none of it.
   */
  @Override
  public void finish() throws IOException {
    bulk.flush();
    List<String> paths = new ArrayList<>(deleted);
    for (int from = 0; from < paths.size(); from += 1_000) {
      List<String> some = paths.subList(from, Math.min(paths.size(), from + 1_000));
      ObjectNode body = Cluster.object();
      ObjectNode bool = body.putObject("query").putObject("bool");
      ArrayNode files =
          bool.putArray("filter").addObject().putObject("terms").putArray(Schema.FILE);
      some.forEach(files::add);
      bool.putArray("must_not").addObject().putObject("term").put(IndexMapping.LOAD, load);
      JsonNode answer =
          cluster.call(
              "POST",
              "/"
                  + index
                  + "/_delete_by_query?conflicts=proceed&refresh=false&wait_for_completion=true",
              body);
      if (answer.path("failures").size() > 0) {
        throw new IOException(
            "removing the old documents of changed files failed: "
                + Cluster.reason(answer.path("failures").path(0)));
      }
    }
    cluster.call("POST", "/" + index + "/_refresh", null);
  }

  /** Documents the cluster accepted, and items sent again (for the run's report). */
  long sent() {
    return bulk.sent();
  }

  long retried() {
    return bulk.retried();
  }

  @Override
  public void close() {
    bulk.close();
  }
}
