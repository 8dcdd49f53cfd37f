package dev.verbatim.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verbatim.index.schema.Schema;
import dev.verbatim.quotes.Quote;
import dev.verbatim.search.ArticleDetail;
import dev.verbatim.search.InvalidQueryException;
import dev.verbatim.search.Quotation;
import dev.verbatim.search.SearchRequest;
import dev.verbatim.search.SearchResult;
import dev.verbatim.search.Searcher;
import dev.verbatim.search.query.OffsetCursor;
import dev.verbatim.search.query.ParsedQuery;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Searches a Verbatim index on a cluster: the same {@link SearchRequest} in, the same {@link
 * SearchResult} out as the local searcher. The query is read by the library ({@link ParsedQuery},
 * forgiving mode, guard rails and notices included) and sent as DSL ({@link QueryDsl}) with {@code
 * dfs_query_then_fetch}, so every shard scores with the index's global statistics, as one local
 * index does. One hit per quote: collapsed on its group, with its sources fetched for the page.
 * Facets are terms and date-histogram aggregations, each filtered dimension counted without its own
 * filter. Thread-safe.
 */
public final class ClusterSearcher implements Searcher {
  /** Values shown per facet dimension, as locally. */
  static final int TOP_VALUES = 20;

  private static final int MAX_SOURCES = 1_000;
  private static final int EXACT_TOTAL = 1_000;
  private static final int CARDINALITY_PRECISION = 40_000;

  /**
   * How long a cursor's point in time lives after its page: each page renews it, the last page
   * closes it, and a cursor kept longer gets a clear error rather than pages from another view.
   */
  static final String CURSOR_KEEP_ALIVE = "5m";

  private static final List<String> HIT_FIELDS =
      Stream.concat(Schema.HIT_FIELDS.stream(), Stream.of(IndexMapping.GROUP)).toList();

  // A search stopped before it found anything is tried once more with this many times the limit.
  private static final int RETRY_FACTOR = 4;

  private final Cluster cluster;
  private final String alias;
  private final boolean ownCluster;
  private final long timeLimitNanos;

  private ClusterSearcher(Cluster cluster, boolean ownCluster, Duration timeLimit) {
    this.cluster = cluster;
    this.alias = cluster.settings().indexName();
    this.ownCluster = ownCluster;
    this.timeLimitNanos = Math.max(1, timeLimit.toNanos());
  }

  /**
   * Connects to the cluster and checks that the index exists; searches have {@link
   * Searcher#DEFAULT_TIME_LIMIT}, as locally.
   *
   * @throws IOException when the cluster cannot be reached or holds no such index
   */
  public static ClusterSearcher connect(ClusterSettings settings) throws IOException {
    return connect(settings, Searcher.DEFAULT_TIME_LIMIT);
  }

