package dev.verbatim.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusReaderTest {
  @TempDir Path dir;

  @Test
  void txtTitleNamesTheSourceAndBodyOffsetsPointIntoTheFile() throws IOException {
    String content = "Mayor opens the bridge – Harbour Times\n\nThe mayor said “it is open.”\n";
    Path file = write("a.txt", content);
    CorpusReader.Result result = new CorpusReader(dir).read(file);
    Article a = result.articles().get(0);
    assertEquals("a", a.id());
    assertEquals("Mayor opens the bridge", a.title());
    assertEquals("Harbour Times", a.source());
    assertEquals("The mayor said “it is open.”", a.text());
    assertEquals(content.indexOf("The mayor"), a.textOffset());
    assertEquals("a.txt", a.file());
  }

  @Test
  void txtTitleWithoutSourceKeepsTheWholeLineAndAcceptsBarAndHyphen() throws IOException {
    assertEquals(
        "Mid-term results: a wrap", read("b.txt", "Mid-term results: a wrap\n\nBody.").title());
    assertNull(read("c.txt", "Mid-term results: a wrap\n\nBody.").source());
    assertEquals("Daily Planet", read("d.txt", "Storm ahead | Daily Planet\n\nBody.").source());
    assertEquals("Wire", read("e.txt", "Storm ahead - Wire\n\nBody.").source());
  }

  @Test
  void shownTextIsNeverNormalised() throws IOException {
    String body = "It\u2019s\u00a0“fine,” she said.";
    assertEquals(body, read("f.txt", "T\n\n" + body).text());
  }

  @Test
  void latin1FileIsDecodedWithoutMojibake() throws IOException {
    Path file = dir.resolve("latin.txt");
    Files.write(file, "Café owner\n\nThe café reopened.".getBytes(StandardCharsets.ISO_8859_1));
    Article a = new CorpusReader(dir).read(file).articles().get(0);
    assertEquals("Café owner", a.title());
    assertEquals("The café reopened.", a.text());
  }

  @Test
  void jsonlReadsEveryArticleAndReportsMalformedLinesByPathAndLine() throws IOException {
    Path file =
        write(
            "feed.jsonl",
            """
            {"id": "x1", "title": "One", "text": "First body.", "source": "Wire", "date": "2018-06-06T10:00:00Z", "author": "A. Writer", "url": "https://example.org/1"}
            {"id": "x2", "title": "Two", "body": "Second body."}
            {not json
            {"id": "x4", "title": "Headline only", "text": ""}
            {"id": "x5", "title": " ", "text": ""}
            """);
    CorpusReader.Result result = new CorpusReader(dir).read(file);
    assertEquals(List.of("x1", "x2", "x4"), result.articles().stream().map(Article::id).toList());
    Article first = result.articles().get(0);
    assertEquals(LocalDate.of(2018, 6, 6), first.date());
    assertEquals("Wire", first.source());
    assertEquals("A. Writer", first.author());
    assertEquals("https://example.org/1", first.url());
    assertEquals("Second body.", result.articles().get(1).text());
    assertEquals(2, result.skipped().size());
    assertEquals("feed.jsonl:3", result.skipped().get(0).where());
    assertTrue(result.skipped().get(0).reason().startsWith("malformed JSON"));
    assertEquals("feed.jsonl:5", result.skipped().get(1).where());
    assertEquals("", result.articles().get(2).text());
  }

  @Test
  void gzippedJsonlIsRead() throws IOException {
    Path file = dir.resolve("feed.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(
          "{\"id\": \"g1\", \"title\": \"Zipped\", \"text\": \"Body.\"}\n"
              .getBytes(StandardCharsets.UTF_8));
    }
    assertEquals("g1", new CorpusReader(dir).read(file).articles().get(0).id());
  }

  @Test
  void filesAreFoundRecursivelyAndUnsupportedOnesIgnored() throws IOException {
    write("top.txt", "T\n\nB");
    Files.createDirectories(dir.resolve("sub/deeper"));
    write("sub/deeper/low.txt", "T\n\nB");
    write("notes.docx", "ignored");
    Files.createDirectories(dir.resolve(".git"));
    write(".git/COMMIT_EDITMSG.txt", "hidden folders are not corpus");
    write(".draft.txt", "T\n\nhidden file");
    CorpusReader reader = new CorpusReader(dir);
    assertEquals(
        List.of("sub/deeper/low.txt", "top.txt"),
        reader.files().stream().map(reader::relative).toList());
    assertEquals(
        "sub/deeper/low", reader.read(dir.resolve("sub/deeper/low.txt")).articles().get(0).id());
  }

  @Test
  void emptyFileIsSkippedWithAReason() throws IOException {
    Path file = write("empty.txt", "  \n\n");
    CorpusReader.Result result = new CorpusReader(dir).read(file);
    assertTrue(result.articles().isEmpty());
    assertEquals("empty.txt", result.skipped().get(0).where());
    assertEquals("empty article", result.skipped().get(0).reason());
  }

  private Article read(String name, String content) throws IOException {
    return new CorpusReader(dir).read(write(name, content)).articles().get(0);
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }
}
