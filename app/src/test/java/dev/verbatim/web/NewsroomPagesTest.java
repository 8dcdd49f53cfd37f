package dev.verbatim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.index.Indexer;
import dev.verbatim.search.CompleteAnswers;
import dev.verbatim.search.Searcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a journalist does after finding a quote, in a real Chromium against a real server over a
 * real index of {@code newsroom-corpus}: the start page, copying a citation and a permalink, the
 * quote's page with every printing and the words changed between them, the speaker's page and the
 * export links; every page checked by axe-core (bundled in its jar, no network). Screenshots go to
 * {@code target/screenshots/}, or to the folder {@code -Dverbatim.screenshots=DIR} names (the
 * README's are taken with {@code -Dverbatim.screenshots=docs/screenshots}).
 */
class NewsroomPagesTest {
  private static final Path SCREENSHOTS =
      Path.of(System.getProperty("verbatim.screenshots", "target/screenshots"));

  @TempDir static Path work;
  static Searcher searcher;
  static WebServer server;
  static ChromeDriver driver;
  static String base;

  /** axe-core's violations on every page checked, by impact. */
  static final Map<String, Integer> VIOLATIONS = new TreeMap<>();

  @BeforeAll
  static void start() throws Exception {
    driver = Browser.start(work, 1280, 900);
    Path corpus = Path.of(NewsroomPagesTest.class.getResource("/newsroom-corpus").toURI());
    Path index = work.resolve("index");
    new Indexer(1).rebuild(corpus, index);
    searcher = CompleteAnswers.open(index);
    server = new WebServer(searcher).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + server.port();
    Files.createDirectories(SCREENSHOTS);
    // The page writes citations to the clipboard; the test reads them back.
    driver.executeCdpCommand(
        "Browser.grantPermissions",
        Map.of(
            "origin",
            base,
            "permissions",
            List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
  }

  @AfterAll
  static void stop() throws IOException {
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "axe-violations.txt"), VIOLATIONS + "\n");
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
    if (searcher != null) {
      searcher.close();
    }
  }

  @Test
  void theStartPageTellsWhatIsHereAndItsExamplesFindSomething() throws Exception {
    driver.get(base + "/");
    WebElement facts = waitFor(d -> visible(d, By.id("overview-facts")));
    waitFor(d -> facts.getText().isEmpty() ? null : true);
    assertEquals(
        "5 articles and 7 quotes from 3 sources, November 2018 to March 2019.", facts.getText());
    assertTrue(cards().isEmpty(), "no arbitrary list of quotes");
    List<WebElement> speakers = driver.findElements(By.cssSelector("#overview-speakers a.speaker"));
    assertEquals("Ana Ruiz", speakers.get(0).getText());
    assertEquals("/speakers/Ana%20Ruiz", speakers.get(0).getDomAttribute("href"));
    List<String> examples =
        driver.findElements(By.cssSelector("#overview-examples a.example")).stream()
            .map(a -> a.getDomAttribute("href"))
            .toList();
    assertEquals(3, examples.size(), examples.toString());
    checkAccessibility("start page");
    screenshot("start-page");
    for (String href : examples) {
      driver.get(base + href);
      waitFor(d -> cards().isEmpty() ? null : true);
      assertFalse(driver.findElement(By.id("overview")).isDisplayed());
    }
  }

  @Test
  void aQuoteCardCopiesItsCitationAndLinksToItsPage() throws Exception {
    driver.get(base + "/?q=%22full+timetable%22");
    WebElement card = waitFor(d -> cards().size() == 1 ? cards().get(0) : null);
    card.findElement(By.cssSelector("button.copy-citation")).click();
    waitFor(d -> card.findElement(By.cssSelector(".copied")).getText().isEmpty() ? null : true);
    String expected =
        "“We will restore the full timetable before the summer season begins,” — Ana Ruiz, “Ferry"
            + " service to resume in spring”, Harbour Post, March 4, 2019,"
            + " https://harbourpost.example/2019/ferry-a";
    assertEquals("Citation copied", card.findElement(By.cssSelector(".copied")).getText());
    assertEquals(expected, clipboard());
    JsonNode hit = hit("\"full timetable\"");
    WebElement permalink = card.findElement(By.cssSelector("a.permalink"));
    assertEquals(
        base + "/quotes/" + hit.get("quoteId").asText(), permalink.getDomAttribute("href"));
    checkAccessibility("search results");
    screenshot("search-page");

    // Unknown fields are left out: no speaker and no address for this one.
    driver.get(base + "/?q=%22further+notice%22");
    WebElement unattributed = waitFor(d -> cards().size() == 1 ? cards().get(0) : null);
    unattributed.findElement(By.cssSelector("button.copy-citation")).click();
    waitFor(
        d ->
            "Citation copied".equals(unattributed.findElement(By.cssSelector(".copied")).getText())
                ? true
                : null);
    assertEquals(
        "“closed for repairs until further notice” — “Library hours extended”, Valley Times,"
            + " November 20, 2018",
        clipboard());
  }

  @Test
  void theQuotePageListsEveryPrintingEarliestFirstWithTheChangedWordsMarked() throws Exception {
    JsonNode hit = hit("\"busy summer\"");
    driver.get(base + "/quotes/" + hit.get("quoteId").asText());
    waitFor(
        d ->
            driver.findElements(By.cssSelector("#printings > li.printing")).size() == 3
                ? true
                : null);
    List<WebElement> printings = driver.findElements(By.cssSelector("#printings > li.printing"));
    List<String> outlets =
        printings.stream().map(p -> p.findElement(By.cssSelector(".source")).getText()).toList();
    assertEquals(List.of("Harbour Post", "Coastal Gazette", "Valley Times"), outlets);
    List<String> dates =
        printings.stream()
            .map(p -> p.findElement(By.cssSelector("time")).getDomAttribute("datetime"))
            .toList();
    assertEquals(List.of("2019-03-04", "2019-03-05", "2019-03-07"), dates);
    assertEquals(
        "Ferry service to resume in spring",
        printings.get(0).findElement(By.cssSelector("a.open")).getText());
    assertTrue(printings.get(0).findElements(By.cssSelector("ins, del")).isEmpty());
    assertEquals(List.of("full"), texts(printings.get(1), "del"));
    assertEquals(List.of("whole"), texts(printings.get(1), "ins"));
    assertEquals(List.of("busy"), texts(printings.get(2), "ins"));
    assertTrue(texts(printings.get(2), "del").isEmpty());
    for (WebElement p : printings) {
      assertEquals("Ana Ruiz", p.findElement(By.cssSelector("a.speaker")).getText());
      assertTrue(p.getText().contains("(cue “said”)"), p.getText());
    }
    assertEquals(
        "Printed 3 times in 3 outlets, first on Mar 4, 2019.",
        driver.findElement(By.id("summary")).getText());
    driver.findElement(By.cssSelector("#actions button.copy-citation")).click();
    waitFor(
        d ->
            "Citation copied".equals(d.findElement(By.cssSelector("#actions .copied")).getText())
                ? true
                : null);
    assertTrue(clipboard().startsWith("“We will restore the full timetable"), clipboard());
    assertEquals(
        base + "/quotes/" + hit.get("quoteId").asText(),
        driver.findElement(By.cssSelector("#actions a.permalink")).getDomAttribute("href"));
    checkAccessibility("quote page");
    screenshot("quote-page");

    driver.get(base + "/quotes/nosuchquote");
    WebElement error = waitFor(d -> visible(d, By.id("error")));
    assertEquals("There is no quote “nosuchquote” in the index.", error.getText());
  }

  @Test
  void aSpeakersPageListsTheirQuotesNewestFirstAndSearchesWithinThem() throws Exception {
    driver.get(base + "/?q=evenings");
    WebElement card = waitFor(d -> cards().size() == 1 ? cards().get(0) : null);
    card.findElement(By.cssSelector("a.speaker")).click();
    waitFor(
        d ->
            d.getCurrentUrl().endsWith("/speakers/Ana%20Ruiz") && cards().size() >= 2
                ? true
                : null);
    assertEquals("Ana Ruiz", driver.findElement(By.id("speaker-name")).getText());
    WebElement facts = waitFor(d -> visible(d, By.id("speaker-facts")));
    waitFor(d -> facts.getText().isEmpty() ? null : true);
    assertEquals("2 quotes in 3 outlets between November 2018 and March 2019.", facts.getText());
    List<String> dates =
        cards().stream()
            .map(c -> c.findElement(By.cssSelector("time")).getDomAttribute("datetime"))
            .toList();
    List<String> newestFirst = new ArrayList<>(dates);
    newestFirst.sort(java.util.Comparator.reverseOrder());
    assertEquals(newestFirst, dates);
    for (WebElement c : cards()) {
      assertEquals("Ana Ruiz", c.findElement(By.cssSelector(".by a.speaker")).getText());
    }
    assertTrue(driver.findElements(By.cssSelector("#chips button.chip")).isEmpty());
    checkAccessibility("speaker page");
    screenshot("speaker-page");

    WebElement box = driver.findElement(By.id("q"));
    box.sendKeys("evenings");
    waitFor(
        d ->
            cards().size() == 1 && d.getCurrentUrl().endsWith("/speakers/Ana%20Ruiz?q=evenings")
                ? true
                : null);
    assertTrue(cards().get(0).getText().contains("Readers asked for evenings"));
    driver.get(base + "/speakers/Ana%20Ruiz?q=decade");
    waitForIdle();
    assertTrue(cards().isEmpty(), "Bo Lind's quote is not hers");
  }

  @Test
  void theExportLinksDownloadTheCurrentSearch() throws Exception {
    driver.get(base + "/?q=budget+OR+timetable&sort=date&source=Harbour+Post");
    waitFor(d -> cards().isEmpty() ? null : true);
    waitForIdle();
    WebElement csv = waitFor(d -> visible(d, By.id("export-csv")));
    String href = csv.getDomAttribute("href");
    assertTrue(href.startsWith("/api/search?"), href);
    for (String part :
        List.of(
            "q=budget+OR+timetable",
            "sort=date",
            "source=Harbour+Post",
            "format=csv",
            "type=quote")) {
      assertTrue(href.contains(part), href + " lacks " + part);
    }
    String body =
        (String)
            js().executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text()).then(done);",
                    href);
    // fetch() drops the BOM that the download carries.
    List<List<String>> rows = ExportTest.csv(body.replaceFirst("^\uFEFF", ""));
    assertEquals(Export.COLUMNS, rows.get(0));
    assertEquals(cards().size() + 1, rows.size(), body);
    assertTrue(
        driver.findElement(By.id("export-jsonl")).getDomAttribute("href").contains("format=jsonl"));
  }

  @Test
  void theArticlePageLinksItsSpeakersAndPassesTheAccessibilityCheck() throws Exception {
    driver.get(base + "/articles/council/2019/budget");
    waitFor(
        d -> driver.findElements(By.cssSelector("#quotes a.speaker")).size() == 2 ? true : null);
    assertEquals(
        "/speakers/Bo%20Lind",
        driver.findElement(By.cssSelector("#quotes a.speaker")).getDomAttribute("href"));
    checkAccessibility("article page");
  }

  // --- helpers ---

  /** Runs axe-core on the page as it is; fails on serious or critical violations. */
  private static void checkAccessibility(String page) {
    Results results = new AxeBuilder().analyze(driver);
    List<String> bad = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      String impact = String.valueOf(rule.getImpact());
      synchronized (VIOLATIONS) {
        VIOLATIONS.merge(impact, 1, Integer::sum);
      }
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
    assertEquals(List.of(), bad, "axe-core on the " + page);
  }

  private static JsonNode hit(String query) throws Exception {
    String url =
        base
            + "/api/search?type=quote&q="
            + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
    java.net.http.HttpResponse<String> r =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    return Json.mapper().readTree(r.body()).get("hits").get(0);
  }

  private static String clipboard() {
    return (String)
        js().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "navigator.clipboard.readText().then(done, e => done('ERROR ' + e));");
  }

  private static List<String> texts(WebElement in, String css) {
    return in.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  private static List<WebElement> cards() {
    return driver.findElements(By.cssSelector("#results > li.hit"));
  }

  private static WebElement visible(WebDriver d, By by) {
    List<WebElement> found = d.findElements(by);
    return !found.isEmpty() && found.get(0).isDisplayed() ? found.get(0) : null;
  }

  private static <T> T waitFor(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(condition::apply);
  }

  private static void waitForIdle() {
    waitFor(
        d ->
            Boolean.TRUE.equals(
                    js().executeScript(
                            "return"
                                + " !document.getElementById('results').hasAttribute('aria-busy');"))
                ? true
                : null);
  }

  private static JavascriptExecutor js() {
    return driver;
  }

  private static void screenshot(String name) throws IOException {
    Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
