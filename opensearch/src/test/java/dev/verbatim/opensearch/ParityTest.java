package dev.verbatim.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.index.Indexer;
import dev.verbatim.search.SearchRequest;
import dev.verbatim.search.SearchRequest.SortOrder;
import dev.verbatim.search.SearchRequest.Type;
import dev.verbatim.search.SearchResult;
import dev.verbatim.search.Searcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same fixture corpus indexed locally and into a two-node cluster (two shards, one replica):
 * queries of every kind must give the same hits in the same order, the same totals, facets, sources
 * and notices, and the same marks. What cannot be the same is listed in {@link #INHERENT} and
 * asserted as such.
 */
class ParityTest {
  private static Searcher local;
  private static ClusterSearcher cluster;

  @TempDir static Path tmp;

  /** Requests compared, by kind. */
  static Map<String, SearchRequest> requests() {
    Map<String, SearchRequest> r = new LinkedHashMap<>();
    r.put("word", SearchRequest.of("verdict"));
    if (System.getenv("VERBATIM_DEBUG_DSL") != null) {
      r.clear();
      r.put("x", SearchRequest.builder("harvests").withLimit(1).build());
      return r;
    }
    r.put("word, stemmed", SearchRequest.of("harvests"));
    r.put("two words", SearchRequest.of("unfair appeal"));
    r.put("words, headline and body", SearchRequest.of("court ruling"));
    r.put(
        "description (long plain query)",
        SearchRequest.of("when did the court rule on the appeal"));
    r.put("phrase", SearchRequest.of("\"so unfair\""));
    r.put("phrase, name", SearchRequest.of("\"jane roe\""));
    r.put("proximity", SearchRequest.of("\"court ruled\"~3"));
    r.put("OR", SearchRequest.of("harvest OR verdict"));
    r.put("AND", SearchRequest.of("harvest AND field"));
    r.put("NOT", SearchRequest.of("appeal -july"));
    r.put("pure negation", SearchRequest.builder("-harvest").withLimit(20).build());
    r.put("grouping", SearchRequest.of("(harvest OR verdict) -ledger"));
    r.put("field speaker", SearchRequest.of("speaker:roe"));
    r.put("field speaker phrase", SearchRequest.of("speaker:\"Jane Roe\""));
    r.put("field source", SearchRequest.of("source:\"Metro US\""));
    r.put("field title", SearchRequest.of("title:appeal"));
    r.put("field text", SearchRequest.of("text:court"));
    r.put("field type", SearchRequest.of("type:quote court"));
    r.put("field kind", SearchRequest.of("kind:partial"));
    r.put("date year", SearchRequest.of("date:2018"));
    r.put("date month", SearchRequest.of("date:2018-06"));
    r.put("date range", SearchRequest.of("date:[2018-01-01 TO 2018-06-30]"));
    r.put("date open range", SearchRequest.of("date:[2019 TO *]"));
    r.put("prefix", SearchRequest.of("harv*"));
    r.put("wildcard", SearchRequest.of("zep*lin"));
    r.put("fuzzy", SearchRequest.of("harvst~"));
    r.put("fuzzy 1", SearchRequest.of("verdikt~1"));
    r.put("accents folded", SearchRequest.of("Zoe"));
    r.put("possessive", SearchRequest.of("kardashian's"));
    r.put("filter type", SearchRequest.builder("court").withType(Type.QUOTE).build());
    r.put(
        "filter source (drill sideways)",
        SearchRequest.builder("harvest").withSource("Farm Weekly").build());
    r.put("filter speaker", SearchRequest.builder("").withSpeaker("Jane Roe").build());
    r.put("filter date", SearchRequest.builder("").withDate("2018-06").build());
    r.put("everything, facets", SearchRequest.builder("").withLimit(5).build());
    r.put(
        "paging offset",
        SearchRequest.builder("").withLimit(3).withOffset(3).withFacets(false).build());
    r.put("sort by date", SearchRequest.builder("harvest").withSort(SortOrder.DATE).build());
    r.put(
        "quote with several sources",
        SearchRequest.builder("\"so unfair\"").withType(Type.QUOTE).build());
    r.put("forgiving: stray colon", SearchRequest.of("who said: unfair"));
    r.put("forgiving: unbalanced quote", SearchRequest.of("\"so unfair"));
    return r;
  }

  @BeforeAll
  static void indexBoth() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    copy(Path.of("src/test/resources/results-corpus"), corpus.resolve("results"));
    copy(Path.of("src/test/resources/query-corpus"), corpus.resolve("query"));
    copy(Path.of("src/test/resources/fixture-corpus"), corpus.resolve("fixture"));
    copy(Path.of("corpus"), corpus.resolve("seed"));
    new Indexer(1).rebuild(corpus, tmp.resolve("local"));
    local = Searcher.open(tmp.resolve("local"), Duration.ofMinutes(1));
    ClusterSettings settings = ClusterSettings.of(SharedCluster.url()).withIndexName("parity");
    try (ClusterIndex index = ClusterIndex.connect(settings)) {
      index.rebuild(corpus, new Indexer(2), 2, 1);
    }
    cluster = ClusterSearcher.connect(settings, Duration.ofMinutes(1));
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
    if (local != null) {
      local.close();
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  @Test
  void everyKindOfQueryGivesTheSameAnswer() throws Exception {
    List<String> differences = new ArrayList<>();
    int hitsCompared = 0;
    int marksCompared = 0;
    int representatives = 0;
    for (Map.Entry<String, SearchRequest> e : requests().entrySet()) {
      SearchResult a = local.search(e.getValue());
      SearchResult b = cluster.search(e.getValue());
      String kind = e.getKey() + " [" + e.getValue().query() + "]";
      check(differences, kind, "total", a.total(), b.total());
      check(differences, kind, "notice", a.notice(), b.notice());
      boolean full = a.hits().size() == e.getValue().limit();
      check(differences, kind, "hits", ranked(a, full), ranked(b, full));
      check(differences, kind, "facets", a.facets(), b.facets());
      Map<String, SearchResult.Hit> byKey = new LinkedHashMap<>();
      b.hits().forEach(h -> byKey.put(key(h), h));
      for (SearchResult.Hit h : a.hits()) {
        SearchResult.Hit o = byKey.get(key(h));
        if (o == null) {
          continue;
        }
        hitsCompared++;
        if (!keywordOnly(e.getValue())) {
          check(differences, kind + " " + h.id(), "score", round(h.score()), round(o.score()));
        }
        if (!h.id().equals(o.id())) {
          // INHERENT[0]: another printing of the same quote, with the same score, stands for it.
          representatives++;
          continue;
        }
        check(differences, kind + " " + h.id(), "sources", h.sources(), o.sources());
        check(differences, kind + " " + h.id(), "quoteId", h.quoteId(), o.quoteId());
        check(differences, kind + " " + h.id(), "titleHtml", h.titleHtml(), o.titleHtml());
        check(differences, kind + " " + h.id(), "speakerHtml", h.speakerHtml(), o.speakerHtml());
        check(differences, kind + " " + h.id(), "mention", h.mention(), o.mention());
        check(differences, kind + " " + h.id(), "rule", h.rule(), o.rule());
        check(differences, kind + " " + h.id(), "antecedent", h.antecedent(), o.antecedent());
        check(differences, kind + " " + h.id(), "passages", h.passages(), o.passages());
        marksCompared++;
      }
    }
    System.out.printf(
        "parity: %d requests, %d hits compared (%d with marks, %d quotes shown by another"
            + " equal-scored printing), %d differences%n",
        requests().size(), hitsCompared, marksCompared, representatives, differences.size());
    differences.forEach(d -> System.out.println("  " + d));
    assertTrue(differences.isEmpty(), String.join("\n", differences));
  }

  /** Requests walked page by page with their cursors, on both. */
  static Map<String, SearchRequest> walks() {
    Map<String, SearchRequest> r = new LinkedHashMap<>();
    r.put("everything by 4", SearchRequest.builder("").withLimit(4).withFacets(false).build());
    r.put("words by 2", SearchRequest.builder("court appeal").withLimit(2).build());
    r.put(
        "quotes by date by 3",
        SearchRequest.builder("")
            .withType(Type.QUOTE)
            .withSort(SortOrder.DATE)
            .withLimit(3)
            .build());
    r.put("phrase by 1", SearchRequest.builder("\"so unfair\"").withLimit(1).build());
    return r;
  }

  @Test
  void cursorPagesAreTheSame() throws Exception {
    List<String> differences = new ArrayList<>();
    int pages = 0;
    int hits = 0;
    for (Map.Entry<String, SearchRequest> e : walks().entrySet()) {
      List<SearchResult> a = walk(local, e.getValue());
      List<SearchResult> b = walk(cluster, e.getValue());
      check(differences, e.getKey(), "pages", a.size(), b.size());
      check(differences, e.getKey(), "hits", ranked(all(a), false), ranked(all(b), false));
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        check(
            differences,
            e.getKey() + " page " + (i + 1),
            "total",
            a.get(i).total(),
            b.get(i).total());
      }
      pages += a.size();
      hits += all(a).hits().size();
    }
    System.out.printf(
        "parity: %d cursor walks, %d pages, %d hits, %d differences%n",
        walks().size(), pages, hits, differences.size());
    assertTrue(differences.isEmpty(), String.join("\n", differences));
    assertTrue(pages > walks().size(), "every walk should take more than one page");
  }

  /** Every page of {@code first}, following nextCursor to the end. */
  static List<SearchResult> walk(Searcher searcher, SearchRequest first) throws IOException {
    List<SearchResult> pages = new ArrayList<>();
    SearchRequest request = first;
    while (true) {
      SearchResult page = searcher.search(request);
      pages.add(page);
      if (page.nextCursor() == null || pages.size() > 100) {
        return pages;
      }
      request = first.toBuilder().withCursor(page.nextCursor()).build();
    }
  }

  // The pages of a walk as one result, so runs of equal scores across a page break compare whole.
  private static SearchResult all(List<SearchResult> pages) {
    List<SearchResult.Hit> hits = new ArrayList<>();
    pages.forEach(p -> hits.addAll(p.hits()));
    SearchResult first = pages.get(0);
    return new SearchResult(
        first.query(),
        first.total(),
        first.totalExact(),
        0,
        hits,
        Map.of(),
        null,
        null,
        null,
        false);
  }

  @Test
  void quotesAndArticlesAreTheSame() throws Exception {
    SearchResult.Hit quote =
        local
            .search(SearchRequest.builder("\"so unfair\"").withType(Type.QUOTE).build())
            .hits()
            .get(0);
    assertEquals(local.quote(quote.quoteId()), cluster.quote(quote.quoteId()));
    assertEquals(local.article("ruling-metro"), cluster.article("ruling-metro"));
    assertEquals(
        local.quote("0123456789abcdef01234567"), cluster.quote("0123456789abcdef01234567"));
    assertEquals(local.article("no-such-article"), cluster.article("no-such-article"));
    assertEquals(local.stats(), cluster.stats());
  }

  @Test
  void searcherConnectFindsThisBackend() throws Exception {
    try (Searcher found = Searcher.connect(SharedCluster.url(), "parity")) {
      assertTrue(found instanceof ClusterSearcher, found.getClass().getName());
      assertEquals(local.stats(), found.stats());
    }
  }

  /**
   * Results in order, runs of equal scores as sets (INHERENT[0]); a quote by its id across
   * printings. On a full page the last run may be cut short at a different member: only its size
   * counts.
   */
  private static List<Object> ranked(SearchResult r, boolean fullPage) {
    List<Set<String>> runs = new ArrayList<>();
    float last = Float.NaN;
    for (SearchResult.Hit h : r.hits()) {
      if (runs.isEmpty() || round(h.score()) != round(last)) {
        runs.add(new TreeSet<>());
      }
      runs.get(runs.size() - 1).add(key(h));
      last = h.score();
    }
    List<Object> out = new ArrayList<>(runs);
    if (fullPage && !out.isEmpty()) {
      out.set(out.size() - 1, runs.get(runs.size() - 1).size() + " tied");
    }
    return out;
  }

  private static String key(SearchResult.Hit h) {
    return h.quoteId() != null ? "quote " + h.quoteId() : h.id();
  }

  // INHERENT[1]: a term on a keyword field scores 1 on the cluster.
  private static boolean keywordOnly(SearchRequest r) {
    return r.query().startsWith("kind:") || r.query().startsWith("type:");
  }

  private static double round(float score) {
    return Math.round(score * 1e4) / 1e4;
  }

  private static void check(List<String> out, String what, String part, Object a, Object b) {
    if (!java.util.Objects.equals(a, b)) {
      out.add(what + ": " + part + " differs:\n      local   " + a + "\n      cluster " + b);
    }
  }

  /** What differs by design, and how the comparison above allows for it. */
  static final List<String> INHERENT =
      List.of(
          "Equal scores: the local index breaks ties by index order, the cluster by id; so a"
              + " quote printed alike in several articles may be shown by another equal-scored"
              + " printing (same quoteId, same sources), and a page cut inside a run of equal"
              + " scores may hold other members of it",
          "A term on a keyword field (type:, kind:) scores 1.0 on the cluster, its BM25 weight"
              + " locally; order among such hits is by the other clauses on both");
}
