package dev.verbatim.web;

import dev.verbatim.search.SearchRequest;
import dev.verbatim.search.SearchResult;
import dev.verbatim.search.Searcher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the start page tells about the index: how many articles and quotes, from which sources
 * (counting articles), between which days (the first and last article's), the most quoted speakers
 * (counting printings), and three example searches that find something in this very index (each
 * tried before it is offered). Computed from the index, once per index version. Thread-safe.
 */
final class Overview {
  private static final int SPEAKERS = 8;
  private static final int SOURCES = 8;
  // A facet lists the top 20 values of a dimension (README, "Facets"): a full list may be cut.
  private static final int FACET_TOP = 20;
  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’]{3,}");
  // Words too plain to make a telling example.
  private static final Set<String> PLAIN =
      Set.of(
          "that", "this", "with", "have", "will", "would", "they", "there", "their", "what", "from",
          "been", "were", "which", "about", "when", "them", "then", "than", "said", "also", "into",
          "just", "very", "more", "some", "your", "could", "should", "because", "these", "those",
          "only", "like", "here", "where", "after", "before", "over", "being");

  private final Searcher searcher;
  private Searcher.Stats computedFor;
  private Map<String, Object> cached;

  Overview(Searcher searcher) {
    this.searcher = searcher;
  }

  /** The overview of the index as it is now. */
  synchronized Map<String, Object> now() throws IOException {
    Searcher.Stats stats = searcher.stats();
    if (cached == null || !stats.equals(computedFor)) {
      cached = compute(stats);
      computedFor = stats;
    }
    return cached;
  }

  private Map<String, Object> compute(Searcher.Stats stats) throws IOException {
    // Sources count articles, speakers count printings of their quotes; with facets the quote
    // total is exact: distinct quotes, as the search page counts them.
    SearchResult articles = everything(SearchRequest.Type.ARTICLE);
    SearchResult quotes = everything(SearchRequest.Type.QUOTE);
    List<SearchResult.FacetValue> speakers = facet(quotes, "speaker");
    List<SearchResult.FacetValue> sources = facet(articles, "source");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("articles", stats.articles());
    out.put("quotes", stats.quotes());
    out.put("distinctQuotes", quotes.total());
    out.put("sources", values(sources, SOURCES));
    out.put("sourceCount", sources.size());
    out.put("sourceCountExact", sources.size() < FACET_TOP);
    out.put(
        "dates",
        stats.firstDate() == null
            ? null
            : Map.of("from", stats.firstDate().toString(), "to", stats.lastDate().toString()));
    out.put("speakers", values(speakers, SPEAKERS));
    out.put("examples", examples(speakers, sources));
    return out;
  }

  private SearchResult everything(SearchRequest.Type type) throws IOException {
    return searcher.search(
        SearchRequest.builder("").withType(type).withLimit(1).withFacets(true).build());
  }

  private static List<SearchResult.FacetValue> facet(SearchResult r, String dimension) {
    return r.facets().getOrDefault(dimension, List.of());
  }

  private static List<Map<String, Object>> values(List<SearchResult.FacetValue> values, int n) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (SearchResult.FacetValue v : values.subList(0, Math.min(n, values.size()))) {
      out.add(Map.of("value", v.value(), "count", v.count()));
    }
    return out;
  }

  /**
   * Three searches that find something here: a phrase the most quoted speaker said, the second most
   * quoted speaker's quotes, and a telling word of the newest headline from the biggest source.
   * Each is searched first and offered only when it has hits; fewer than three when the index is
   * too small to offer them.
   */
  private List<Map<String, Object>> examples(
      List<SearchResult.FacetValue> speakers, List<SearchResult.FacetValue> sources)
      throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    if (!speakers.isEmpty()) {
      String top = speakers.get(0).value();
      SearchResult newest =
          searcher.search(
              SearchRequest.builder("")
                  .withType(SearchRequest.Type.QUOTE)
                  .withSpeaker(top)
                  .withSort(SearchRequest.SortOrder.DATE)
                  .withLimit(5)
                  .build());
      for (SearchResult.Hit hit : newest.hits()) {
        String phrase = phrase(hit.text());
        if (phrase != null
            && tryExample(out, "\"" + phrase + "\"", "who said “" + phrase + "”", "quote")) {
          break;
        }
      }
    }
    if (speakers.size() > 1) {
      String second = speakers.get(1).value();
      tryExample(out, "speaker:\"" + second + "\"", "everything " + second + " said", "quote");
    }
    SearchResult articles =
        searcher.search(
            SearchRequest.builder("")
                .withType(SearchRequest.Type.ARTICLE)
                .withSource(sources.isEmpty() ? null : sources.get(0).value())
                .withSort(SearchRequest.SortOrder.DATE)
                .withLimit(5)
                .build());
    for (SearchResult.Hit hit : articles.hits()) {
      String word = telling(hit.title());
      if (word != null && tryExample(out, word, "articles about " + word, "article")) {
        break;
      }
    }
    return out;
  }

  private boolean tryExample(List<Map<String, Object>> out, String query, String label, String type)
      throws IOException {
    if (out.stream().anyMatch(e -> e.get("q").equals(query))) {
      return false;
    }
    SearchResult r =
        searcher.search(
            SearchRequest.builder(query)
                .withType(SearchRequest.Type.fromLabel(type))
                .withLimit(1)
                .build());
    if (r.total() == 0) {
      return false;
    }
    Map<String, Object> example = new LinkedHashMap<>();
    example.put("q", query);
    example.put("type", type);
    example.put("label", label);
    example.put("total", r.total());
    out.add(example);
    return true;
  }

  /** Two neighbouring telling words of {@code text}, or null. */
  static String phrase(String text) {
    if (text == null) {
      return null;
    }
    List<String> words = new ArrayList<>();
    for (String w : text.split("[^\\p{L}'’]+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    for (int i = 0; i + 1 < words.size(); i++) {
      if (isTelling(words.get(i)) && isTelling(words.get(i + 1))) {
        return words.get(i).toLowerCase(Locale.ROOT)
            + " "
            + words.get(i + 1).toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  /** The longest telling word of {@code text}, lower-cased, or null. */
  static String telling(String text) {
    if (text == null) {
      return null;
    }
    String best = null;
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String w = m.group();
      if (isTelling(w) && (best == null || w.length() > best.length())) {
        best = w;
      }
    }
    return best == null ? null : best.toLowerCase(Locale.ROOT);
  }

  private static boolean isTelling(String word) {
    return word.length() >= 4
        && WORD.matcher(word).matches()
        && !PLAIN.contains(word.toLowerCase(Locale.ROOT));
  }
}
