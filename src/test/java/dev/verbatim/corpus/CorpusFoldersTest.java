package dev.verbatim.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources, dates and addresses as the publisher meant them: headline suffixes taken as the source
 * only on evidence, the folder's {@code verbatim.json}, and the operator's {@code --source}. The
 * fixtures under {@code src/test/resources/headlines} are ours, written in the BBC corpus's style.
 */
class CorpusFoldersTest {
  @TempDir Path dir;

  private static Path headlines() throws Exception {
    return Path.of(CorpusFoldersTest.class.getResource("/headlines").toURI());
  }

  private static Map<String, Article> byId(CorpusReader reader) throws IOException {
    Map<String, Article> out = new TreeMap<>();
    for (Article a : reader.readAll()) {
      out.put(a.id(), a);
    }
    return out;
  }

  @Test
  void aSpeakerAfterADashStaysInTheHeadline() throws Exception {
    Map<String, Article> read = byId(new CorpusReader(headlines()));
    Article kennedy = read.get("politics/001");
    assertEquals("Taxes must be trusted - Kennedy", kennedy.title());
    assertNull(kennedy.source());
    for (String id : List.of("politics/002", "politics/003", "politics/004", "politics/005")) {
      assertNull(read.get(id).source(), id + ": " + read.get(id).title());
      assertTrue(read.get(id).title().matches(".* - \\p{Lu}\\w+"), read.get(id).title());
    }
    // The Latin-1 file still decodes its pound sign.
    assertTrue(read.get("politics/004").text().contains("£15.8m"), read.get("politics/004").text());
  }

  @Test
  void aSuffixMostOfAFoldersHeadlinesShareIsTheirSource() throws Exception {
    Map<String, Article> read = byId(new CorpusReader(headlines()));
    assertEquals("Tram line opens", read.get("site/a").title());
    assertEquals("Kestrel", read.get("site/a").source());
    assertEquals("Kestrel", read.get("site/c").source());
    assertNull(read.get("site/d").source(), "no suffix, no source");
  }

