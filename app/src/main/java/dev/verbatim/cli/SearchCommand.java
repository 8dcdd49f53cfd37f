package dev.verbatim.cli;

import dev.verbatim.opensearch.ClusterSearcher;
import dev.verbatim.search.SearchRequest;
import dev.verbatim.search.SearchResult;
import dev.verbatim.search.Searcher;
import dev.verbatim.web.Export;
import dev.verbatim.web.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code verbatim search}: runs one query and prints the hits. */
@Command(
    name = "search",
    header = "Search the index and print the hits, as text, JSON, CSV or JSON Lines.",
    mixinStandardHelpOptions = true,
    description = {
      "Search the index and print the hits, best first.",
      "The query language:",
      "  pardon clemency          both words (stemmed), ranked by BM25",
      "  \"so unfair\"              the exact phrase;  \"white house\"~3  within 3 words",
      "  a OR b, a AND b, NOT a, -a, (a OR b) c   boolean logic and grouping",
      "  pard*   prefix;  pardn~  fuzzy (2 edits; ~1 for one)",
      "  speaker: source: title: text: author: type: kind:   one field",
      "  date:2018-06, date:[2018-01-01 TO 2018-12-31], date:[2019 TO *]   dates",
      "Syntax mistakes are searched as words with a note; --strict reports them instead."
    })
final class SearchCommand implements Callable<Integer> {
  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Index folder (default: ${DEFAULT-VALUE}).")
  Path index = Path.of("index");

