package dev.verbatim.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verbatim.index.schema.Schema;
import dev.verbatim.search.query.ParsedQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster backend's half of the seam: a {@link ParsedQuery}, weighed by a ranking, as
 * OpenSearch query DSL. Words and phrases go as text, so the cluster analyses them with the same
 * chain the index used and builds the Lucene queries the local searcher would: {@code
 * combined_fields} for BM25F over headline and body, {@code match_phrase} with its slop, prefix,
 * wildcard and fuzzy terms expanded to the same top 64 (or 50) terms per field. Stateless.
 */
final class QueryDsl {
  private static final String TOP_TERMS = "top_terms_blended_freqs_64";

  private QueryDsl() {}

  /** The query clause for {@code w}, its near pairs included. */
  static ObjectNode of(ParsedQuery.Weighting w) {
    return of(w, false);
  }

  /**
   * The query the highlighter marks by: the same clauses, but a bare word as a plain match in each
   * field (the highlighter cannot read {@code combined_fields}) and no near pairs, which rank and
   * are not marked, as locally.
   */
  static ObjectNode forHighlighting(ParsedQuery.Weighting w) {
    return node(w.root(), w, true);
  }

  private static ObjectNode of(ParsedQuery.Weighting w, boolean highlighting) {
    ObjectNode main = node(w.root(), w, highlighting);
    if (w.minimumShouldMatch() > 0 && main.has("bool")) {
      ((ObjectNode) main.get("bool")).put("minimum_should_match", w.minimumShouldMatch());
    }
    if (w.nearPhrases().isEmpty()) {
      return main;
    }
    ObjectNode near = Cluster.object();
    ArrayNode pairs = near.putObject("bool").putArray("should");
    for (String text : w.nearPhrases()) {
      matchPhrase(pairs.addObject(), Schema.TEXT, text, w.proximitySlop());
    }
    ((ObjectNode) near.get("bool")).put("boost", w.proximityBoost());
    ObjectNode both = Cluster.object();
    ObjectNode bool = both.putObject("bool");
    bool.putArray("must").add(main);
    bool.putArray("should").add(near);
    return both;
  }

  private static ObjectNode node(ParsedQuery.Node n, ParsedQuery.Weighting w, boolean marking) {
    ObjectNode q = Cluster.object();
    switch (n) {
      case ParsedQuery.Word word when word.field() == null ->
          defaultWord(q, word.text(), w, marking);
      case ParsedQuery.Word word ->
          q.putObject("match")
              .putObject(word.field())
              .put("query", word.text())
              .put("operator", w.anyWord() ? "or" : "and");
      case ParsedQuery.Phrase p when p.field() == null -> {
        ArrayNode should = q.putObject("bool").putArray("should");
        for (ParsedQuery.Weighted f : ParsedQuery.defaultExactFields()) {
          ObjectNode phrase = matchPhrase(should.addObject(), f.field(), p.text(), p.slop());
          if (f.weight() != 1f) {
            phrase.put("boost", f.weight());
          }
        }
      }
      case ParsedQuery.Phrase p -> matchPhrase(q, p.field(), p.text(), p.slop());
      case ParsedQuery.Prefix p ->
          perExactField(
              q, p.field(), (o, f) -> term(o, "prefix", f, p.prefix()).put("rewrite", TOP_TERMS));
      case ParsedQuery.Wildcard x ->
          perExactField(
              q,
              x.field(),
              (o, f) -> term(o, "wildcard", f, x.pattern()).put("rewrite", TOP_TERMS));
      case ParsedQuery.Fuzzy z ->
          perExactField(
              q,
              z.field(),
              (o, f) ->
                  term(o, "fuzzy", f, z.word())
                      .put("fuzziness", z.edits())
                      .put("prefix_length", 0)
                      .put("max_expansions", 50)
                      .put("transpositions", true));
      case ParsedQuery.Keyword k -> q.putObject("term").put(k.field(), k.value());
      case ParsedQuery.DayRange d -> {
        ObjectNode range = q.putObject("range").putObject(Schema.DATE).put("format", "yyyy-MM-dd");
        if (d.first() != Long.MIN_VALUE) {
          range.put("gte", day(d.first()));
        }
        if (d.last() != Long.MAX_VALUE) {
          range.put("lte", day(d.last()));
        }
      }
      case ParsedQuery.TermRange r -> {
        ObjectNode range = q.putObject("range").putObject(r.field());
        if (r.lower() != null) {
          range.put(r.includeLower() ? "gte" : "gt", r.lower());
        }
        if (r.upper() != null) {
          range.put(r.includeUpper() ? "lte" : "lt", r.upper());
        }
      }
      case ParsedQuery.Bool b -> {
        ObjectNode bool = q.putObject("bool");
        for (ParsedQuery.Clause c : b.clauses()) {
          String occur =
              switch (c.occur()) {
                case MUST -> "must";
                case SHOULD -> "should";
                case MUST_NOT -> "must_not";
              };
          (bool.has(occur) ? (ArrayNode) bool.get(occur) : bool.putArray(occur))
              .add(node(c.node(), w, marking));
        }
        if (b.minimumShouldMatch() > 0) {
          bool.put("minimum_should_match", b.minimumShouldMatch());
        }
      }
      case ParsedQuery.Boost b -> {
        ObjectNode bool = q.putObject("bool");
        bool.putArray("must").add(node(b.node(), w, marking));
        bool.put("boost", b.boost());
      }
      case ParsedQuery.All a -> q.putObject("match_all");
    }
    return q;
  }

