package dev.verbatim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.corpus.CorpusReader;
import dev.verbatim.index.schema.Schema;
import dev.verbatim.search.CompleteAnswers;
import dev.verbatim.search.SearchRequest;
import dev.verbatim.search.SearchResult;
import dev.verbatim.search.Searcher;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexerTest {
  @TempDir Path tmp;

  @Test
  void incrementalUpdatesGiveTheSameIndexAsAFullRebuild() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    write(
        corpus,
        "a.txt",
        "Harbour crane arrives – Port Daily\n\nThe new crane arrived by barge, officials said.");
    write(corpus, "b.txt", "Library opens late\n\n“We want night owls,” said the librarian.");
    write(corpus, "c.md", "# Orchard harvest\n\nApples came early this year.");
    Files.createDirectories(corpus.resolve("wire"));
    write(
        corpus,
        "wire/feed.jsonl",
        """
        {"id": "w1", "title": "Rail strike", "text": "Drivers walked out at dawn.", "source": "Wire"}
        {"id": "w2", "title": "Rail talks", "text": "Talks resume on Monday, the union said."}
        {"id": "w3", "title": "Fares", "text": "Fares rise in spring."}
        """);
    Path incremental = tmp.resolve("incremental");
    Indexer.Summary first = new Indexer(2).update(corpus, incremental);
    assertEquals(4, first.files());
    assertEquals(6, first.articles());

    write(corpus, "e.txt", "Ferry timetable\n\nThe winter timetable starts on Sunday.");
    write(
        corpus, "b.txt", "Library opens late\n\n“We want readers after dark,” said the librarian.");
    Files.delete(corpus.resolve("c.md"));
    write(
        corpus,
        "wire/feed.jsonl",
        """
        {"id": "w1", "title": "Rail strike", "text": "Drivers walked out at dawn.", "source": "Wire"}
        {"id": "w3", "title": "Fares", "text": "Fares fall in spring after all."}
        """);
    // Touched but not changed: the content hash says it can stay.
    Files.setLastModifiedTime(
        corpus.resolve("a.txt"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));

    Indexer.Summary second = new Indexer(2).update(corpus, incremental);
    assertEquals(3, second.files(), "e.txt, b.txt and feed.jsonl are read again");
    assertEquals(1, second.unchanged(), "a.txt");
    assertEquals(1, second.deleted(), "c.md");
    assertEquals(4, second.articles());

    Path rebuilt = tmp.resolve("rebuilt");
    Indexer.Summary full = new Indexer(2).rebuild(corpus, rebuilt);
    assertEquals(4, full.files());
    assertEquals(0, full.unchanged());

    assertEquals(documents(rebuilt), documents(incremental));
    for (String q :
        new String[] {
          "crane",
          "librarian",
          "owls",
          "readers",
          "apples",
          "talks",
          "fares",
          "spring",
          "timetable",
          "\"after dark\""
        }) {
      assertEquals(hitIds(rebuilt, q), hitIds(incremental, q), q);
    }
    assertEquals(Set.of(), hitIds(incremental, "owls"));
    assertEquals(Set.of(), hitIds(incremental, "apples"));
    assertEquals(Set.of("w3"), hitIds(incremental, "fall"));

    Indexer.Summary third = new Indexer(2).update(corpus, incremental);
    assertEquals(0, third.files());
    assertEquals(4, third.unchanged());
  }

  @Test
  void aTouchedFileIsReadOnceAndThenTrustedUnchanged() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    write(corpus, "a.txt", "Harbour crane arrives\n\nThe new crane arrived by barge.");
    write(corpus, "b.txt", "Library opens late\n\n“We want night owls,” said the librarian.");
    Path index = tmp.resolve("index");
    List<Integer> announced = new ArrayList<>();
    Indexer.Progress counting =
        new Indexer.Progress() {
          @Override
          public void started(int files, long bytes) {
            announced.add(files);
          }

          @Override
          public void advanced(int files, long bytes, long articles) {}

          @Override
          public void finished() {}
        };
    Indexer indexer = new Indexer(1).withProgress(counting);
    indexer.update(corpus, index);
    // touch: a new modification time, the same bytes.
    Files.setLastModifiedTime(
        corpus.resolve("a.txt"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    Indexer.Summary second = indexer.update(corpus, index);
    Indexer.Summary third = indexer.update(corpus, index);
    Indexer.Summary fourth = indexer.update(corpus, index);
    // Files to read, as each run announced them: all, the touched one once, then none.
    assertEquals(List.of(2, 1, 0, 0), announced);
    for (Indexer.Summary run : List.of(second, third, fourth)) {
      assertEquals(List.of(0, 2, 0), List.of(run.files(), run.unchanged(), run.deleted()));
    }
    assertEquals(Set.of("a"), hitIds(index, "crane"));
    // A real change after the touch is still seen.
    write(corpus, "a.txt", "Harbour crane arrives\n\nThe new crane arrived by road.");
    Indexer.Summary changed = indexer.update(corpus, index);
    assertEquals(1, changed.files());
    assertEquals(Set.of("a"), hitIds(index, "road"));
  }

  @Test
  void anArticleThatMakesExtractionThrowIsSkippedAndTheRunCommitsTheRest() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    write(corpus, "good.txt", "Good news\n\nThe bakery reopened.");
    write(corpus, "poison.txt", "Poison\n\nThis article breaks the extractor.");
    write(
        corpus,
        "feed.jsonl",
        """
        {"id": "f1", "text": "The ferry sailed."}
        {"id": "f2", "text": "This line breaks the extractor too."}
        {"id": "f3", "text": "The ferry returned."}
        """);
    java.util.function.Function<dev.verbatim.corpus.Article, List<dev.verbatim.quotes.Quote>>
        failing =
            a -> {
              if (a.text().contains("breaks the extractor")) {
                throw new IllegalStateException("extractor choked on " + a.id());
              }
              return new dev.verbatim.quotes.QuoteExtractor().extract(a);
            };
    Path index = tmp.resolve("index");
    Indexer.Summary summary = new Indexer(2).withExtraction(failing).update(corpus, index);
    List<String> skips = summary.skipped().stream().map(s -> s.where() + " " + s.reason()).toList();
    assertEquals(
        List.of(
            "feed.jsonl:2 not indexed: IllegalStateException: extractor choked on f2",
            "poison.txt not indexed: IllegalStateException: extractor choked on poison"),
        skips);
    assertEquals(3, summary.articles());
    assertEquals(Set.of("f1", "f3"), hitIds(index, "ferry"));
    assertEquals(Set.of("good"), hitIds(index, "bakery"));
    assertEquals(Set.of(), hitIds(index, "extractor"));
  }

  @Test
  void aSingleFileCorpusIsUnchangedOnTheNextRun() throws Exception {
    Path feed = tmp.resolve("feed.jsonl");
    write(tmp, "feed.jsonl", "{\"id\": \"s1\", \"text\": \"Snow closed the pass.\"}\n");
    Path index = tmp.resolve("index");
    assertEquals(1, new Indexer(1).update(feed, index).articles());
    Indexer.Summary again = new Indexer(1).update(feed, index);
    assertEquals(List.of(0, 1, 0), List.of(again.files(), again.unchanged(), again.deleted()));
    assertEquals(Set.of("s1"), hitIds(index, "snow"));
  }

  @Test
  void aHeadlineWithoutABodyIsAnArticleAndFound() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    write(
        corpus,
        "abstracts.jsonl",
        "{\"id\": \"a1\", \"title\": \"Heat transfer in hypersonic flow\", \"text\": \"\"}\n"
            + "{\"id\": \"a2\", \"title\": \"Boundary layers on cones\"}\n"
            + "{\"id\": \"a3\", \"text\": \"   \"}\n");
    write(corpus, "flash.md", "# Hypersonic wind tunnel opens\n");
    write(corpus, "wire.html", "<html><head><title>Hypersonic record</title></head></html>");
    Indexer.Summary summary = new Indexer(1).rebuild(corpus, tmp.resolve("index"));
    assertEquals(4, summary.articles());
    assertEquals(
        List.of("abstracts.jsonl:3 empty article: no \"title\", \"text\" or \"body\""),
        summary.skipped().stream().map(s -> s.where() + " " + s.reason()).toList());
    assertEquals(Set.of("a1", "flash", "wire"), hitIds(tmp.resolve("index"), "hypersonic"));
    assertEquals(Set.of("a2"), hitIds(tmp.resolve("index"), "cones"));
    try (Searcher searcher = CompleteAnswers.open(tmp.resolve("index"))) {
      SearchResult.Hit hit = searcher.search(SearchRequest.of("cones")).hits().get(0);
      assertEquals("Boundary layers on <mark>cones</mark>", hit.titleHtml());
      assertEquals("", hit.text());
    }
  }

  @Test
  void badFilesAreSkippedWithReasonsAndTheRestIndexed() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    write(corpus, "good.txt", "Good news\n\nThe bakery reopened.");
    write(corpus, "empty.txt", "");
    write(corpus, "blank.md", "\n\n   \n");
    Files.write(corpus.resolve("broken.jsonl.gz"), "this is not gzip".getBytes());
    write(
        corpus,
        "feed.jsonl",
        "{\"id\": \"f1\", \"text\": \"Fine line.\"}\n{\"id\": \"f2\", \"text\": \n");
    try (RandomAccessFile huge = new RandomAccessFile(corpus.resolve("huge.html").toFile(), "rw")) {
      huge.setLength(33L << 20);
    }
    Indexer.Summary summary = new Indexer(2).update(corpus, tmp.resolve("index"));
    assertEquals(2, summary.articles());
    List<String> skips = summary.skipped().stream().map(s -> s.where() + " " + s.reason()).toList();
    assertEquals(5, skips.size(), skips.toString());
    assertEquals("blank.md empty article", skips.get(0));
    assertTrue(skips.get(1).startsWith("broken.jsonl.gz unreadable: ZipException"), skips.get(1));
    assertEquals("empty.txt empty article: the file is empty", skips.get(2));
    assertTrue(skips.get(3).startsWith("feed.jsonl:2 malformed JSON"), skips.get(3));
    assertTrue(
        skips.get(4).startsWith("huge.html file too large for one article: 34603008 bytes"),
        skips.get(4));
    assertEquals(Set.of("good"), hitIds(tmp.resolve("index"), "bakery"));
  }

  @Test
  void metadataFromEveryFormatIsStoredAndSearchable() throws Exception {
    Path corpus = Path.of(IndexerTest.class.getResource("/formats").toURI());
    Path index = tmp.resolve("index");
    Indexer.Summary summary = new Indexer(2).rebuild(corpus, index);
    assertEquals(List.<CorpusReader.Skip>of(), summary.skipped());
    assertEquals(5, summary.articles());
    assertEquals(Set.of("ferry"), hitIds(index, "source:\"Harbour Post\""));
    assertEquals(
        Set.of("lighthouse", "quay"), hitIds(index, "source:\"Coastal Gazette\" type:article"));
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Document ferry =
          reader
              .storedFields()
              .document(
                  searcher.search(new TermQuery(new Term(Schema.ID, "ferry")), 1).scoreDocs[0].doc);
      assertEquals("Mara Lindqvist", ferry.get(Schema.AUTHOR));
      assertEquals(
          "https://harbourpost.example/2024/03/night-ferry-returns", ferry.get(Schema.URL));
      assertEquals("2024-03-05", ferry.get(Schema.DATE));
      long day = LocalDate.of(2023, 11, 20).toEpochDay();
      assertEquals(1, searcher.count(LongPoint.newRangeQuery(Schema.DATE, day, day)));
      assertEquals(
          1,
          searcher.count(
              new TermQuery(new Term(Schema.URL, "https://coastal.example/lighthouse"))));
    }
    assertEquals(Set.of("council"), hitIds(index, "author:duarte"));
  }

  @Test
  void progressIsReportedUpToTheWholeRun() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    for (int i = 0; i < 20; i++) {
      write(corpus, "n" + i + ".txt", "Note " + i + "\n\nBody of note " + i + ".");
    }
    AtomicInteger started = new AtomicInteger(-1);
    List<long[]> updates = new ArrayList<>();
    AtomicInteger finished = new AtomicInteger();
    Indexer.Progress listener =
        new Indexer.Progress() {
          @Override
          public void started(int files, long bytes) {
            started.set(files);
          }

          @Override
          public void advanced(int files, long bytes, long articles) {
            updates.add(new long[] {files, bytes, articles});
          }

          @Override
          public void finished() {
            finished.incrementAndGet();
          }
        };
    Indexer.Summary summary =
        new Indexer(2).withProgress(listener).update(corpus, tmp.resolve("index"));
    assertEquals(20, started.get());
    long[] last = updates.get(updates.size() - 1);
    assertEquals(20, last[0]);
    assertEquals(summary.bytes(), last[1]);
    assertEquals(20, last[2]);
    assertEquals(1, finished.get());
  }

  /** Every live document as "type id file title text", sorted: equal sets mean equal indexes. */
  static List<String> documents(Path index) throws IOException {
    TreeSet<String> all = new TreeSet<>();
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
          if (live == null || live.get(d)) {
            Document doc = stored.document(d);
            all.add(
                String.join(
                    " | ",
                    doc.get(Schema.TYPE),
                    doc.get(Schema.ID),
                    doc.get(Schema.FILE),
                    String.valueOf(doc.get(Schema.TITLE)),
                    doc.get(Schema.TEXT),
                    String.valueOf(doc.get(Schema.SOURCE))));
          }
        }
      }
    }
    return new ArrayList<>(all);
  }

  static Set<String> hitIds(Path index, String query) throws IOException {
    try (Searcher searcher = CompleteAnswers.open(index)) {
      SearchResult result = searcher.search(SearchRequest.builder(query).withLimit(100).build());
      Set<String> ids = new TreeSet<>();
      result.hits().forEach(h -> ids.add(h.articleId()));
      return ids;
    }
  }

  private static void write(Path dir, String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content);
  }
}