  @Test
  void aKnownOutletOrAnOutletShapedNameIsASourceOnItsOwn() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "Why is Kim calling? We explain – Metro US\n\nBody.");
    Files.writeString(dir.resolve("b.txt"), "Quay market reopens – Coastal Gazette\n\nBody.");
    Files.writeString(dir.resolve("c.txt"), "Storm ahead - Reuters\n\nBody.");
    Files.writeString(dir.resolve("d.txt"), "Wood - Ireland can win Grand Slam\n\nBody.");
    Map<String, Article> read = byId(new CorpusReader(dir));
    assertEquals("Metro US", read.get("a").source());
    assertEquals("Why is Kim calling? We explain", read.get("a").title());
    assertEquals("Coastal Gazette", read.get("b").source());
    assertEquals("Reuters", read.get("c").source());
    assertNull(read.get("d").source());
    assertEquals("Wood - Ireland can win Grand Slam", read.get("d").title());
  }

  @Test
  void aFolderDeclaresSourceDateAndAddressForItselfAndTheFoldersBelow() throws Exception {
    Path news = Files.createDirectories(dir.resolve("news"));
    Path sport = Files.createDirectories(news.resolve("sport"));
    Files.writeString(
        news.resolve(CorpusReader.METADATA_FILE),
        """
        {"source": "BBC News", "date": "2005-03-01",
         "url": "https://news.example/{path}?story={name}"}
        """);
    Files.writeString(sport.resolve(CorpusReader.METADATA_FILE), "{\"source\": \"BBC Sport\"}");
    Files.writeString(news.resolve("1.txt"), "Taxes must be trusted - Kennedy\n\nBody.");
    Files.writeString(news.resolve("2.txt"), "Budget agreed - BBC News\n\nBody.");
    Files.writeString(sport.resolve("3.txt"), "Wales stars need a rest - Ruddock\n\nBody.");
    Files.writeString(
        news.resolve("wire.jsonl"),
        "{\"id\": \"w1\", \"text\": \"Own source.\", \"source\": \"Wire\", \"date\":"
            + " \"2004-01-02\"}\n"
            + "{\"id\": \"w2\", \"text\": \"Folder's source.\"}\n");
    Map<String, Article> read = byId(new CorpusReader(dir));

    Article kennedy = read.get("news/1");
    assertEquals("Taxes must be trusted - Kennedy", kennedy.title());
    assertEquals("BBC News", kennedy.source());
    assertEquals(LocalDate.of(2005, 3, 1), kennedy.date());
    assertEquals("https://news.example/news/1.txt?story=1", kennedy.url());
    // The declared source is taken off a headline that names it.
    assertEquals("Budget agreed", read.get("news/2").title());
    assertEquals("BBC News", read.get("news/2").source());
    // The nearer folder's file wins for what it declares; the rest comes from above.
    Article ruddock = read.get("news/sport/3");
    assertEquals("BBC Sport", ruddock.source());
    assertEquals("Wales stars need a rest - Ruddock", ruddock.title());
    assertEquals(LocalDate.of(2005, 3, 1), ruddock.date());
    assertEquals("https://news.example/news/sport/3.txt?story=3", ruddock.url());
    // What an article says about itself wins over its folder.
    assertEquals("Wire", read.get("w1").source());
    assertEquals(LocalDate.of(2004, 1, 2), read.get("w1").date());
    assertEquals("BBC News", read.get("w2").source());
  }

  @Test
  void theOperatorsSourceFillsWhatNeitherTheArticleNorItsFolderSays() throws Exception {
    Path own = Files.createDirectories(dir.resolve("own"));
    Files.writeString(own.resolve(CorpusReader.METADATA_FILE), "{\"source\": \"Own Folder\"}");
    Files.writeString(own.resolve("1.txt"), "Pier closes\n\nBody.");
    Files.writeString(dir.resolve("2.txt"), "Choose hope over fear - Kennedy\n\nBody.");
    Map<String, Article> read = byId(new CorpusReader(dir).withSource("BBC News"));
    assertEquals("Own Folder", read.get("own/1").source());
    assertEquals("BBC News", read.get("2").source());
    assertEquals("Choose hope over fear - Kennedy", read.get("2").title());
  }

  @Test
  void aMetadataFileThatCannotBeUsedIsReportedAndTheArticlesStillRead() throws Exception {
    Files.writeString(dir.resolve(CorpusReader.METADATA_FILE), "{\"source\": \"X\", \"sorce\": 1");
    Files.writeString(dir.resolve("1.txt"), "Pier closes\n\nBody.");
    CorpusReader reader = new CorpusReader(dir);
    Article a = reader.readAll().get(0);
    assertNull(a.source());
    List<CorpusReader.Skip> problems = reader.metadataProblems();
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("verbatim.json", problems.get(0).where());
    assertTrue(problems.get(0).reason().startsWith("malformed JSON"), problems.toString());
  }

  /**
   * The real BBC corpus (2,225 stories, 2004-2005), when given with {@code -Dverbatim.bbc=DIR}; the
   * fixtures above stand in for it otherwise. No headline suffix there names a publication.
   */
  @Test
  void onTheBbcCorpusNoSpeakerBecomesASource() throws Exception {
    String given = System.getProperty("verbatim.bbc");
    Assumptions.assumeTrue(
        given != null && !given.isBlank(),
        "skipped: pass -Dverbatim.bbc=/path/to/bbc (the BBC News corpus folder) to run it");
    Path bbc = Path.of(given);
    Assumptions.assumeTrue(Files.isDirectory(bbc), "skipped: no folder at " + bbc);
    Set<String> sources = new TreeSet<>();
    int kennedy = 0;
    for (Article a : new CorpusReader(bbc).readAll()) {
      if (a.source() != null) {
        sources.add(a.source());
      }
      if (a.title().equals("Taxes must be trusted - Kennedy")) {
        kennedy++;
      }
    }
    assertEquals(Set.of(), sources);
    assertEquals(1, kennedy);
  }
}