  /**
   * As {@link #connect(ClusterSettings)}, with {@code timeLimit} for each shard's matching (the
   * search request's {@code timeout}): a search that reaches it answers with what the shards found
   * and {@code timedOut}, as the local searcher does.
   *
   * @throws IllegalArgumentException when {@code timeLimit} is negative
   * @throws IOException when the cluster cannot be reached or holds no such index
   */
  public static ClusterSearcher connect(ClusterSettings settings, Duration timeLimit)
      throws IOException {
    if (timeLimit.isNegative()) {
      throw new IllegalArgumentException("time limit must not be negative, got " + timeLimit);
    }
    Cluster cluster = Cluster.connect(settings);
    try {
      if (!cluster.exists("/" + settings.indexName())) {
        throw new IOException(
            "no index "
                + settings.indexName()
                + " on the cluster at "
                + settings.url()
                + "; run `verbatim index --opensearch "
                + settings.url()
                + "` first");
      }
      return new ClusterSearcher(cluster, true, timeLimit);
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /**
   * Runs {@code request}.
   *
   * @throws InvalidQueryException when the query cannot be parsed or is too large
   * @throws IOException when the cluster fails
   */
  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    SearchResult result = search(request, timeLimitNanos);
    if (result.timedOut() && result.hits().isEmpty()) {
      // As locally: an empty page would read as "nothing matches"; one more try with more time.
      result = search(request, timeLimitNanos * RETRY_FACTOR);
    }
    return result;
  }

  private SearchResult search(SearchRequest request, long limitNanos) throws IOException {
    long start = System.nanoTime();
    ParsedQuery parsed = ParsedQuery.of(request);
    ParsedQuery.Weighting weighting = parsed.weighting(request.relevance());
    int offset = request.offset();
    String pit = null;
    if (request.cursor() != null) {
      offset = OffsetCursor.offset(request);
      pit = OffsetCursor.snapshot(request);
      if (pit == null) {
        // The first page's cursor: only a walk past it pins a point in time (see README).
        pit = openPointInTime();
      }
    }
    ObjectNode body = Cluster.object();
    ObjectNode query = QueryDsl.of(weighting);
    List<ObjectNode> filters = filters(request);
    if (request.facets()) {
      body.set("query", query);
      if (!filters.isEmpty()) {
        body.set("post_filter", all(filters));
      }
      body.set("aggs", facetAggs(request));
    } else {
      body.set("query", filters.isEmpty() ? query : mustAndFilter(query, filters));
    }
    body.put("from", offset).put("size", request.limit()).put("timeout", limitNanos + "nanos");
    body.putPOJO("track_total_hits", request.facets() ? Boolean.TRUE : (Object) EXACT_TOTAL);
    body.set("sort", sort(request));
    body.putObject("collapse").put("field", IndexMapping.GROUP);
    ArrayNode source = body.putArray("_source");
    HIT_FIELDS.forEach(source::add);
    body.set("highlight", Highlights.request(QueryDsl.forHighlighting(weighting)));
    ObjectNode distinct =
        (body.has("aggs") ? (ObjectNode) body.get("aggs") : body.putObject("aggs"))
            .putObject("distinct");
    distinct
        .putObject("cardinality")
        .put("field", IndexMapping.GROUP)
        .put("precision_threshold", CARDINALITY_PRECISION);
    if (request.facets() && !filters.isEmpty()) {
      // With a post filter the top-level aggregations see unfiltered matches: count filtered.
      ObjectNode filtered = ((ObjectNode) body.get("aggs")).putObject("distinct_filtered");
      filtered.set("filter", all(filters));
      filtered.putObject("aggs").set("distinct", body.get("aggs").get("distinct"));
      ((ObjectNode) body.get("aggs")).remove("distinct");
    }
    JsonNode answer;
    try {
      answer = pit == null ? searchAlias(body) : searchPointInTime(body, pit);
    } catch (ClusterException e) {
      if (e.answer() == null || !e.answer().toString().contains("time_exceeded_exception")) {
        throw e;
      }
      // Every shard reached the limit before collecting (rewriting a wide wildcard, say).
      answer = Cluster.object().put("timed_out", true);
    }
    if (pit != null) {
      pit = answer.path("pit_id").asText(pit);
    }
    JsonNode hitsNode = answer.path("hits").path("hits");
    Map<String, List<SearchResult.Source>> sources = sources(hitsNode);
    List<SearchResult.Hit> hits = new ArrayList<>();
    for (JsonNode hit : hitsNode) {
      hits.add(hit(hit, sources, request, parsed));
    }
    JsonNode aggs = answer.path("aggregations");
    JsonNode distinctCount =
        aggs.has("distinct_filtered")
            ? aggs.path("distinct_filtered").path("distinct")
            : aggs.path("distinct");
    long matched = answer.path("hits").path("total").path("value").asLong();
    boolean matchedExact = "eq".equals(answer.path("hits").path("total").path("relation").asText());
    long total = matched == 0 ? 0 : distinctCount.path("value").asLong();
    boolean timedOut = answer.path("timed_out").asBoolean(false);
    boolean exact = matchedExact && total < CARDINALITY_PRECISION && !timedOut;
    Map<String, List<SearchResult.FacetValue>> facets =
        request.facets() ? facets(aggs, request) : Map.of();
    boolean more = hits.size() == request.limit() && offset + hits.size() < total;
    String next = null;
    if (more) {
      next =
          pit == null
              ? OffsetCursor.of(request, offset + hits.size())
              : OffsetCursor.of(request, offset + hits.size(), pit);
    } else if (pit != null) {
      closePointInTime(pit);
    }
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    String notice = timedOut ? parsed.noticeAtTimeLimit(hits.isEmpty()) : parsed.notice();
    return new SearchResult(
        request.query(), total, exact, tookMs, hits, facets, next, notice, null, timedOut);
  }

  private JsonNode searchAlias(ObjectNode body) throws IOException {
    return cluster.call("POST", "/" + alias + "/_search?search_type=dfs_query_then_fetch", body);
  }

  /**
   * {@code body} searched in the point in time {@code pit}, renewing it.
   *
   * @throws InvalidQueryException when the point in time has expired or is not one
   */
  private JsonNode searchPointInTime(ObjectNode body, String pit) throws IOException {
    body.putObject("pit").put("id", pit).put("keep_alive", CURSOR_KEEP_ALIVE);
    try {
      return cluster.call("POST", "/_search?search_type=dfs_query_then_fetch", body);
    } catch (ClusterException e) {
      String reason = e.answer() == null ? "" : e.answer().toString();
      if (e.status() == 404 && reason.contains("search_context_missing_exception")) {
        throw new InvalidQueryException(
            "this cursor has expired (a cursor lasts "
                + CURSOR_KEEP_ALIVE
                + " after its page on a cluster); start again without a cursor");
      }
      if (e.status() == 400 && reason.contains("invalid id")) {
        throw new InvalidQueryException(
            "malformed cursor; pass the nextCursor of the previous page unchanged");
      }
      throw e;
    }
  }

  private String openPointInTime() throws IOException {
    JsonNode answer =
        cluster.call(
            "POST", "/" + alias + "/_search/point_in_time?keep_alive=" + CURSOR_KEEP_ALIVE, null);
    String id = answer.path("pit_id").asText(null);
    if (id == null) {
      throw new ClusterException(0, "the cluster opened no point in time: " + answer, answer);
    }
    return id;
  }

  // The walk is over: free the cluster's resources now rather than at expiry.
  private void closePointInTime(String pit) {
    ObjectNode body = Cluster.object();
    body.putArray("pit_id").add(pit);
    try {
      cluster.call("DELETE", "/_search/point_in_time", body);
    } catch (IOException e) {
      // Harmless: the cluster drops it when its keep-alive ends.
    }
  }

  private static ObjectNode mustAndFilter(ObjectNode query, List<ObjectNode> filters) {
    ObjectNode q = Cluster.object();
    ObjectNode bool = q.putObject("bool");
    bool.putArray("must").add(query);
    ArrayNode f = bool.putArray("filter");
    filters.forEach(f::add);
    return q;
  }

  private static ObjectNode all(List<ObjectNode> filters) {
    ObjectNode q = Cluster.object();
    ArrayNode f = q.putObject("bool").putArray("filter");
    filters.forEach(f::add);
    return q;
  }

  /** The request's type and exact filters, by facet dimension. */
  private static Map<String, ObjectNode> filtersByDimension(SearchRequest request) {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    SearchRequest f = request;
    if (request.type() != null) {
      out.put(Schema.FACET_TYPE, term(Schema.TYPE, request.type().label()));
    }
    if (f.speaker() != null) {
      out.put(Schema.FACET_SPEAKER, term(Schema.SPEAKER_KEY, f.speaker()));
    }
    if (f.source() != null) {
      out.put(Schema.FACET_SOURCE, term(Schema.SOURCE_KEY, f.source()));
    }
    if (f.date() != null) {
      ObjectNode range = Cluster.object();
      String[] parts = f.date().split("-");
      String from = parts.length == 1 ? f.date() + "-01-01" : f.date() + "-01";
      String to = parts.length == 1 ? f.date() + "-12-31" : f.date() + "-31";
      range
          .putObject("range")
          .putObject(Schema.DATE)
          .put("gte", from)
          .put("lte", to)
          .put("format", "yyyy-MM-dd");
      out.put(Schema.FACET_DATE, range);
    }
    return out;
  }

  private static List<ObjectNode> filters(SearchRequest request) {
    return new ArrayList<>(filtersByDimension(request).values());
  }

  private static ObjectNode term(String field, String value) {
    ObjectNode q = Cluster.object();
    q.putObject("term").put(field, value);
    return q;
  }

  private static ArrayNode sort(SearchRequest request) {
    ArrayNode sort = Cluster.JSON.createArrayNode();
    if (request.sort() == SearchRequest.SortOrder.DATE) {
      sort.addObject().putObject(Schema.DATE).put("order", "desc").put("missing", "_last");
    }
    sort.add("_score");
    sort.addObject().putObject(Schema.ID).put("order", "asc");
    return sort;
  }

  // Each dimension counted within the other filters, as the local drill-sideways does.
  private static ObjectNode facetAggs(SearchRequest request) {
    Map<String, ObjectNode> byDim = filtersByDimension(request);
    ObjectNode aggs = Cluster.object();
    Map<String, ObjectNode> dims = new LinkedHashMap<>();
    dims.put(Schema.FACET_TYPE, termsAgg(Schema.TYPE));
    dims.put(Schema.FACET_SPEAKER, termsAgg(Schema.SPEAKER_KEY));
    dims.put(Schema.FACET_SOURCE, termsAgg(Schema.SOURCE_KEY));
    ObjectNode years = Cluster.object();
    years
        .putObject("date_histogram")
        .put("field", Schema.DATE)
        .put("calendar_interval", "year")
        .put("format", "yyyy")
        .put("min_doc_count", 1);
    years
        .putObject("aggs")
        .putObject("months")
        .putObject("date_histogram")
        .put("field", Schema.DATE)
        .put("calendar_interval", "month")
        .put("format", "yyyy-MM")
        .put("min_doc_count", 1);
    dims.put(Schema.FACET_DATE, years);
    for (Map.Entry<String, ObjectNode> dim : dims.entrySet()) {
      List<ObjectNode> others = new ArrayList<>();
      byDim.forEach(
          (name, filter) -> {
            if (!name.equals(dim.getKey())) {
              others.add(filter);
            }
          });
      ObjectNode wrapper = aggs.putObject(dim.getKey());
      wrapper.set("filter", others.isEmpty() ? matchAll() : all(others));
      wrapper.putObject("aggs").set("values", dim.getValue());
    }
    return aggs;
  }

  private static ObjectNode matchAll() {
    ObjectNode q = Cluster.object();
    q.putObject("match_all");
    return q;
  }

  private static ObjectNode termsAgg(String field) {
    ObjectNode agg = Cluster.object();
    ObjectNode terms = agg.putObject("terms").put("field", field).put("size", TOP_VALUES);
    ArrayNode order = terms.putArray("order");
    order.addObject().put("_count", "desc");
    order.addObject().put("_key", "asc");
    return agg;
  }

  private static final Comparator<SearchResult.FacetValue> MOST_FIRST =
      Comparator.comparingLong(SearchResult.FacetValue::count)
          .reversed()
          .thenComparing(SearchResult.FacetValue::value);

  private static Map<String, List<SearchResult.FacetValue>> facets(
      JsonNode aggs, SearchRequest request) {
    Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
    for (String dim : List.of(Schema.FACET_TYPE, Schema.FACET_SPEAKER, Schema.FACET_SOURCE)) {
      List<SearchResult.FacetValue> values = new ArrayList<>();
      for (JsonNode b : aggs.path(dim).path("values").path("buckets")) {
        values.add(
            new SearchResult.FacetValue(
                b.path("key").asText(), b.path("doc_count").asLong(), List.of()));
      }
      out.put(dim, values);
    }
    List<SearchResult.FacetValue> years = new ArrayList<>();
    for (JsonNode y : aggs.path(Schema.FACET_DATE).path("values").path("buckets")) {
      List<SearchResult.FacetValue> months = new ArrayList<>();
      for (JsonNode m : y.path("months").path("buckets")) {
        months.add(
            new SearchResult.FacetValue(
                m.path("key_as_string").asText(), m.path("doc_count").asLong(), List.of()));
      }
      months.sort(MOST_FIRST);
      years.add(
          new SearchResult.FacetValue(
              y.path("key_as_string").asText(),
              y.path("doc_count").asLong(),
              months.subList(0, Math.min(TOP_VALUES, months.size()))));
    }
    years.sort(MOST_FIRST);
    out.put(Schema.FACET_DATE, years.subList(0, Math.min(TOP_VALUES, years.size())));
    return out;
  }

  /** Every article carrying each quote group of the page, earliest first, in one request. */
  private Map<String, List<SearchResult.Source>> sources(JsonNode hits) throws IOException {
    List<String> groups = new ArrayList<>();
    for (JsonNode hit : hits) {
      String fingerprint = hit.path("_source").path(Schema.FINGERPRINT).asText(null);
      if (fingerprint != null) {
        groups.add(fingerprint);
      }
    }
    Map<String, List<SearchResult.Source>> out = new LinkedHashMap<>();
    if (groups.isEmpty()) {
      return out;
    }
    ObjectNode body = Cluster.object().put("size", Math.min(10_000, MAX_SOURCES * groups.size()));
    ArrayNode values = body.putObject("query").putObject("terms").putArray(Schema.FINGERPRINT);
    groups.forEach(values::add);
    earliestFirst(body);
    for (JsonNode hit :
        cluster.call("POST", "/" + alias + "/_search", body).path("hits").path("hits")) {
      JsonNode s = hit.path("_source");
      out.computeIfAbsent(s.path(Schema.FINGERPRINT).asText(), k -> new ArrayList<>())
          .add(source(s));
    }
    return out;
  }

  // A quote's sources in the local order: by date (undated last), then article, then id.
  private static void earliestFirst(ObjectNode body) {
    ArrayNode sort = body.putArray("sort");
    sort.addObject().putObject(Schema.DATE).put("order", "asc").put("missing", "_last");
    sort.addObject().putObject(Schema.ARTICLE_ID).put("order", "asc");
    sort.addObject().putObject(Schema.ID).put("order", "asc");
  }

  private static SearchResult.Source source(JsonNode s) {
    return new SearchResult.Source(
        text(s, Schema.ARTICLE_ID),
        text(s, Schema.ARTICLE_TITLE),
        text(s, Schema.SOURCE),
        text(s, Schema.DATE),
        text(s, Schema.SPEAKER),
        text(s, Schema.CUE),
        text(s, Schema.ID),
        s.path(Schema.OFFSET).asInt(),
        text(s, Schema.TEXT));
  }

  private static String text(JsonNode source, String field) {
    JsonNode v = source.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private SearchResult.Hit hit(
      JsonNode hit,
      Map<String, List<SearchResult.Source>> sources,
      SearchRequest request,
      ParsedQuery parsed) {
    JsonNode s = hit.path("_source");
    boolean quote = Schema.TYPE_QUOTE.equals(text(s, Schema.TYPE));
    String title = quote ? text(s, Schema.ARTICLE_TITLE) : text(s, Schema.TITLE);
    String fingerprint = text(s, Schema.FINGERPRINT);
    Highlights.Marked marked =
        Highlights.of(
            hit.path("highlight"),
            text(s, Schema.TEXT),
            title,
            text(s, Schema.SPEAKER),
            quote,
            request,
            parsed);
    SearchResult.Hit.Builder b =
        SearchResult.Hit.builder(
                SearchRequest.Type.fromLabel(text(s, Schema.TYPE)), text(s, Schema.ID))
            .withScore((float) hit.path("_score").asDouble())
            .withArticleId(text(s, Schema.ARTICLE_ID))
            .withTitle(title)
            .withSource(text(s, Schema.SOURCE))
            .withDate(text(s, Schema.DATE))
            .withSpeaker(text(s, Schema.SPEAKER))
            .withCue(text(s, Schema.CUE))
            .withEvidence(
                mention(s, Schema.MENTION, Schema.MENTION_OFFSET),
                text(s, Schema.RULE),
                mention(s, Schema.ANTECEDENT, Schema.ANTECEDENT_OFFSET))
            .withKind(kind(s))
            .withText(text(s, Schema.TEXT))
            .withPassages(marked.passages())
            .withTitleHtml(marked.titleHtml())
            .withSpeakerHtml(marked.speakerHtml());
    if (fingerprint != null) {
      b.withQuoteId(Schema.quoteId(fingerprint))
          .withSources(sources.getOrDefault(fingerprint, List.of()));
    }
    return b.build();
  }

  private static dev.verbatim.quotes.Quote.Mention mention(
      JsonNode source, String textField, String offsetField) {
    String t = text(source, textField);
    return t == null
        ? null
        : new dev.verbatim.quotes.Quote.Mention(t, source.path(offsetField).asInt());
  }

  private static Quote.Kind kind(JsonNode source) {
    String label = text(source, Schema.KIND);
    return label == null ? null : Quote.Kind.fromLabel(label);
  }

  /** The quote with {@code quoteId} and every article carrying it; empty when unknown. */
  @Override
  public Optional<Quotation> quote(String quoteId) throws IOException {
    ObjectNode body = Cluster.object().put("size", MAX_SOURCES);
    body.putObject("query").putObject("term").put(Schema.QUOTE_ID, quoteId);
    earliestFirst(body);
    JsonNode hits = cluster.call("POST", "/" + alias + "/_search", body).path("hits").path("hits");
    if (hits.isEmpty()) {
      return Optional.empty();
    }
    JsonNode first = hits.path(0).path("_source");
    String speaker = null;
    List<SearchResult.Source> list = new ArrayList<>();
    for (JsonNode h : hits) {
      JsonNode s = h.path("_source");
      list.add(source(s));
      if (speaker == null) {
        speaker = text(s, Schema.SPEAKER);
      }
    }
    return Optional.of(
        new Quotation(quoteId, text(first, Schema.TEXT), speaker, kind(first), list));
  }

  /** The article with {@code id} and its quotes in text order; empty when unknown. */
  @Override
  public Optional<ArticleDetail> article(String id) throws IOException {
    ObjectNode body = Cluster.object().put("size", 10_000);
    body.putObject("query").putObject("term").put(Schema.ARTICLE_ID, id);
    JsonNode hits = cluster.call("POST", "/" + alias + "/_search", body).path("hits").path("hits");
    JsonNode article = null;
    List<ArticleDetail.QuoteSpan> quotes = new ArrayList<>();
    for (JsonNode h : hits) {
      JsonNode s = h.path("_source");
      if (Schema.TYPE_ARTICLE.equals(text(s, Schema.TYPE))) {
        article = s;
      } else {
        quotes.add(
            new ArticleDetail.QuoteSpan(
                text(s, Schema.ID),
                s.path(Schema.OFFSET).asInt(),
                s.path(Schema.LENGTH).asInt(),
                text(s, Schema.TEXT),
                kind(s),
                text(s, Schema.SPEAKER),
                text(s, Schema.CUE),
                mention(s, Schema.MENTION, Schema.MENTION_OFFSET),
                text(s, Schema.RULE),
                mention(s, Schema.ANTECEDENT, Schema.ANTECEDENT_OFFSET)));
      }
    }
    if (article == null) {
      return Optional.empty();
    }
    quotes.sort(Comparator.comparingInt(ArticleDetail.QuoteSpan::offset));
    return Optional.of(
        new ArticleDetail(
            text(article, Schema.ID),
            text(article, Schema.TITLE),
            text(article, Schema.SOURCE),
            text(article, Schema.DATE),
            text(article, Schema.AUTHOR),
            text(article, Schema.URL),
            text(article, Schema.TEXT),
            quotes));
  }

  /** Every load refreshes the index when it finishes: each search already sees the newest. */
  @Override
  public boolean refresh() {
    return false;
  }

  @Override
  public Stats stats() throws IOException {
    long[] counts = counts();
    ObjectNode body = Cluster.object().put("size", 0);
    ObjectNode aggs = body.putObject("aggs");
    aggs.putObject("first").putObject("min").put("field", Schema.DATE).put("format", "yyyy-MM-dd");
    aggs.putObject("last").putObject("max").put("field", Schema.DATE).put("format", "yyyy-MM-dd");
    JsonNode days = cluster.call("POST", "/" + alias + "/_search", body).path("aggregations");
    return new Stats(counts[0], counts[1], day(days.path("first")), day(days.path("last")));
  }

  private static java.time.LocalDate day(JsonNode agg) {
    String value = agg.path("value_as_string").asText(null);
    return value == null || agg.path("value").isNull() ? null : java.time.LocalDate.parse(value);
  }

  private long[] counts() throws IOException {
    ObjectNode body = Cluster.object().put("size", 0);
    body.putObject("aggs").putObject("types").putObject("terms").put("field", Schema.TYPE);
    long articles = 0;
    long quotes = 0;
    for (JsonNode b :
        cluster
            .call("POST", "/" + alias + "/_search", body)
            .path("aggregations")
            .path("types")
            .path("buckets")) {
      if (Schema.TYPE_ARTICLE.equals(b.path("key").asText())) {
        articles = b.path("doc_count").asLong();
      } else if (Schema.TYPE_QUOTE.equals(b.path("key").asText())) {
        quotes = b.path("doc_count").asLong();
      }
    }
    return new long[] {articles, quotes};
  }

  @Override
  public void close() throws IOException {
    if (ownCluster) {
      cluster.close();
    }
  }

  /** Makes {@link Searcher#connect} find this backend; for {@code ServiceLoader}. */
  public static final class Backend implements dev.verbatim.search.spi.Backend {
    @Override
    public Searcher connect(String url, String indexName) throws IOException {
      return ClusterSearcher.connect(ClusterSettings.of(url).withIndexName(indexName));
    }
  }
}