  @Option(
      names = "--type",
      paramLabel = "quote|article",
      description = "Only quotes or only articles.")
  String type;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description =
          "Hits to show (default: "
              + SearchRequest.DEFAULT_LIMIT
              + "; with --format csv or jsonl, rows to write, at most "
              + Export.MAX_ROWS
              + ", default all of them up to that).")
  Integer limit;

  @Option(
      names = "--offset",
      paramLabel = "N",
      description = "Hits to skip (default: ${DEFAULT-VALUE}).")
  int offset = 0;

  @Option(
      names = "--speaker",
      paramLabel = "NAME",
      description = "Only quotes by this speaker (exact name, as in --facets).")
  String speaker;

  @Option(
      names = "--source",
      paramLabel = "NAME",
      description = "Only this publication (exact name, as in --facets).")
  String source;

  @Option(names = "--date", paramLabel = "YYYY[-MM]", description = "Only this year or month.")
  String date;

  @Option(
      names = "--sort",
      paramLabel = "relevance|date",
      description = "Best first (default) or newest first.")
  String sort;

  @Option(
      names = "--cursor",
      paramLabel = "CURSOR",
      description = "Continue after a previous page (its nextCursor; use with --json).")
  String cursor;

  @Option(
      names = "--facets",
      description = "Also print how many matches each type, speaker, source and date has.")
  boolean facets;

  @Option(
      names = "--strict",
      description = "Report query syntax errors (exit 2) instead of searching around them.")
  boolean strict;

  @Option(names = "--json", description = "Print the result as the API's JSON (--format json).")
  boolean json;

  @Option(
      names = "--format",
      paramLabel = "text|json|csv|jsonl",
      description =
          "text (default), the API's JSON, or an export of the search as CSV or JSON Lines:"
              + " one row per hit with quote, speaker, headline, source, date, URL and citation.")
  String format = "text";

  @Parameters(
      arity = "1..*",
      paramLabel = "QUERY",
      description = "The query; several words are joined.")
  String[] query;

  @CommandLine.ArgGroup(exclusive = false, heading = "Cluster:%n")
  ClusterOptions cluster = new ClusterOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (json) {
      format = "json";
    }
    boolean export = format.equalsIgnoreCase("csv") || format.equalsIgnoreCase("jsonl");
    if (!export && !format.equalsIgnoreCase("json") && !format.equalsIgnoreCase("text")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--format must be text, json, csv or jsonl, got '" + format + "'");
    }
    json = format.equalsIgnoreCase("json");
    SearchRequest.Builder builder =
        SearchRequest.builder(String.join(" ", query))
            .withLimit(limit == null || export ? SearchRequest.DEFAULT_LIMIT : limit)
            .withOffset(offset)
            .withSpeaker(speaker)
            .withSource(source)
            .withDate(date)
            .withCursor(cursor)
            .withFacets(facets || json)
            .withStrict(strict);
    if (type != null) {
      builder.withType(SearchRequest.Type.fromLabel(type));
    }
    if (sort != null) {
      builder.withSort(SearchRequest.SortOrder.fromLabel(sort));
    }
    SearchRequest request = builder.build();
    SearchResult result;
    Main.quietSlowSearchNotes();
    PrintWriter out = spec.commandLine().getOut();
    try (Searcher searcher =
        cluster.used()
            ? ClusterSearcher.connect(cluster.settings(), Main.ONE_SHOT_TIME_LIMIT)
            : Searcher.open(index, Main.ONE_SHOT_TIME_LIMIT)) {
      if (export) {
        int rows = Math.min(Export.MAX_ROWS, limit == null ? Export.MAX_ROWS : Math.max(1, limit));
        Export rowsOut =
            new Export(out, Export.Format.fromLabel(format), "", Export.articleUrls(searcher));
        rowsOut.writeAll(searcher, request, rows);
        out.flush();
        if (rowsOut.cut()) {
          // The rows go to stdout, often a file; the cut is said where the user sees it.
          PrintWriter err = spec.commandLine().getErr();
          err.printf(
              Locale.ROOT,
              "verbatim: exported %d of %s%d hits (at most %d rows an export); page on with"
                  + " --offset %d%n",
              rowsOut.rows(),
              rowsOut.totalExact() ? "" : "more than ",
              rowsOut.total(),
              Export.MAX_ROWS,
              request.offset() + rowsOut.rows());
          err.flush();
        }
        return Main.OK;
      }
      result = searcher.search(request);
    }
    if (json) {
      out.println(Json.write(result));
    } else {
      print(out, result, request.offset(), System.console() != null);
    }
    out.flush();
    return Main.OK;
  }

  private static void print(PrintWriter out, SearchResult result, int offset, boolean ansi) {
    out.printf(
        Locale.ROOT,
        "%s%d hits for %s (%d ms)%n",
        result.totalExact() ? "" : "more than ",
        result.total(),
        result.query(),
        result.tookMs());
    if (result.notice() != null) {
      out.println("note: " + result.notice());
    }
    if (result.suggestion() != null) {
      out.println("did you mean: " + result.suggestion());
    }
    int rank = offset;
    for (SearchResult.Hit hit : result.hits()) {
      rank++;
      out.println();
      String where = hit.title() + (hit.source() == null ? "" : " — " + hit.source());
      if (hit.type() == SearchRequest.Type.QUOTE) {
        String who = hit.speaker() == null ? "(speaker unknown)" : hit.speaker();
        out.printf(Locale.ROOT, "%d. [quote] %s  (%.2f)%n", rank, who, hit.score());
        out.printf("   in: %s%n", where);
        if (hit.sources().size() > 1) {
          out.printf(Locale.ROOT, "   %d sources: %s%n", hit.sources().size(), sourceNames(hit));
        }
      } else {
        out.printf(Locale.ROOT, "%d. [article] %s  (%.2f)%n", rank, where, hit.score());
      }
      for (SearchResult.Passage passage : hit.passages()) {
        out.println("   " + Terminal.render(passage.html(), ansi));
      }
    }
    if (result.nextCursor() != null) {
      out.printf("%nnext page: --cursor %s%n", result.nextCursor());
    }
    printFacets(out, result.facets());
  }

  private static String sourceNames(SearchResult.Hit hit) {
    return String.join(
        "; ",
        hit.sources().stream()
            .map(s -> s.title() + (s.source() == null ? "" : " — " + s.source()))
            .toList());
  }

  private static void printFacets(
      PrintWriter out, Map<String, List<SearchResult.FacetValue>> facets) {
    for (Map.Entry<String, List<SearchResult.FacetValue>> dim : facets.entrySet()) {
      if (dim.getValue().isEmpty()) {
        continue;
      }
      out.println();
      out.println(dim.getKey() + ":");
      for (SearchResult.FacetValue v : dim.getValue()) {
        out.printf(Locale.ROOT, "  %6d  %s%n", v.count(), v.value());
        for (SearchResult.FacetValue child : v.children()) {
          out.printf(Locale.ROOT, "  %6d    %s%n", child.count(), child.value());
        }
      }
    }
  }
}
