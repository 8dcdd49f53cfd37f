package dev.verbatim.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one benchmark run, each beside its baseline and their ratio. Not thread-safe:
 * filled by one run, then printed or written.
 *
 * <p>A ratio is always Verbatim's speed over the baseline's (for latencies, baseline time over
 * Verbatim time), so 1.0 means as fast and 0.9 means 10% slower, whatever the unit.
 */
public final class BenchTable {
  /**
   * One figure. Immutable.
   *
   * @param section indexing, search, http or memory
   * @param name what was measured (corpus, query class and threads, connections)
   * @param metric the unit: docs/s, MB/s, p50 ms, p99 ms, QPS, req/s, share, MB, count
   * @param verbatim Verbatim's figure
   * @param baseline the same figure for bare Lucene (or the in-process API for HTTP), NaN if none
   * @param ratio Verbatim speed over baseline speed, NaN when there is no baseline
   */
  public record Row(
      String section, String name, String metric, double verbatim, double baseline, double ratio) {}

  private final List<Row> rows = new ArrayList<>();
  private final Map<String, String> notes = new LinkedHashMap<>();

  /** Adds a throughput figure: more is better, so ratio = verbatim / baseline. */
  public void rate(String section, String name, String metric, double verbatim, double baseline) {
    rows.add(new Row(section, name, metric, verbatim, baseline, verbatim / baseline));
  }

  /** Adds a latency figure: less is better, so ratio = baseline / verbatim. */
  public void latency(
      String section, String name, String metric, double verbatim, double baseline) {
    rows.add(new Row(section, name, metric, verbatim, baseline, baseline / verbatim));
  }

  /** Adds a figure that has no baseline. */
  public void value(String section, String name, String metric, double verbatim) {
    rows.add(new Row(section, name, metric, verbatim, Double.NaN, Double.NaN));
  }

  /** Records a fact about the run (machine, load, settings). */
  public void note(String key, String value) {
    notes.put(key, value);
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  public Map<String, String> notes() {
    return Map.copyOf(notes);
  }

  /** Prints the table as Markdown, so it can go straight into BENCHMARKS.md. */
  public void print(PrintWriter out) {
    notes.forEach((k, v) -> out.printf(Locale.ROOT, "- %s: %s%n", k, v));
    out.println();
    out.println("| section | case | metric | Verbatim | baseline | ratio |");
    out.println("| --- | --- | --- | ---: | ---: | ---: |");
    for (Row r : rows) {
      out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %s | %s | %s |%n",
          r.section(),
          r.name(),
          r.metric(),
          format(r.verbatim()),
          format(r.baseline()),
          Double.isNaN(r.ratio()) ? "" : String.format(Locale.ROOT, "%.2fx", r.ratio()));
    }
    out.flush();
  }

  /** Writes rows and notes as one JSON object. */
  public void writeJson(Path file) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("notes", notes);
    List<Map<String, Object>> list = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("section", r.section());
      row.put("name", r.name());
      row.put("metric", r.metric());
      row.put("verbatim", finite(r.verbatim()));
      row.put("baseline", finite(r.baseline()));
      row.put("ratio", finite(r.ratio()));
      list.add(row);
    }
    json.put("rows", list);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
  }

  /**
   * Prints the rows of {@code after} beside the same rows of {@code before} (two {@link #writeJson}
   * files, e.g. the code before and after a change, each run against its baseline in its own run),
   * as Markdown: each side's figure and its ratio to the baseline of its own run.
   */
  public static void compare(Path before, Path after, PrintWriter out) throws IOException {
    ObjectMapper json = new ObjectMapper();
    com.fasterxml.jackson.databind.JsonNode old = json.readTree(before.toFile());
    com.fasterxml.jackson.databind.JsonNode now = json.readTree(after.toFile());
    Map<String, com.fasterxml.jackson.databind.JsonNode> earlier = new LinkedHashMap<>();
    old.get("rows").forEach(r -> earlier.put(key(r), r));
    for (String note : List.of("started", "load average at start", "load average at end")) {
      out.printf(
          Locale.ROOT,
          "- %s: before %s, after %s%n",
          note,
          old.path("notes").path(note).asText("?"),
          now.path("notes").path(note).asText("?"));
    }
    out.println();
    out.println("| section | case | metric | before | ratio before | after | ratio after |");
    out.println("| --- | --- | --- | ---: | ---: | ---: | ---: |");
    for (com.fasterxml.jackson.databind.JsonNode r : now.get("rows")) {
      com.fasterxml.jackson.databind.JsonNode b = earlier.get(key(r));
      out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %s | %s | %s | %s |%n",
          r.get("section").asText(),
          r.get("name").asText(),
          r.get("metric").asText(),
          b == null ? "" : format(number(b, "verbatim")),
          b == null ? "" : ratio(number(b, "ratio")),
          format(number(r, "verbatim")),
          ratio(number(r, "ratio")));
    }
    out.flush();
  }

  private static String key(com.fasterxml.jackson.databind.JsonNode row) {
    return row.get("section").asText()
        + "|"
        + row.get("name").asText()
        + "|"
        + row.get("metric").asText();
  }

  private static double number(com.fasterxml.jackson.databind.JsonNode row, String field) {
    com.fasterxml.jackson.databind.JsonNode v = row.get(field);
    return v == null || v.isNull() ? Double.NaN : v.asDouble();
  }

  private static String ratio(double r) {
    return Double.isNaN(r) ? "" : String.format(Locale.ROOT, "%.2fx", r);
  }

  // JSON has no NaN; a missing baseline is null.
  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static String format(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    double abs = Math.abs(v);
    String pattern = abs >= 100 ? "%,.0f" : abs >= 10 ? "%.1f" : abs >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, pattern, v);
  }
}
