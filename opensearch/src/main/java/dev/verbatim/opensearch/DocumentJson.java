package dev.verbatim.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verbatim.index.schema.Schema;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

/**
 * A document the indexer made, as the cluster's JSON source: one value per field of {@link
 * Schema#FIELDS} (an array for the multi-valued ones), read from whichever of the Lucene fields of
 * that name carries it; facet and sort bookkeeping is left out, the mapping does that. Stateless.
 */
final class DocumentJson {
  private static final Map<String, Schema.FieldSpec> FIELDS =
      Schema.FIELDS.stream().collect(Collectors.toMap(Schema.FieldSpec::name, Function.identity()));

  private DocumentJson() {}

  static ObjectNode of(Document doc, String load) {
    ObjectNode json = Cluster.object();
    for (IndexableField f : doc.getFields()) {
      Schema.FieldSpec spec = FIELDS.get(f.name());
      if (spec == null) {
        continue;
      }
      Object value = value(spec.kind(), f);
      if (value == null) {
        continue;
      }
      if (spec.multiValued()) {
        ArrayNode values =
            json.has(spec.name()) ? (ArrayNode) json.get(spec.name()) : json.putArray(spec.name());
        values.addPOJO(value);
      } else if (!json.has(spec.name())) {
        json.putPOJO(spec.name(), value);
      }
    }
    json.put(IndexMapping.LOAD, load);
    String fingerprint = doc.get(Schema.FINGERPRINT);
    json.put(
        IndexMapping.GROUP, fingerprint != null ? fingerprint : "article:" + doc.get(Schema.ID));
    return json;
  }

  /** The value a Lucene field holds for the cluster, or null when it holds none of that kind. */
  private static Object value(Schema.FieldKind kind, IndexableField f) {
    return switch (kind) {
      case BINARY_KEYWORD -> f.binaryValue() == null ? null : hex(f.binaryValue());
      case INTEGER -> f.numericValue() == null ? null : f.numericValue().intValue();
      // A numeric field (a day's point or doc value) prints as a number: the ISO day is stored.
      default -> f.numericValue() == null ? f.stringValue() : null;
    };
  }

  /** A {@link Schema.FieldKind#BINARY_KEYWORD} value as the cluster stores it. */
  static String hex(BytesRef bytes) {
    return HexFormat.of().formatHex(bytes.bytes, bytes.offset, bytes.length);
  }

  static List<String> hex(List<BytesRef> keys) {
    return keys.stream().map(DocumentJson::hex).toList();
  }
}
