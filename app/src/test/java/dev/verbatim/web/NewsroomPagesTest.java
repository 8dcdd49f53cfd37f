package dev.verbatim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /** axe-core's findings on every page checked, by page and impact (README quotes them). */
  static final AxeReport AXE = new AxeReport(Path.of("target", "axe-core-results.txt"));

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
    AXE.write();
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
    // Three printings of the ferry quote are one quote; the days are the first and last
    // article's, not months of a facet.
    assertEquals(
        "5 articles and 5 quotes (7 printings) from 3 sources, Nov 20, 2018 to Mar 7, 2019.",
        facts.getText());
    assertTrue(cards().isEmpty(), "no arbitrary list of quotes");
    assertFalse(driver.findElement(By.id("toolbar")).isDisplayed(), "nothing to sort or switch");
    List<WebElement> speakers = driver.findElements(By.cssSelector("#overview-speakers a.speaker"));
    assertEquals("Ana Ruiz", speakers.get(0).getText());
    assertEquals("/speakers/Ana%20Ruiz", speakers.get(0).getDomAttribute("href"));
    assertEquals(
        List.of("Ana Ruiz quoted 4 times", "Bo Lind quoted 2 times"),
        texts(driver.findElement(By.id("overview-speakers")), "li"));
    assertEquals(
        List.of("Harbour Post 2 articles", "Valley Times 2 articles", "Coastal Gazette 1 article"),
        texts(driver.findElement(By.id("overview-sources")), "li"));
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
    // The dropped word before the added one, as an editor marks a change; each mark opens with a
    // word a screen reader says, and strikes through or underlines (not colour alone).
    assertEquals(List.of("del: dropped: full", "ins: added: whole"), marks(printings.get(1)));
    assertEquals(List.of("ins: added: busy"), marks(printings.get(2)));
    WebElement dropped = printings.get(1).findElement(By.tagName("del"));
    assertTrue(dropped.getCssValue("text-decoration-line").contains("line-through"));
    assertTrue(
        printings
            .get(1)
            .findElement(By.tagName("ins"))
            .getCssValue("text-decoration-line")
            .contains("underline"));
    assertEquals(
        "We will restore the full whole timetable before the summer season begins,",
        withoutHiddenLabels(printings.get(1).findElement(By.cssSelector("q.printed"))));
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
    // Tall enough for all three printings in the README's picture.
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1180));
    screenshot("quote-page");
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

    driver.get(base + "/quotes/nosuchquote");
    WebElement error = waitFor(d -> visible(d, By.id("error")));
    assertEquals("There is no quote “nosuchquote” in the index.", error.getText());
    checkAccessibility("quote page, unknown id");
  }

  @Test
  void anUnknownQuoteOrSpeakerIsA404PageWithTheSameHeaders() throws Exception {
    for (String path : List.of("/quotes/nosuchquote", "/speakers/Nobody%20Here")) {
      java.net.http.HttpResponse<String> r = get(path);
      assertEquals(404, r.statusCode(), path);
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
      assertEquals(
          SecurityHeaders.ALL.get("Content-Security-Policy"),
          r.headers().firstValue("Content-Security-Policy").orElse(""),
          path);
    }
    assertEquals(200, get("/speakers/Ana%20Ruiz").statusCode());
    driver.get(base + "/speakers/Nobody%20Here");
    WebElement facts = waitFor(d -> visible(d, By.id("speaker-facts")));
    waitFor(d -> facts.getText().isEmpty() ? null : true);
    assertEquals("No quotes by Nobody Here in this index.", facts.getText());
    checkAccessibility("speaker page, unknown name");
  }

  /**
   * Every corpus string on the new pages is text, never markup: headline, outlet, speaker, cue and
   * quote holding HTML are shown as typed, nothing in them runs, and the pages hold no inline
   * script or style for the policy to allow.
   */
  @Test
  void corpusTextHoldingHtmlIsShownAsTextOnEveryPage() throws Exception {
    Path corpus = Files.createDirectories(work.resolve("hostile-corpus"));
    String attack = "<img src=x onerror=\"window.pwned=1\">";
    Files.writeString(
        corpus.resolve("hostile.jsonl"),
        "{\"id\":\"x/one\",\"title\":\"Ferry "
            + attack.replace("\"", "\\\"")
            + " returns\",\"source\":\"<b>Bold</b> Post\",\"date\":\"2019-03-04\","
            + "\"text\":\"The ferry is back.\\n\\n\\u201cWe sail <script>window.pwned=2</script>"
            + " at ten,\\u201d said Mayor Ana Ruiz.\"}\n"
            + "{\"id\":\"x/two\",\"title\":\"Ferry <i>again</i>\",\"source\":\"<b>Bold</b>"
            + " Post\",\"date\":\"2019-03-05\",\"text\":\"Again.\\n\\n\\u201cWe sail"
            + " <script>window.pwned=2</script> at ten,\\u201d said Mayor Ana Ruiz.\"}\n");
    try (TestServer hostile = new TestServer(corpus, work.resolve("hostile-index"))) {
      String at = "http://127.0.0.1:" + hostile.server.port();
      JsonNode hit = hostile.json("/api/search?type=quote&q=sail").get("hits").get(0);
      List<String> pages =
          List.of(
              "/",
              "/?q=sail",
              "/?q=ferry&type=article",
              "/quotes/" + hit.get("quoteId").asText(),
              "/speakers/Ana%20Ruiz",
              "/articles/x/one");
      for (String page : pages) {
        driver.get(at + page);
        waitFor(
            d ->
                d.findElement(By.tagName("body")).getText().contains("Bold</b> Post")
                    ? true
                    : null);
        waitForIdle();
        assertEquals(
            null, js().executeScript("return window.pwned === undefined ? null : window.pwned;"));
        assertEquals(
            0L,
            js().executeScript(
                    "return document.querySelectorAll('main img, main script, main b, main i,"
                        + " script:not([src]), [style], style').length;"),
            page);
      }
      driver.get(at + "/?q=ferry&type=article");
      waitFor(d -> cards().size() == 2 ? true : null);
      assertTrue(
          cards().stream().anyMatch(c -> c.getText().contains("Ferry " + attack + " returns")),
          "the headline as typed");
    }
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
    // The outlets below count printings (2 + 1 + 1): the sentence says both, so they add up.
    assertEquals(
        "2 quotes, printed 4 times, in 3 outlets between November 2018 and March 2019.",
        facts.getText());
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
    assertEquals(
        cards().size() == 1 ? "(1 quote)" : "(all " + cards().size() + " quotes)",
        driver.findElement(By.id("export-note")).getText());
    assertTrue(
        driver.findElement(By.id("export-jsonl")).getDomAttribute("href").contains("format=jsonl"));
  }

  @Test
  void theExportLinksSayWhenTheSearchHasMoreThanAnExportHolds() throws Exception {
    Path corpus = ExportTest.manyArticles(work.resolve("many"), ExportTest.MANY);
    try (TestServer many = new TestServer(corpus, work.resolve("many-index"))) {
      driver.get("http://127.0.0.1:" + many.server.port() + "/?q=ferry&type=article");
      WebElement note = waitFor(d -> visible(d, By.id("export-note")));
      assertEquals(
          "(the first 1,000 of 1,050 articles: the most an export holds; narrow the search for the"
              + " rest)",
          note.getText());
      @SuppressWarnings("unchecked")
      Map<String, Object> download =
          (Map<String, Object>)
              js().executeAsyncScript(
                      "const done = arguments[arguments.length - 1];"
                          + "fetch(arguments[0]).then(async r => done({rows:"
                          + " r.headers.get('X-Export-Rows'), total:"
                          + " r.headers.get('X-Total-Count'), lines: (await"
                          + " r.text()).trim().split('\\n').length}));",
                      driver.findElement(By.id("export-jsonl")).getDomAttribute("href"));
      assertEquals(Map.of("rows", "1000", "total", "1050", "lines", 1000L), download);
      checkAccessibility("search page, 1,050 results");
    }
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

  /**
   * Runs axe-core on the page as it is and records its findings by impact (AxeReport); fails on
   * serious or critical violations.
   */
  private static void checkAccessibility(String page) {
    assertEquals(List.of(), AXE.check(driver, page), "axe-core on the " + page);
  }

  private static JsonNode hit(String query) throws Exception {
    java.net.http.HttpResponse<String> r =
        get(
            "/api/search?type=quote&q="
                + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
    return Json.mapper().readTree(r.body()).get("hits").get(0);
  }

  private static java.net.http.HttpResponse<String> get(String path) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  /** The {@code del} and {@code ins} marks in {@code in}, in order, as "tag: text content". */
  private static List<String> marks(WebElement in) {
    return in.findElements(By.cssSelector("del, ins")).stream()
        .map(m -> m.getTagName() + ": " + m.getDomProperty("textContent"))
        .toList();
  }

  /** What {@code node} reads on screen: its text without the labels only screen readers get. */
  private static String withoutHiddenLabels(WebElement node) {
    return (String)
        js().executeScript(
                "const copy = arguments[0].cloneNode(true);"
                    + "copy.querySelectorAll('.visually-hidden').forEach(n => n.remove());"
                    + "return copy.textContent;",
                node);
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
                            "const results = document.getElementById('results');"
                                + " return !results || !results.hasAttribute('aria-busy');"))
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
