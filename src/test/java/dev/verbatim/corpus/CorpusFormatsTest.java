package dev.verbatim.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.corpus.lines.LineBatch;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .html, .md and .txt readers against fixture pages, decoding, and streamed JSON Lines. */
class CorpusFormatsTest {
  @TempDir Path dir;

  private static Path fixtures() throws URISyntaxException {
    return Path.of(CorpusFormatsTest.class.getResource("/formats").toURI());
  }

  private static Article fixture(String name) throws URISyntaxException {
    Path root = fixtures();
    CorpusReader.Result result = new CorpusReader(root).read(root.resolve(name));
    assertEquals(List.of(), result.skipped(), name);
    return result.articles().get(0);
  }

  @Test
  void htmlBodyLeavesOutThePageAroundTheStory() throws Exception {
    Article a = fixture("ferry.html");
    assertEquals(
        "The overnight ferry to the islands sailed again on Tuesday after crews accepted a new"
            + " rota.\n\n"
            + "“We are relieved to be back at sea,” said the union’s branch secretary, Ola"
            + " Berg.\n\n"
            + "Passengers queued from five in the morning.\n"
            + "Some had waited since Friday.",
        a.text());
    assertEquals(0, a.textOffset());
    assertEquals("ferry.html", a.file());
    assertEquals("ferry", a.id());
  }

  @Test
  void htmlMetadataComesFromMetaTags() throws Exception {
    Article a = fixture("ferry.html");
    assertEquals("Night ferry returns after a week-long strike", a.title());
    assertEquals("Harbour Post", a.source());
    assertEquals("Mara Lindqvist", a.author());
    assertEquals(LocalDate.of(2024, 3, 5), a.date());
    assertEquals("https://harbourpost.example/2024/03/night-ferry-returns", a.url());
  }

  @Test
  void htmlMetadataFallsBackToJsonLdNewsArticle() throws Exception {
    Article a = fixture("council.html");
    assertEquals("Council backs new cycle lanes", a.title());
    assertEquals("Valley News", a.source());
    assertEquals("Ines Duarte, Tom Reyes", a.author());
    assertEquals(LocalDate.of(2023, 11, 20), a.date());
    assertEquals("https://valleynews.example/cycle-lanes", a.url());
    assertEquals(
        "The council voted nine to two for the cycle lanes.\n\nWork starts in spring.", a.text());
  }

  @Test
  void htmlDeclaredCharsetIsHonoured() throws Exception {
    Article a = fixture("cyrillic.html");
    assertEquals("Новости", a.title());
    assertEquals("Мэр открыл мост.", a.text());
  }

  @Test
  void markdownTitleFrontMatterAndSyntaxBlankedAtTheSameOffsets() throws Exception {
    Article a = fixture("lighthouse.md");
    assertEquals("Lighthouse keeper retires after forty years", a.title());
    assertEquals("Priya Nair", a.author());
    assertEquals("Coastal Gazette", a.source());
    assertEquals(LocalDate.of(2022, 8, 14), a.date());
    assertEquals("https://coastal.example/lighthouse", a.url());
    assertTrue(a.text().startsWith("The last keeper of the  Point Reyes light"), a.text());
    for (String gone :
        new String[] {"https", "lighthouses.example", "lamp-room", "trust.example", "##", ">"}) {
      assertFalse(a.text().contains(gone), gone + " in " + a.text());
    }
    assertTrue(a.text().contains("What happens next"), a.text());
    assertTrue(a.text().contains("“I will miss the storms most of all,” she said."), a.text());
    assertKeptTextAtFileOffsets(fixtures().resolve("lighthouse.md"), a);
  }

  @Test
  void txtPhotoCreditsCaptionsTagsAndCommentsAreBlankedWithoutMovingText() throws Exception {
    Article a = fixture("quay.txt");
    assertEquals("Coastal Gazette", a.source());
    for (String gone : new String[] {"Getty", "market stalls at dawn", "Tags:", "Comments"}) {
      assertFalse(a.text().contains(gone), gone + " in " + a.text());
    }
    assertTrue(a.text().endsWith("said Ana Costa, who sells bread."), a.text());
    assertKeptTextAtFileOffsets(fixtures().resolve("quay.txt"), a);
  }

  @Test
  void seedArticleLosesItsCreditAndCommentsButNotItsQuotes() throws Exception {
    Path corpus = Path.of("corpus");
    Path seed;
    try (var files = Files.list(corpus)) {
      seed =
          files
              .filter(p -> p.getFileName().toString().startsWith("004_"))
              .findFirst()
              .orElseThrow();
    }
    Article a = new CorpusReader(corpus).read(seed).articles().get(0);
    assertFalse(a.text().contains("Getty Images"));
    assertFalse(a.text().contains("kim kardashian"));
    assertFalse(a.text().endsWith("Comments"));
    assertTrue(a.text().contains("“This is so unfair,” she noted"));
    assertKeptTextAtFileOffsets(seed, a);
  }

