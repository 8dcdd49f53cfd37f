package dev.verbatim.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verbatim.index.schema.Schema;
import java.util.Locale;
import java.util.Map;

/**
 * The cluster index's settings and mapping, generated from {@link Schema#FIELDS}, {@link
 * Schema.TextChain} and {@link Schema#foldedMarks()}: the same fields, analysis and similarity as
 * the local index, in OpenSearch's terms. Stateless.
 */
final class IndexMapping {
  /** The stemmed and exact analyzers' names in the index settings. */
  static final String STEMMED = "verbatim_stemmed";

  static final String EXACT = "verbatim_exact";

  /**
   * Which load wrote a document (cluster only): an incremental load removes a changed file's old
   * documents, those of earlier loads, when it finishes.
   */
  static final String LOAD = "load";

  /**
   * What one result is collapsed on (cluster only): a quote's group key, an article's own id
   * (collapsing puts every document without a value into one group).
   */
  static final String GROUP = "group";

  // BM25 as the local searcher scores by default (Ranking.DEFAULT); the parity suite checks it.
  static final double K1 = 1.5;
  static final double B = 0.75;

  private IndexMapping() {}

  /**
   * The body of {@code PUT /index}: {@code shards} primaries with {@code replicas} copies each,
   * refreshed only when a load finishes (so readers never see part of one).
   */
  static ObjectNode create(int shards, int replicas) {
    ObjectNode body = Cluster.object();
    ObjectNode index = body.putObject("settings").putObject("index");
    index.put("number_of_shards", shards);
    index.put("number_of_replicas", replicas);
    index.put("refresh_interval", "-1");
    index.put("max_result_window", 10_000);
    ObjectNode bm25 = index.putObject("similarity").putObject("default");
    bm25.put("type", "BM25").put("k1", K1).put("b", B);
    index.set("analysis", analysis());
    body.set("mappings", mappings());
    return body;
  }

  private static ObjectNode analysis() {
    ObjectNode analysis = Cluster.object();
    ArrayNode rules =
        analysis
            .putObject("char_filter")
            .putObject("verbatim_marks")
            .put("type", "mapping")
            .putArray("mappings");
    for (Map.Entry<String, String> e : Schema.foldedMarks().entrySet()) {
      rules.add(escape(e.getKey()) + "=>" + escape(e.getValue()));
    }
    ObjectNode filters = analysis.putObject("filter");
    filters
        .putObject("verbatim_possessive")
        .put("type", "stemmer")
        .put("language", "possessive_english");
    ArrayNode stop =
        filters
            .putObject("verbatim_stop")
            .put("type", "stop")
            .put("ignore_case", false)
            .putArray("stopwords");
    Schema.englishStopWords().forEach(stop::add);
    ObjectNode analyzers = analysis.putObject("analyzer");
    analyzers.set(STEMMED, analyzer(Schema.TextChain.STEMMED));
    analyzers.set(EXACT, analyzer(Schema.TextChain.EXACT));
    return analysis;
  }

  private static ObjectNode analyzer(Schema.TextChain chain) {
    ObjectNode a = Cluster.object().put("type", "custom").put("tokenizer", "standard");
    a.putArray("char_filter").add("verbatim_marks");
    ArrayNode steps = a.putArray("filter");
    for (Schema.TextStep step : chain.steps()) {
      steps.add(
          switch (step) {
            case LOWERCASE -> "lowercase";
            case ENGLISH_POSSESSIVE -> "verbatim_possessive";
            case ASCII_FOLDING -> "asciifolding";
            case ENGLISH_STOP -> "verbatim_stop";
            case PORTER_STEM -> "porter_stem";
          });
    }
    return a;
  }

  // The mapping char filter reads \\uXXXX escapes, so spaces and marks survive its trimming.
  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
    }
    return out.toString();
  }

  private static ObjectNode mappings() {
    ObjectNode mappings = Cluster.object().put("dynamic", "strict");
    ObjectNode properties = mappings.putObject("properties");
    for (Schema.FieldSpec field : Schema.FIELDS) {
      properties.set(field.name(), property(field.kind()));
    }
    properties.putObject(LOAD).put("type", "keyword");
    properties.putObject(GROUP).put("type", "keyword");
    return mappings;
  }

  private static ObjectNode property(Schema.FieldKind kind) {
    ObjectNode p = Cluster.object();
    switch (kind) {
      case KEYWORD, BINARY_KEYWORD -> p.put("type", "keyword");
      case STEMMED_TEXT -> text(p, STEMMED);
      case EXACT_TEXT -> text(p, EXACT);
      case DAY -> p.put("type", "date").put("format", "yyyy-MM-dd");
      case INTEGER -> p.put("type", "integer").put("index", false);
      case STORED_TEXT -> p.put("type", "keyword").put("index", false).put("doc_values", false);
    }
    return p;
  }

  // Offsets in postings, as locally: the highlighter marks from them without re-analysing.
  private static void text(ObjectNode p, String analyzer) {
    p.put("type", "text").put("analyzer", analyzer).put("index_options", "offsets");
  }
}
