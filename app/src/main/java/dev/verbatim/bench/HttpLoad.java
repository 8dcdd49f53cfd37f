package dev.verbatim.bench;

import dev.verbatim.search.SearchRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A client that sends the query mix to {@code /api/search} on a local server over a fixed number of
 * connections, each sending its next request as soon as the last is answered. One run at a time.
 */
interface HttpLoad extends AutoCloseable {
  /**
   * {@code connections} connections for about {@code seconds}; an answer other than 2xx is an
   * error.
   */
  Load.Result run(int connections, double seconds);

  /** Which client this is and where its CPU is counted, for the table's notes. */
  String describe();

  @Override
  void close();

  /**
   * The path and query string of each of {@code queries}: the highlighted top 10, with facet counts
   * when {@code facets} (as the page's first request of a query asks).
   */
  static List<String> targets(List<QuerySet.Entry> queries, boolean facets) {
    List<String> list = new ArrayList<>();
    for (QuerySet.Entry e : queries) {
      SearchRequest r = e.request();
      list.add(
          "/api/search?limit="
              + SearchBench.TOP
              + "&q="
              + URLEncoder.encode(r.query(), StandardCharsets.UTF_8)
              + (r.type() == null ? "" : "&type=" + r.type().label())
              + (facets ? "&facets=true" : ""));
    }
    return List.copyOf(list);
  }
}
