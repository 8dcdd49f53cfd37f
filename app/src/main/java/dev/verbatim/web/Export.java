package dev.verbatim.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.verbatim.search.ArticleDetail;
import dev.verbatim.search.InvalidQueryException;
import dev.verbatim.search.SearchRequest;
import dev.verbatim.search.SearchResult;
import dev.verbatim.search.Searcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Search results as rows for a spreadsheet or a script: CSV (RFC 4180) or JSON Lines, one hit a
 * row, the same columns in both. CSV cells a spreadsheet would run as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) get a leading apostrophe, so they stay text. Not
 * thread-safe; one per export.
 */
public final class Export {
  /** The most rows one export holds (README, "Export"). */
  public static final int MAX_ROWS = 1_000;

  /** The columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "type",
          "quote",
          "speaker",
          "cue",
          "headline",
          "source",
          "date",
          "url",
          "sources",
          "citation",
          "permalink",
          "article_id",
          "quote_id");

  /** The two formats. */
  public enum Format {
    CSV("text/csv; charset=utf-8", "csv"),
    JSONL("application/x-ndjson; charset=utf-8", "jsonl");

    final String contentType;
    final String extension;

    Format(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }

    /** {@code csv} or {@code jsonl}, case-insensitive. */
    public static Format fromLabel(String label) {
      for (Format f : values()) {
        if (f.extension.equalsIgnoreCase(label == null ? "" : label.strip())) {
          return f;
        }
      }
      throw new InvalidQueryException("format must be json, csv or jsonl, got '" + label + "'");
    }
  }

  private final Writer out;
  private final Format format;
  private final String base;
  private final Function<String, String> urlOfArticle;
  private int rows;
  // What writeAll learnt of the whole search: where it started, its total and whether exact.
  private int offset;
  private long total;
  private boolean totalExact;

  /**
   * An export to {@code out}; permalinks start with {@code base} ({@code http://host:port}, or ""
   * for paths), and {@code urlOfArticle} gives an article's own address (or null).
   */
  public Export(Writer out, Format format, String base, Function<String, String> urlOfArticle)
      throws IOException {
    this.out = out;
    this.format = format;
    this.base = base == null ? "" : base;
    this.urlOfArticle = urlOfArticle;
    if (format == Format.CSV) {
      line(COLUMNS);
    }
  }

  /** Rows written so far. */
  public int rows() {
    return rows;
  }

  /**
   * How many hits the search has in all (those before its offset too), known after {@link
   * #writeAll}.
   */
  public long total() {
    return total;
  }

  /** Whether {@link #total()} is exact, not a lower bound (a search stopped at its time limit). */
  public boolean totalExact() {
    return totalExact;
  }

  /** True after {@link #writeAll} when the search has hits past the last row written. */
  public boolean cut() {
    return total > offset + rows;
  }

  /**
   * Writes up to {@code wanted} hits of {@code request} (from its offset, in its order), fetched a
   * page of {@link SearchRequest#MAX_LIMIT} at a time with cursors. The first page counts the total
   * exactly (as facets do), so {@link #total()} can say how much was left out.
   */
  public void writeAll(Searcher searcher, SearchRequest request, int wanted) throws IOException {
    offset = request.offset();
    SearchRequest page =
        request.toBuilder().withLimit(SearchRequest.MAX_LIMIT).withFacets(true).build();
    boolean first = true;
    while (rows < wanted) {
      SearchResult result = searcher.search(page);
      if (first) {
        total = result.total();
        totalExact = result.totalExact();
        first = false;
      }
      List<SearchResult.Hit> hits = result.hits();
      write(hits.subList(0, Math.min(hits.size(), wanted - rows)));
      if (hits.isEmpty() || result.nextCursor() == null) {
        return;
      }
      page =
          page.toBuilder().withOffset(0).withFacets(false).withCursor(result.nextCursor()).build();
    }
  }

  /** Each article's own address from {@code searcher}, looked up once per article. */
  public static Function<String, String> articleUrls(Searcher searcher) {
    Map<String, String> known = new HashMap<>();
    return articleId -> {
      if (known.containsKey(articleId)) {
        return known.get(articleId);
      }
      try {
        String url = searcher.article(articleId).map(ArticleDetail::url).orElse(null);
        known.put(articleId, url);
        return url;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** Writes one row per hit. */
  public void write(List<SearchResult.Hit> hits) throws IOException {
    for (SearchResult.Hit hit : hits) {
      Map<String, Object> row = row(hit);
      if (format == Format.CSV) {
        line(row.values().stream().map(v -> v == null ? "" : String.valueOf(v)).toList());
      } else {
        out.write(json(row));
        out.write('\n');
      }
      rows++;
    }
  }

  private Map<String, Object> row(SearchResult.Hit hit) {
    boolean quote = isQuote(hit);
    String url = urlOfArticle.apply(hit.articleId());
    String quoteText = quote ? hit.text() : null;
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("type", quote ? "quote" : "article");
    row.put("quote", quoteText);
    row.put("speaker", hit.speaker());
    row.put("cue", hit.cue());
    row.put("headline", hit.title());
    row.put("source", hit.source());
    row.put("date", hit.date());
    row.put("url", url);
    row.put("sources", quote ? Math.max(1, hit.sources().size()) : null);
    row.put(
        "citation",
        Citation.of(quoteText, hit.speaker(), hit.title(), hit.source(), hit.date(), url));
    row.put("permalink", base + permalink(hit));
    row.put("article_id", hit.articleId());
    row.put("quote_id", hit.quoteId());
    return row;
  }

  /** The quote's own page for a quote, the article page for an article. */
  static String permalink(SearchResult.Hit hit) {
    if (isQuote(hit) && hit.quoteId() != null) {
      return "/quotes/" + Paths.segment(hit.quoteId());
    }
    return "/articles/" + Paths.path(hit.articleId());
  }

  static boolean isQuote(SearchResult.Hit hit) {
    return hit.type() == SearchRequest.Type.QUOTE;
  }

  private static String json(Map<String, Object> row) {
    try {
      return Json.mapper().writeValueAsString(row);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void line(List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells.get(i)));
    }
    out.write("\r\n");
  }

  /**
   * One CSV cell: a value a spreadsheet would take for a formula gets a leading {@code '}; one
   * holding a comma, a quote or a line break is quoted.
   */
  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
