package dev.verbatim.web;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.WebDriver;

/**
 * axe-core's findings on each page a test checks, by impact: how many rules each page violates (and
 * on how many elements), written as a table to a file under {@code target/} and printed, so a run's
 * accessibility can be quoted; serious and critical violations are returned for the test to fail
 * on. Thread-safe.
 */
final class AxeReport {
  static final List<String> IMPACTS = List.of("critical", "serious", "moderate", "minor");

  private final Path file;
  private final Map<String, Page> pages = new LinkedHashMap<>();
  private String engine = "axe-core";

  /** What axe-core found on one page: per impact, violated rules and the elements they hit. */
  private record Page(Map<String, int[]> byImpact, List<String> rules, int passes) {}

  AxeReport(Path file) {
    this.file = file;
  }

  /**
   * Runs axe-core on the page {@code driver} shows, records it as {@code page}, and returns the
   * serious and critical violations, described (empty when there are none).
   */
  synchronized List<String> check(WebDriver driver, String page) {
    Results results = new AxeBuilder().analyze(driver);
    if (results.getTestEngine() != null) {
      engine = "axe-core " + results.getTestEngine().getVersion();
    }
    Map<String, int[]> byImpact = new LinkedHashMap<>();
    IMPACTS.forEach(impact -> byImpact.put(impact, new int[2]));
    List<String> rules = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      String impact = String.valueOf(rule.getImpact());
      int[] counts = byImpact.computeIfAbsent(impact, i -> new int[2]);
      counts[0]++;
      counts[1] += rule.getNodes().size();
      rules.add(rule.getId() + " (" + impact + ", " + rule.getNodes().size() + ")");
      if (impact.equals("serious") || impact.equals("critical")) {
        bad.add(
            rule.getId()
                + " ("
                + impact
                + "): "
                + rule.getHelp()
                + " at "
                + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList());
      }
    }
    pages.put(page, new Page(byImpact, rules, results.getPasses().size()));
    return bad;
  }

  /** The table: one row per page, violated rules (elements) per impact, and the rules passed. */
  synchronized String table() {
    StringBuilder out = new StringBuilder();
    out.append(engine)
        .append(": violated rules by impact per page (elements in parentheses)\n")
        .append(String.format(Locale.ROOT, "%-34s", "page"));
    IMPACTS.forEach(i -> out.append(String.format(Locale.ROOT, " %10s", i)));
    out.append(String.format(Locale.ROOT, " %7s  %s%n", "passed", "violations"));
    int[][] total = new int[IMPACTS.size()][2];
    for (Map.Entry<String, Page> e : pages.entrySet()) {
      out.append(String.format(Locale.ROOT, "%-34s", e.getKey()));
      for (int i = 0; i < IMPACTS.size(); i++) {
        int[] c = e.getValue().byImpact().get(IMPACTS.get(i));
        total[i][0] += c[0];
        total[i][1] += c[1];
        out.append(String.format(Locale.ROOT, " %10s", c[0] + " (" + c[1] + ")"));
      }
      out.append(String.format(Locale.ROOT, " %7d  ", e.getValue().passes()))
          .append(e.getValue().rules().isEmpty() ? "-" : String.join(", ", e.getValue().rules()))
          .append('\n');
    }
    out.append(String.format(Locale.ROOT, "%-34s", "all " + pages.size() + " pages"));
    for (int[] t : total) {
      out.append(String.format(Locale.ROOT, " %10s", t[0] + " (" + t[1] + ")"));
    }
    return out.append('\n').toString();
  }

  /** Writes the table to the file and prints it with the file's name. */
  synchronized void write() throws IOException {
    if (pages.isEmpty()) {
      return;
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    String table = table();
    Files.writeString(file, table);
    System.out.print("\n" + table + "(written to " + file + ")\n");
  }
}
