package dev.verbatim.web;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's headless Chromium for the page tests. Missing, it fails the tests with what to install,
 * so a run never passes 0 browser tests silently; {@code -Dverbatim.browser=skip} skips them on
 * purpose (reported as skipped, with the reason).
 */
final class Browser {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private Browser() {}

  /** A new headless Chromium window of {@code width} x {@code height}, profile in {@code work}. */
  static ChromeDriver start(Path work, int width, int height) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String missing =
          "the browser tests need Debian's chromium and chromium-driver at "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " (apt-get install chromium chromium-driver; .ci/run does)";
      assumeTrue(!"skip".equals(System.getProperty("verbatim.browser")), "skipped: " + missing);
      fail(missing + "; or pass -Dverbatim.browser=skip to skip them knowingly");
    }
    // Both paths given explicitly, so Selenium Manager has nothing to look up or download.
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + work.resolve("chromium-profile"),
        "--window-size=" + width + "," + height);
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    return new ChromeDriver(service, options);
  }
}
