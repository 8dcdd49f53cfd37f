package dev.verbatim.index;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.util.BytesRef;

/**
 * Adds the fields {@code Schema.facetsConfig().build(doc)} makes of a sorted-set facet label, written
 * straight into the document: per label, a sorted-set doc value of its path and of each parent
 * path for hierarchical dimensions, and drill-down terms for the path and every prefix, all in
 * {@link FacetsConfig#DEFAULT_INDEX_FIELD_NAME}. The index is the same; what is saved is the
 * rebuilt document, the label objects and the path encoding per document (JFR: 2.4% of an
 * indexing worker's samples and an eighth of its allocation). Labels are encoded once and kept;
 * {@code FacetFieldsTest} checks the fields against {@code FacetsConfig.build}. Not thread-safe: one per worker.
 */
final class FacetFields {
  private static final String FIELD = FacetsConfig.DEFAULT_INDEX_FIELD_NAME;
  /** Encoded labels kept per dimension; a corpus with more distinct values starts the cache over. */
  private static final int MAX_CACHED = 8192;

  /** A label's encoded paths: {@code paths[i]} is its first {@code i + 1} components. */
  private record Label(BytesRef[] paths) {}

  private final FacetsConfig config = Schema.facetsConfig();
  private final Map<String, Map<String, Label>> labels = new HashMap<>();

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
    add(doc, label, config.getDimConfig(dim).hierarchical);
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
   * dimension alone included); the drill-down terms are the full path and every shorter one. Doc
   * values and terms copy the bytes, so one label serves every document.
   */
  private static void add(Document doc, Label label, boolean hierarchical) {
    BytesRef[] paths = label.paths();
    int full = paths.length - 1;
    for (int i = hierarchical ? 0 : full; i <= full; i++) {
      doc.add(new SortedSetDocValuesField(FIELD, paths[i]));
    }
    for (int i = 0; i <= full; i++) {
      doc.add(new StringField(FIELD, paths[i], Field.Store.NO));
    }
  }
}
