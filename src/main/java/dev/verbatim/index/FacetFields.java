package dev.verbatim.index;

import dev.verbatim.index.schema.Schema;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.util.BytesRef;

/**
 * Adds the fields {@code Schema.facetsConfig().build(doc)} makes of a sorted-set facet label,
 * straight into the document: a sorted-set doc value of the label's path (and of each parent path
 * for a hierarchical dimension) and the drill-down terms the dimension's setting asks for, all in
 * {@link FacetsConfig#DEFAULT_INDEX_FIELD_NAME}. The index is the same; what is saved is the copied
 * document, the label objects and the path encoding per document (JFR: 2.4% of an indexing worker's
 * samples and an eighth of its allocation). For single-valued dimensions, as all of the schema's
 * are; {@code FacetFieldsTest} checks the fields against {@code FacetsConfig.build}. Not
 * thread-safe: one per worker.
 */
final class FacetFields {
  private static final String FIELD = FacetsConfig.DEFAULT_INDEX_FIELD_NAME;

  /**
   * Encoded labels kept per dimension; a corpus with more distinct values starts the cache over.
   */
  private static final int MAX_CACHED = 8192;

  /** A label's encoded paths: {@code paths[i]} is its first {@code i + 1} components. */
  private record Label(BytesRef[] paths) {}

  private final FacetsConfig config;
  private final Map<String, Map<String, Label>> labels = new HashMap<>();

  /** The fields of {@link Schema#facetsConfig()}. */
  FacetFields() {
    this(Schema.facetsConfig());
  }

  /** The fields {@code config} makes; it must not change afterwards. */
  FacetFields(FacetsConfig config) {
    this.config = config;
  }

  /** Adds the fields of {@code SortedSetDocValuesFacetField(dim, path)}. */
  void add(Document doc, String dim, String... path) {
    Map<String, Label> byPath = labels.computeIfAbsent(dim, d -> new HashMap<>());
    String key = path.length == 1 ? path[0] : String.join("\u001F", path);
    Label label = byPath.get(key);
    if (label == null) {
      if (byPath.size() >= MAX_CACHED) {
        byPath.clear();
      }
      String[] components = new String[path.length + 1];
      components[0] = dim;
      System.arraycopy(path, 0, components, 1, path.length);
      label = encode(components);
      byPath.put(key, label);
    }
    add(doc, label, config.getDimConfig(dim));
  }

  private static Label encode(String[] components) {
    BytesRef[] paths = new BytesRef[components.length];
    for (int i = 0; i < components.length; i++) {
      paths[i] = new BytesRef(FacetsConfig.pathToString(components, i + 1));
    }
    return new Label(paths);
  }

  /**
   * The doc values are the full path, and for a hierarchical dimension every shorter path too (the
   * dimension alone included); the drill-down terms are what the dimension's {@code
   * drillDownTermsIndexing} asks for. Doc values and terms copy the bytes, so one label serves
   * every document.
   */
  private static void add(Document doc, Label label, FacetsConfig.DimConfig dim) {
    BytesRef[] paths = label.paths();
    int full = paths.length - 1;
    for (int i = dim.hierarchical ? 0 : full; i <= full; i++) {
      doc.add(new SortedSetDocValuesField(FIELD, paths[i]));
    }
    // paths[i] is a prefix of i + 1 components: the dimension alone is paths[0].
    int from =
        switch (dim.drillDownTermsIndexing) {
          case NONE -> full + 1;
          case FULL_PATH_ONLY -> full;
          case DIMENSION_AND_FULL_PATH -> {
            if (full > 0) {
              doc.add(new StringField(FIELD, paths[0], Field.Store.NO));
            }
            yield full;
          }
          case ALL_PATHS_NO_DIM -> Math.min(1, full);
          case ALL -> 0;
        };
    for (int i = from; i <= full; i++) {
      doc.add(new StringField(FIELD, paths[i], Field.Store.NO));
    }
  }
}
