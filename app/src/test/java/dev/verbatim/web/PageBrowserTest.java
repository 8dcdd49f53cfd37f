package dev.verbatim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.index.Indexer;
import dev.verbatim.search.CompleteAnswers;
import dev.verbatim.search.Searcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search and article pages in a real headless Chromium, against a real server and a real index
 * of our own fixture articles ({@code src/test/resources/page-corpus}). One browser serves the
 * whole class; screenshots land in {@code target/screenshots/}.
 */
class PageBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Dimension DESKTOP = new Dimension(1280, 900);
  private static final Dimension PHONE = new Dimension(375, 812);

  @TempDir static Path work;
  static Searcher searcher;
  static WebServer server;
  static ChromeDriver driver;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    Path corpus = Path.of(PageBrowserTest.class.getResource("/page-corpus").toURI());
    Path index = work.resolve("index");
    driver = Browser.start(work, DESKTOP.width, DESKTOP.height);
    new Indexer(2).rebuild(corpus, index);
    searcher = CompleteAnswers.open(index);
    server = new WebServer(searcher).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + server.port();
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() throws IOException {
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

  @BeforeEach
  void desktopWindow() {
    driver.manage().window().setSize(DESKTOP);
  }

  /**
   * Set by a test that feeds the sanitizer inline event handlers on purpose: there the server's
   * Content-Security-Policy refusing them is a second defence working, not a page bug.
   */
  private boolean expectInlineHandlerRefusals;

  @AfterEach
  void nothingRanFromTheCorpusOrTheQueryAndNoScriptFailed() {
    // The hostile fixtures' scripts set document.title to something starting with "pwned".
    assertFalse(driver.getTitle().startsWith("pwned"), "injected script ran: " + driver.getTitle());
    // Uncaught errors and Content-Security-Policy refusals reach the console; 400/404 answers the
    // page handles are logged there too and are fine.
    List<String> problems =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .map(LogEntry::getMessage)
            .filter(
                m ->
                    m.contains("Uncaught")
                        || m.contains("Content Security Policy")
                        || m.contains("SyntaxError"))
            .filter(
                m -> !(expectInlineHandlerRefusals && m.contains("Executing inline event handler")))
            .toList();
    expectInlineHandlerRefusals = false;
    assertEquals(List.of(), problems);
  }

  @Test
  void typingShowsHighlightedQuotesAndPutsTheQueryInTheUrl() throws IOException {
    driver.get(base + "/");
    WebElement box = driver.findElement(By.id("q"));
    box.sendKeys("\"so unfair\"");
    WebElement card = waitFor(d -> firstCardWithMark(d, "so unfair"));
    assertEquals("so unfair", card.findElement(By.cssSelector(".quote-text mark")).getText());
    assertTrue(
        card.findElement(By.cssSelector(".quote-text"))
            .getText()
            .contains("The sentence was so unfair"));
    assertEquals("Kim Kardashian", card.findElement(By.cssSelector(".speaker")).getText());
    assertEquals(
        "Reality star asks for a pardon", card.findElement(By.cssSelector("a.open")).getText());
    assertTrue(card.findElement(By.cssSelector(".meta")).getText().contains("Metro US"));
    assertTrue(card.findElement(By.cssSelector(".meta")).getText().contains("Jun 6, 2018"));
    assertEquals(1, cards().size());
    assertTrue(driver.findElement(By.id("status")).getText().startsWith("1 quote"));
    assertTrue(driver.getCurrentUrl().endsWith("/?q=%22so+unfair%22"), driver.getCurrentUrl());
    // The attribution's evidence comes from the article on demand.
    WebElement evidence = card.findElement(By.cssSelector("details.evidence"));
    evidence.findElement(By.tagName("summary")).click();
    WebElement why =
        waitFor(
            d ->
                evidence
                        .findElement(By.cssSelector(".evidence-body"))
                        .getText()
                        .contains("Kim Kardashian")
                    ? evidence.findElement(By.cssSelector(".evidence-body"))
                    : null);
    assertTrue(why.getText().contains("said"), why.getText());
    screenshot("search-desktop");

    // The URL alone brings the same search back, as a shared link would.
    driver.get(driver.getCurrentUrl());
    waitFor(d -> firstCardWithMark(d, "so unfair"));
    assertEquals("\"so unfair\"", driver.findElement(By.id("q")).getDomProperty("value"));
  }

  @Test
  void aPronounAttributionShowsItsEvidence() throws IOException {
    driver.get(base + "/?q=%22productive+meeting%22");
    WebElement card = waitFor(d -> firstCardWithMark(d, "productive meeting"));
    assertEquals("Kim Kardashian", card.findElement(By.cssSelector(".speaker")).getText());
    WebElement evidence = card.findElement(By.cssSelector("details.evidence"));
    assertEquals("said", evidence.findElement(By.tagName("summary")).getText());
    evidence.findElement(By.tagName("summary")).click();
    WebElement why =
        waitFor(
            d ->
                visible(d, By.cssSelector("details.evidence[open] .mention")) == null
                    ? null
                    : evidence.findElement(By.cssSelector(".evidence-body")));
    assertEquals(
        "“she” → Kim Kardashian, named as “Kim Kardashian” at char 0 (cue “said”)"
            + " [cue-after/pronoun]",
        why.getText());
    screenshot("evidence-desktop");

    card.findElement(By.cssSelector("a.open")).click();
    WebElement current = waitFor(d -> visible(d, By.cssSelector("mark.quote.current")));
    assertEquals("“It was a productive meeting,”", current.getText());
    WebElement she = driver.findElement(By.cssSelector("#body .mention"));
    assertEquals("she", she.getText());
    assertEquals("Names the speaker: Kim Kardashian", she.getDomAttribute("title"));
  }

  @Test
  void aSlowAnswerNeverOverwritesANewerOne() throws InterruptedException {
    driver.get(base + "/");
    waitForIdle();
    // A slow network for one query only: its answer arrives a second after the newer one's. The
    // delayed request ignores the page's abort signal, so only the page's own ordering can drop it.
    js().executeScript(
            "const real = window.fetch;window.slowAnswers = 0;window.fetch = (url, options) =>"
                + " String(url).includes('harbour')  ? new Promise(r => setTimeout(r,"
                + " 1000)).then(() => { window.slowAnswers++; return real(url); })  : real(url,"
                + " options);");
    WebElement box = driver.findElement(By.id("q"));
    box.sendKeys("harbour");
    Thread.sleep(400); // past the debounce, so the slow request is really sent
    box.sendKeys(Keys.chord(Keys.CONTROL, "a"), "justice");
    WebElement card = waitFor(d -> firstCardWithMark(d, "Justice"));
    assertEquals("Alice Johnson", card.findElement(By.cssSelector(".speaker")).getText());
    waitFor(
        d ->
            ((Number) js().executeScript("return window.slowAnswers;")).intValue() > 0
                ? true
                : null);
    Thread.sleep(300); // let the stale answer reach the page's handler
    assertEquals(1, cards().size(), "still only the newer query's results");
    assertTrue(firstCardWithMark(driver, "Justice") != null);
    assertEquals("justice", driver.findElement(By.id("q")).getDomProperty("value"));
    assertTrue(driver.getCurrentUrl().endsWith("/?q=justice"), driver.getCurrentUrl());
  }

  @Test
  void openingAQuoteShowsItInItsArticleAndBackRestoresTheResults() throws IOException {
    driver.get(base + "/?q=justice");
    WebElement card = waitFor(d -> firstCardWithMark(d, "justice"));
    assertEquals(1, cards().size());
    card.findElement(By.cssSelector("a.open")).click();

    WebElement current = waitFor(d -> visible(d, By.cssSelector("mark.quote.current")));
    assertTrue(
        driver.getCurrentUrl().matches(".*/articles/politics/2018/pardon-granted#q=\\d+"),
        driver.getCurrentUrl());
    assertEquals("“Justice was served today,”", current.getText());
    assertEquals("President commutes life sentence", driver.findElement(By.id("title")).getText());
    assertEquals(current, driver.switchTo().activeElement());
    assertEquals(1, driver.findElements(By.cssSelector("mark.quote.current")).size());
    assertEquals(
        3, driver.findElements(By.cssSelector("#body p")).size(), "one paragraph per line of text");
    // Every quote of the article is marked, and listed with who said it.
    assertEquals(2, driver.findElements(By.cssSelector("#quotes li")).size());
    assertEquals(2, driver.findElements(By.cssSelector("mark.quote[id]")).size());
    assertTrue(driver.findElement(By.id("quotes")).getText().contains("Kim Kardashian"));
    assertTrue(driver.findElement(By.id("quotes")).getText().contains("Alice Johnson"));
    WebElement backLink = driver.findElement(By.id("back"));
    assertEquals("← Back to results", backLink.getText());
    assertEquals("/?q=justice", backLink.getDomAttribute("href"));
    screenshot("article-desktop");

    driver.navigate().back();
    waitFor(d -> firstCardWithMark(d, "justice"));
    assertTrue(driver.getCurrentUrl().endsWith("/?q=justice"), driver.getCurrentUrl());
    assertEquals("justice", driver.findElement(By.id("q")).getDomProperty("value"));
    assertEquals(1, cards().size());
  }

  @Test
  void aQuoteInSeveralArticlesIsOneCardListingItsSources() throws IOException {
    driver.get(base + "/?q=%22second+chance%22");
    WebElement card = waitFor(d -> firstCardWithMark(d, "second chance"));
    assertEquals(1, cards().size());
    WebElement sources = card.findElement(By.cssSelector("details.sources"));
    WebElement summary = sources.findElement(By.tagName("summary"));
    assertEquals("2 sources", summary.getText());
    summary.click();
    List<WebElement> links = sources.findElements(By.cssSelector("li > a"));
    assertEquals(
        List.of("Reality star asks for a pardon", "President commutes life sentence"),
        links.stream()
            .map(WebElement::getText)
            .sorted(java.util.Comparator.reverseOrder())
            .toList());
    screenshot("sources-desktop");
    WebElement other =
        links.stream().filter(a -> a.getText().startsWith("President")).findFirst().orElseThrow();
    assertTrue(
        other.getDomAttribute("href").matches("/articles/politics/2018/pardon-granted#q=\\d+"),
        other.getDomAttribute("href"));
    other.click();
    WebElement current = waitFor(d -> visible(d, By.cssSelector("mark.quote.current")));
    assertEquals("“She deserves a second chance,”", current.getText());
    assertEquals("President commutes life sentence", driver.findElement(By.id("title")).getText());
  }

  @Test
  void facetsFilterAndActiveFiltersAreRemovableChips() throws IOException {
    driver.get(base + "/");
    WebElement speaker =
        waitFor(
            d ->
                visible(
                    d,
                    By.cssSelector(
                        "#facets button[data-field='speaker'][data-value='Alice Johnson']")));
    assertTrue(speaker.getText().startsWith("Alice Johnson"), speaker.getText());
    assertTrue(speaker.getText().endsWith("1"), speaker.getText());
    // The start page lists no results, so it has no view toggle or sort; its filters do work.
    assertFalse(driver.findElement(By.id("toolbar")).isDisplayed());
    screenshot("facets-desktop");

    speaker.click();
    waitFor(d -> cards().size() == 1 ? true : null);
    assertTrue(driver.getCurrentUrl().endsWith("/?speaker=Alice+Johnson"), driver.getCurrentUrl());
    assertEquals("Alice Johnson", cards().get(0).findElement(By.cssSelector(".speaker")).getText());
    WebElement chip = driver.findElement(By.cssSelector("#chips button.chip"));
    assertEquals("Speaker:", chip.findElement(By.className("chip-field")).getText());
    assertEquals("Alice Johnson", chip.findElement(By.className("chip-value")).getText());
    assertEquals("Remove filter Speaker: Alice Johnson", chip.getDomAttribute("aria-label"));
    screenshot("filtered-desktop");
    assertEquals(
        "true",
        driver
            .findElement(
                By.cssSelector("#facets button[data-field='speaker'][data-value='Alice Johnson']"))
            .getDomAttribute("aria-pressed"));

    chip.click();
    // No query and no filter: the start page tells what is here instead of listing quotes.
    waitFor(d -> visible(d, By.id("overview")));
    assertTrue(cards().isEmpty());
    assertTrue(driver.findElements(By.cssSelector("#chips button.chip")).isEmpty());
    assertTrue(driver.getCurrentUrl().endsWith("/"), driver.getCurrentUrl());

    // Back brings the filter back; a month under its year filters by that month.
    driver.navigate().back();
    waitFor(d -> cards().size() == 1 ? true : null);
    assertEquals(1, driver.findElements(By.cssSelector("#chips button.chip")).size());
    driver.findElement(By.cssSelector("#chips button.chip")).click();
    waitForIdle();
    WebElement june =
        waitFor(
            d ->
                visible(
                    d, By.cssSelector("#facets button[data-field='date'][data-value='2018-06']")));
    june.click();
    waitFor(
        d -> driver.getCurrentUrl().contains("date=2018-06") && !cards().isEmpty() ? true : null);
    waitForIdle();
    for (WebElement c : cards()) {
      assertTrue(
          c.findElement(By.cssSelector(".date")).getDomAttribute("datetime").startsWith("2018-06"),
          c.getText());
    }
    assertTrue(driver.findElement(By.cssSelector("#chips")).getText().contains("June 2018"));
  }

  @Test
  void articlePassagesOpenTheArticleAtThatPlace() {
    driver.get(base + "/?q=margin&type=article");
    WebElement passage =
        waitFor(d -> visible(d, By.cssSelector("#results .hit-article a.passage-link")));
    String shown = passage.getText();
    assertTrue(shown.contains("margin"), shown);
    passage.click();
    waitFor(d -> visible(d, By.id("body")));
    String highlighted =
        (String)
            js().executeScript(
                    "const h = CSS.highlights.get('passage'); return h ? [...h][0].toString() :"
                        + " null;");
    assertEquals(shown.replace("…", "").strip(), highlighted.strip());
  }

  @Test
  void sortingByDateIsInTheUrlAndOrdersNewestFirst() {
    driver.get(base + "/?q=chance+OR+justice+OR+unfair");
    waitFor(d -> cards().size() >= 3 ? true : null);
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("sort")))
        .selectByValue("date");
    waitFor(d -> driver.getCurrentUrl().contains("sort=date") ? true : null);
    waitForIdle();
    List<String> dates =
        cards().stream()
            .map(c -> c.findElement(By.cssSelector(".date")).getDomAttribute("datetime"))
            .toList();
    assertEquals(dates.stream().sorted(java.util.Comparator.reverseOrder()).toList(), dates);
    assertEquals("2018-06-07", dates.get(0));
  }

  @Test
  void articleLinkWithQuoteParameterHighlightsThatQuote() {
    String id = "politics/2018/pardon-granted";
    int offset = offsetOfQuote(id, "Justice was served today,");
    driver.get(base + "/articles/" + id + "?quote=" + offset);
    WebElement current = waitFor(d -> visible(d, By.cssSelector("mark.quote.current")));
    assertEquals("“Justice was served today,”", current.getText());
    // Following another quote from the list moves the highlight.
    driver.findElement(By.cssSelector("#quotes li a")).click();
    waitFor(
        d ->
            d.findElement(By.cssSelector("mark.quote.current")).getText().contains("second chance")
                ? true
                : null);
    assertEquals(1, driver.findElements(By.cssSelector("mark.quote.current")).size());
  }

  @Test
  void anUnknownArticleSaysSoInsteadOfABlankPage() {
    driver.get(base + "/articles/gone/for%20good");
    WebElement error = waitFor(d -> visible(d, By.id("error")));
    assertEquals("There is no article “gone/for good” in the index.", error.getText());
    assertFalse(driver.findElement(By.id("article")).isDisplayed());
  }

  @Test
  void articlesViewShowsBestPassagesAndIsInTheUrl() {
    driver.get(base + "/?q=council");
    waitForIdle();
    driver.findElement(By.id("view-article")).click();
    WebElement card =
        waitFor(
            d ->
                d.findElements(By.cssSelector("#results .hit-article")).isEmpty()
                    ? null
                    : d.findElement(By.cssSelector("#results .hit-article")));
    assertEquals("true", driver.findElement(By.id("view-article")).getDomAttribute("aria-pressed"));
    assertTrue(driver.getCurrentUrl().contains("type=article"), driver.getCurrentUrl());
    assertEquals(
        "Council debates the harbour budget", card.findElement(By.cssSelector("a.open")).getText());
    List<WebElement> marks = card.findElements(By.cssSelector(".passage mark"));
    assertFalse(marks.isEmpty(), "passages carry highlights");
    assertEquals("council", marks.get(0).getText().toLowerCase());

    driver.navigate().back();
    waitFor(
        d ->
            "true".equals(d.findElement(By.id("view-quote")).getDomAttribute("aria-pressed"))
                ? true
                : null);
    waitForIdle();
    assertFalse(driver.getCurrentUrl().contains("type="), driver.getCurrentUrl());
    assertTrue(driver.findElements(By.cssSelector("#results .hit-article")).isEmpty());
  }

  @Test
  void loadMorePagesThroughAllResults() {
    driver.get(base + "/?q=%22harbour+fund%22");
    waitFor(d -> cards().size() == 20 ? true : null);
    WebElement more = driver.findElement(By.id("more"));
    assertTrue(more.isDisplayed());
    assertTrue(
        driver.findElement(By.id("status")).getText().startsWith("Showing 20 of 25 quotes"),
        driver.findElement(By.id("status")).getText());
    more.click();
    waitFor(d -> cards().size() == 25 ? true : null);
    assertFalse(driver.findElement(By.id("more")).isDisplayed());
    assertEquals(25, cards().stream().map(WebElement::getText).distinct().count(), "no card twice");
  }

  @Test
  void aQueryTheServerRefusesShowsItsMessageInlineAndThePageRecovers() throws IOException {
    // Forgiving mode mends most mistakes; a query past the length limit is still refused (400).
    driver.get(base + "/?q=" + "justice+".repeat(500) + "x");
    WebElement error = waitFor(d -> visible(d, By.id("error")));
    assertTrue(error.getText().startsWith("This query cannot be searched: "), error.getText());
    assertTrue(error.getText().contains("4001 characters"), error.getText());
    assertTrue(cards().isEmpty());
    screenshot("bad-query-desktop");
    WebElement box = driver.findElement(By.id("q"));
    box.sendKeys(Keys.chord(Keys.CONTROL, "a"), "justice");
    waitFor(d -> firstCardWithMark(d, "justice"));
    assertFalse(driver.findElement(By.id("error")).isDisplayed());
  }

  @Test
  void aMendedQueryShowsTheNoticeSayingHow() {
    driver.get(base + "/");
    driver.findElement(By.id("q")).sendKeys("\"so unfair");
    WebElement notice = waitFor(d -> visible(d, By.id("notice")));
    assertEquals("Unbalanced quote ignored; searched as words: so unfair", notice.getText());
    waitFor(d -> firstCardWithMark(d, "unfair"));
    driver.findElement(By.id("q")).sendKeys("\"");
    waitFor(d -> driver.findElement(By.id("notice")).isDisplayed() ? null : true);
  }

  @Test
  void noHitsOffersTheSuggestionAndFollowingItSearches() throws IOException {
    driver.get(base + "/");
    driver.findElement(By.id("q")).sendKeys("justise");
    WebElement suggestion = waitFor(d -> visible(d, By.id("suggestion")));
    assertEquals("justice", suggestion.getText());
    assertTrue(
        driver.findElement(By.id("did-you-mean")).getText().startsWith("Did you mean justice"));
    screenshot("suggestion-desktop");
    suggestion.click();
    waitFor(d -> firstCardWithMark(d, "justice"));
    assertEquals("justice", driver.findElement(By.id("q")).getDomProperty("value"));
    assertTrue(driver.getCurrentUrl().endsWith("/?q=justice"), driver.getCurrentUrl());
    assertFalse(driver.findElement(By.id("empty")).isDisplayed());
  }

  @Test
  void noResultsIsAnEmptyStateNotABrokenPage() {
    driver.get(base + "/?q=zeppelin");
    WebElement empty = waitFor(d -> visible(d, By.id("empty")));
    assertEquals("No quotes match “zeppelin”.", driver.findElement(By.id("empty-text")).getText());
    assertTrue(cards().isEmpty());
  }

  @Test
  void aSearchThatRanOutOfTimeSaysSoNotThatNothingMatches() throws Exception {
    try (Searcher noTime = Searcher.open(work.resolve("index"), Duration.ZERO);
        WebServer cut = new WebServer(noTime).start("127.0.0.1", 0)) {
      driver.get("http://127.0.0.1:" + cut.port() + "/?q=justice");
      waitFor(d -> visible(d, By.id("empty")));
      assertEquals(
          "The search ran out of time before it found anything. This does not mean nothing"
              + " matches: try again.",
          driver.findElement(By.id("empty-text")).getText());
    }
  }

  @Test
  void markupInTheCorpusAndInTheQueryStaysText() throws IOException {
    driver.get(base + "/");
    // Would set window.pwned if it ever became markup.
    String hostileQuery = "<img src=x onerror=window.pwned=1> just text";
    driver.findElement(By.id("q")).sendKeys(hostileQuery);
    settleAfterTyping();
    WebElement card =
        waitFor(
            d -> firstCardContaining(d, "<img src=x onerror=window.pwned=1> is just text here"));
    assertTrue(
        card.findElement(By.cssSelector(".quote-text"))
            .getText()
            .startsWith("<img src=x onerror=window.pwned=1> is just text here"),
        card.getText());
    List<String> marked =
        card.findElements(By.cssSelector(".quote-text mark")).stream()
            .map(WebElement::getText)
            .toList();
    assertTrue(marked.containsAll(List.of("just", "text")), marked + " in " + card.getText());
    assertEquals(
        "<script>document.title='pwned-title'</script> Hostile headline",
        card.findElement(By.cssSelector("a.open")).getText());
    assertNoInjectedElements();

    driver.findElement(By.id("view-article")).click();
    WebElement article =
        waitFor(
            d ->
                d.findElements(By.cssSelector("#results .hit-article")).isEmpty()
                    ? null
                    : d.findElement(By.cssSelector("#results .hit-article")));
    assertTrue(
        article.getText().contains("<script>document.title='pwned-body'</script>")
            || article.getText().contains("<img src=x"),
        article.getText());
    assertNoInjectedElements();

    article.findElement(By.cssSelector("a.open")).click();
    WebElement body = waitFor(d -> visible(d, By.id("body")));
    assertTrue(
        body.getText()
            .contains(
                "The editor wrote <script>document.title='pwned-body'</script> in the margin"),
        body.getText());
    assertTrue(body.getText().contains("<img src=x onerror=window.pwned=1> is just text here"));
    assertEquals(null, js().executeScript("return window.pwned;"));
    assertEquals(
        "<script>document.title='pwned-title'</script> Hostile headline",
        driver.findElement(By.id("title")).getText());
    assertTrue(driver.findElements(By.cssSelector("#main img, #main script")).isEmpty());
    assertTrue(driver.getTitle().endsWith("Hostile headline — Verbatim"), driver.getTitle());
  }

  @Test
  void highlightHtmlKeepsOnlyMarksEvenIfTheServerSlipped() throws InterruptedException {
    // Defence in depth: feed the page's own sanitizer markup the server would never send.
    expectInlineHandlerRefusals = true;
    driver.get(base + "/");
    waitForIdle();
    Object html =
        js().executeAsyncScript(
                "const done = arguments[arguments.length - 1];import('/common.js').then(m => { "
                    + " const box = document.createElement('div');  m.setMarked(box, '<img src=x"
                    + " onerror=window.pwned=1><mark class=\"x\""
                    + " onclick=\"window.pwned=2\">a<b>b</b></mark><script>window.pwned=3<\\/script><a"
                    + " href=\"javascript:window.pwned=4\">c</a>&lt;i&gt;'); "
                    + " document.body.append(box);  setTimeout(() => done(box.innerHTML), 300);"
                    + "});");
    assertEquals("<mark>ab</mark>window.pwned=3c&lt;i&gt;", html);
    assertEquals(null, js().executeScript("return window.pwned;"));
  }

  @Test
  void keyboardSlashArrowsAndEnter() {
    driver.get(base + "/");
    waitFor(d -> visible(d, By.id("overview")));
    js().executeScript("document.activeElement.blur();");
    new Actions(driver).sendKeys("/").perform();
    WebElement box = driver.findElement(By.id("q"));
    assertEquals(box, driver.switchTo().activeElement());
    box.sendKeys("chance OR justice");
    waitFor(d -> cards().size() >= 2 && firstCardWithMark(d, "justice") != null ? true : null);
    box.sendKeys(Keys.ARROW_DOWN);
    WebElement first = cards().get(0).findElement(By.cssSelector("a.open"));
    assertEquals(first, driver.switchTo().activeElement());
    new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
    WebElement second = cards().get(1).findElement(By.cssSelector("a.open"));
    assertEquals(second, driver.switchTo().activeElement());
    new Actions(driver).sendKeys(Keys.ARROW_UP).sendKeys(Keys.ARROW_UP).perform();
    assertEquals(box, driver.switchTo().activeElement());
    box.sendKeys(Keys.ARROW_DOWN);
    new Actions(driver).sendKeys(Keys.ENTER).perform();
    waitFor(d -> visible(d, By.cssSelector("mark.quote.current")));
    assertTrue(driver.getCurrentUrl().contains("/articles/politics/2018/"), driver.getCurrentUrl());
  }

  @Test
  void phoneWidthHasNoSidewaysScrolling() throws IOException {
    driver.manage().window().setSize(PHONE);
    driver.get(base + "/?q=%22second+chance%22");
    waitFor(d -> firstCardWithMark(d, "second chance"));
    assertFitsTheWidth();
    screenshot("search-phone");
    // Filters start folded on a narrow screen and open on demand.
    WebElement filters = driver.findElement(By.id("filters-panel"));
    assertEquals(null, filters.getDomAttribute("open"));
    filters.findElement(By.tagName("summary")).click();
    assertTrue(visible(driver, By.cssSelector("#facets button[data-field='speaker']")) != null);
    assertFitsTheWidth();
    screenshot("filters-phone");
    driver.findElement(By.id("help")).findElement(By.tagName("summary")).click();
    assertFitsTheWidth();
    screenshot("help-phone");
    cards().get(0).findElement(By.cssSelector("a.open")).click();
    waitFor(d -> visible(d, By.cssSelector("mark.quote.current")));
    assertFitsTheWidth();
    screenshot("article-phone");
  }

  @Test
  void everyRequestStaysOnOurServer() {
    driver.get(base + "/?q=chance");
    waitFor(d -> cards().isEmpty() ? null : true);
    @SuppressWarnings("unchecked")
    List<String> urls =
        (List<String>)
            js().executeScript(
                    "return performance.getEntriesByType('resource').map(e =>"
                        + " e.name).concat([location.href]);");
    assertTrue(urls.size() >= 4, urls.toString());
    for (String url : urls) {
      assertTrue(url.startsWith(base + "/"), url);
    }
  }

  // --- helpers ---

  private static List<WebElement> cards() {
    return driver.findElements(By.cssSelector("#results > li.hit"));
  }

  /** The first card with a highlight whose text equals {@code text} (any case), or null. */
  private static WebElement firstCardWithMark(WebDriver d, String text) {
    // In the page, so cards replaced by a newer answer mid-check cannot go stale.
    return (WebElement)
        ((JavascriptExecutor) d)
            .executeScript(
                "const want = arguments[0].toLowerCase();"
                    + "for (const card of document.querySelectorAll('#results > li.hit'))"
                    + "  for (const m of card.querySelectorAll('mark'))"
                    + "    if (m.textContent.toLowerCase() === want) return card;"
                    + "return null;",
                text);
  }

  /** The first card whose text contains {@code text}, or null. */
  private static WebElement firstCardContaining(WebDriver d, String text) {
    return (WebElement)
        ((JavascriptExecutor) d)
            .executeScript(
                "return [...document.querySelectorAll('#results > li.hit')]"
                    + ".find(card => card.textContent.includes(arguments[0])) || null;",
                text);
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

  /** Lets the debounce fire for the last keystroke, then waits for that search's answer. */
  private static void settleAfterTyping() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    waitForIdle();
  }

  /** Waits until the newest search has answered. */
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

  private static void assertNoInjectedElements() {
    assertEquals(null, js().executeScript("return window.pwned;"), "an injected handler ran");
    assertTrue(
        driver.findElements(By.cssSelector("#results img, #results script")).isEmpty(),
        "markup from the corpus became elements");
    for (WebElement mark : driver.findElements(By.cssSelector("#results mark"))) {
      assertTrue(mark.findElements(By.xpath("./*")).isEmpty(), "a mark holds only text");
    }
  }

  private static void assertFitsTheWidth() {
    Number overflow =
        (Number)
            js().executeScript(
                    "return document.documentElement.scrollWidth -"
                        + " document.documentElement.clientWidth;");
    assertEquals(0, overflow.intValue(), "page scrolls sideways by " + overflow + "px");
  }

  private static int offsetOfQuote(String articleId, String quoteText) {
    try {
      return searcher.article(articleId).orElseThrow().quotes().stream()
          .filter(q -> q.text().equals(quoteText))
          .findFirst()
          .orElseThrow()
          .offset();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void screenshot(String name) throws IOException {
    Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