  /** A bare word: BM25F over headline and body, or the speaker's name. */
  private static void defaultWord(
      ObjectNode q, String text, ParsedQuery.Weighting w, boolean marking) {
    String operator = w.anyWord() ? "or" : "and";
    ArrayNode should = q.putObject("bool").putArray("should");
    if (marking) {
      for (ParsedQuery.Weighted f : ParsedQuery.defaultWordFields()) {
        should.addObject().putObject("match").putObject(f.field()).put("query", text);
      }
      should.addObject().putObject("match").putObject(Schema.SPEAKER).put("query", text);
      return;
    }
    List<String> fields = new ArrayList<>();
    for (ParsedQuery.Weighted f : ParsedQuery.defaultWordFields()) {
      float weight = f.field().equals(Schema.TITLE) ? w.titleWeight() : f.weight();
      fields.add(weight == 1f ? f.field() : f.field() + "^" + weight);
    }
    ObjectNode combined = should.addObject().putObject("combined_fields");
    combined.put("query", text).put("operator", operator);
    ArrayNode names = combined.putArray("fields");
    fields.forEach(names::add);
    should
        .addObject()
        .putObject("match")
        .putObject(Schema.SPEAKER)
        .put("query", text)
        .put("operator", operator);
    // With dfs_query_then_fetch a shard reports a field's statistics only when a clause asks it
    // for them, and Lucene's BM25F asks only on shards holding the word: where one shard lacked
    // it, the others scored with that shard's document count and lengths alone (a word on one of
    // two shards: N 37 documents instead of 79). A term query asks on every shard; the empty
    // term, which no analyser makes, matches nothing and adds nothing to a score.
    for (ParsedQuery.Weighted f : ParsedQuery.defaultWordFields()) {
      should.addObject().putObject("term").put(f.field(), "");
    }
  }

  private static ObjectNode matchPhrase(ObjectNode q, String field, String text, int slop) {
    ObjectNode phrase = q.putObject("match_phrase").putObject(field).put("query", text);
    if (slop > 0) {
      phrase.put("slop", slop);
    }
    return phrase;
  }

  private static ObjectNode term(ObjectNode q, String kind, String field, String value) {
    return q.putObject(kind).putObject(field).put("value", value);
  }

  private static void perExactField(
      ObjectNode q, String field, java.util.function.BiConsumer<ObjectNode, String> make) {
    if (field != null) {
      make.accept(q, field);
      return;
    }
    ArrayNode should = q.putObject("bool").putArray("should");
    for (ParsedQuery.Weighted f : ParsedQuery.defaultExactFields()) {
      make.accept(should.addObject(), f.field());
    }
  }

  private static String day(long epochDay) {
    return LocalDate.ofEpochDay(epochDay).toString();
  }
}