  @Test
  void decodingTellsLatin1FromDamagedUtf8AndUsesWindows1252Quotes() {
    byte[] latin1 = "fee for Mutu, a £15.8m signing".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals("fee for Mutu, a £15.8m signing", TextDecoding.decode(latin1));
    byte[] smartQuotes = {(byte) 0x93, 'H', 'i', (byte) 0x94};
    assertEquals("“Hi”", TextDecoding.decode(smartQuotes));
    byte[] utf8 = "Café, naïve, “quoted” – fine".getBytes(StandardCharsets.UTF_8);
    byte[] damaged = new byte[utf8.length + 1];
    System.arraycopy(utf8, 0, damaged, 0, utf8.length);
    damaged[utf8.length] = (byte) 0xFF;
    assertEquals("Café, naïve, “quoted” – fine\uFFFD", TextDecoding.decode(damaged));
    assertEquals(
        "Новости", TextDecoding.decode("Новости".getBytes(Charset.forName("KOI8-R")), "KOI8-R"));
    assertEquals(
        "Café", TextDecoding.decode("Café".getBytes(StandardCharsets.UTF_8), "iso-8859-1"));
  }

  /** The real BBC corpus when given with {@code -Dverbatim.bbc=DIR}; CorpusFoldersTest has ours. */
  @Test
  void bbcLatin1ArticleDecodesItsPoundSign() throws IOException {
    String given = System.getProperty("verbatim.bbc");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        given != null && Files.isDirectory(Path.of(given)),
        "skipped: pass -Dverbatim.bbc=/path/to/bbc (the BBC News corpus folder) to run it");
    Path bbc = Path.of(given);
    Article a = new CorpusReader(bbc).read(bbc.resolve("sport/199.txt")).articles().get(0);
    assertTrue(a.text().contains("£15.8m"), a.text());
  }

  @Test
  void hugeSingleArticleFileIsSkippedWithItsSize() throws IOException {
    Path big = dir.resolve("big.txt");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(2048);
    }
    CorpusReader.Result result = new CorpusReader(dir, 1024).read(big);
    assertTrue(result.articles().isEmpty());
    assertEquals(
        "file too large for one article: 2048 bytes (limit 1024)",
        result.skipped().get(0).reason());
  }

  @Test
  void jsonLinesStreamInBatchesWithLineNumbersAndByteCounts() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 7; i++) {
      lines
          .append(i == 5 ? "{broken" : "{\"id\": \"n" + i + "\", \"text\": \"Body " + i + ".\"}")
          .append('\n');
    }
    Path file = dir.resolve("feed.jsonl");
    Files.writeString(file, lines);
    CorpusReader reader = new CorpusReader(dir);
    List<LineBatch> batches = new ArrayList<>();
    assertEquals(List.of(), reader.readLines(file, 3, batches::add));
    assertEquals(List.of(1, 4, 7), batches.stream().map(LineBatch::firstLine).toList());
    assertEquals(Files.size(file), batches.stream().mapToLong(LineBatch::bytes).sum());
    CorpusReader.Result second = CorpusReader.parse(batches.get(1));
    assertEquals(List.of("n4", "n6"), second.articles().stream().map(Article::id).toList());
    assertEquals("feed.jsonl:5", second.skipped().get(0).where());
  }

  @Test
  void overlongJsonLineIsSkippedWithoutHoldingIt() throws Exception {
    Path file = dir.resolve("long.jsonl");
    Files.writeString(
        file,
        "{\"id\": \"a\", \"text\": \"Short.\"}\r\n{\"id\": \"b\", \"text\": \""
            + "x".repeat(5000)
            + "\"}\n{\"id\": \"c\", \"text\": \"Also short.\"}");
    List<LineBatch> batches = new ArrayList<>();
    List<CorpusReader.Skip> skips = new CorpusReader(dir, 1000).readLines(file, 10, batches::add);
    assertEquals(
        List.of(
            new CorpusReader.Skip(
                "long.jsonl:2", "line too long for one article: more than 1000 chars")),
        skips);
    CorpusReader.Result read = CorpusReader.parse(batches.get(0));
    assertEquals(List.of("a", "c"), read.articles().stream().map(Article::id).toList());
    assertEquals(List.of(), read.skipped());
  }

  @Test
  void truncatedGzipIsReportedAtTheLineWhereItBrokeOff() throws Exception {
    Path full = dir.resolve("full.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(full))) {
      for (int i = 0; i < 20_000; i++) {
        out.write(
            ("{\"id\": \"z" + i + "\", \"text\": \"Body number " + i + " of the zipped feed.\"}\n")
                .getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] bytes = Files.readAllBytes(full);
    Path cut = dir.resolve("cut.jsonl.gz");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    List<LineBatch> batches = new ArrayList<>();
    List<CorpusReader.Skip> skips = new CorpusReader(dir).readLines(cut, 100, batches::add);
    assertEquals(1, skips.size());
    assertTrue(skips.get(0).where().startsWith("cut.jsonl.gz:"), skips.get(0).where());
    assertTrue(skips.get(0).reason().startsWith("unreadable: EOFException"), skips.get(0).reason());
    assertFalse(batches.isEmpty());
  }

  /** Every character the reader kept is the file's character at {@code textOffset + i}. */
  private static void assertKeptTextAtFileOffsets(Path file, Article a) throws IOException {
    String content = TextDecoding.decode(Files.readAllBytes(file));
    String text = a.text();
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        assertEquals(
            content.charAt(a.textOffset() + i), text.charAt(i), "char " + i + " of " + a.file());
      }
    }
  }
}
