package dev.verbatim.bench;

import dev.verbatim.corpus.Article;
import dev.verbatim.corpus.CorpusReader;
import dev.verbatim.index.IndexSummary;
import dev.verbatim.index.Indexer;
import dev.verbatim.index.Schema;
import dev.verbatim.quotes.QuoteExtractor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Indexing speed of {@link Indexer} against a bare Lucene loop over the same articles. Not
 * thread-safe.
 *
 * <p>The bare loop is what a plain Lucene program would do with the same text: the same reader,
 * the same analyzer, one document per article with id, title and body indexed with positions and
 * offsets and stored, reused {@link Document}s, the same threads, RAM buffer and merge settings,
 * one commit. What it leaves out is what Verbatim adds: quote extraction, quote documents, the
 * unstemmed twin fields, facets and the other fields of the schema.
 */
final class IndexBench {
  private static final FieldType TEXT = textType();

  private final int threads;
  private final int rounds;
  private final PrintWriter progress;

  IndexBench(int threads, int rounds, PrintWriter progress) {
    this.threads = threads;
    this.rounds = rounds;
    this.progress = progress;
  }

  private static FieldType textType() {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(true);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }

  /**
   * Indexes {@code corpus} alternately with Verbatim and bare Lucene, {@code rounds} times each,
   * and adds the median figures to {@code table}. Leaves Verbatim's last index in {@code index}.
   */
  void measure(String name, Path corpus, Path index, Path bareIndex, BenchTable table)
      throws IOException {
    Volume volume = volume(corpus);
    double[] verbatim = new double[rounds];
    double[] bare = new double[rounds];
    // A B B A ...: neither side always runs first, on a colder JIT and page cache.
    for (int r = 0; r < rounds; r++) {
      if (r % 2 == 0) {
        verbatim[r] = verbatim(name, r, corpus, index);
        bare[r] = bare(name, r, corpus, bareIndex);
      } else {
        bare[r] = bare(name, r, corpus, bareIndex);
        verbatim[r] = verbatim(name, r, corpus, index);
      }
    }
    double v = Samples.median(verbatim);
    double b = Samples.median(bare);
    table.rate("indexing", name, "docs/s", volume.articles / v, volume.articles / b);
    table.rate("indexing", name, "MB/s", volume.bytes / 1e6 / v, volume.bytes / 1e6 / b);
    double extract = extractionSeconds(corpus);
    table.value("indexing", name, "extraction s (1 thread)", extract);
    // The workers share the run's wall time; extraction's part of it is its CPU time over theirs.
    table.value("indexing", name, "extraction share", extract / (v * threads));
  }

  private double verbatim(String name, int round, Path corpus, Path index) throws IOException {
    IndexSummary summary = new Indexer(threads).rebuild(corpus, index);
    log("indexing %s round %d: Verbatim %.2f s (%d articles, %d quotes)",
        name, round + 1, summary.seconds(), summary.articles(), summary.quotes());
    return summary.seconds();
  }

  private double bare(String name, int round, Path corpus, Path index) throws IOException {
    double seconds = bareLoop(corpus, index);
    log("indexing %s round %d: bare Lucene %.2f s", name, round + 1, seconds);
    ScratchDirs.deleteTree(index);
    return seconds;
  }

  /** Articles and UTF-8 bytes of title and body: the text both sides index. */
  private record Volume(long articles, long bytes) {}

  private static Volume volume(Path corpus) throws IOException {
    CorpusReader reader = new CorpusReader(corpus);
    long articles = 0;
    long bytes = 0;
    for (Path f : reader.files()) {
      for (Article a : reader.read(f).articles()) {
        articles++;
        bytes += utf8Length(a.title()) + utf8Length(a.text());
      }
    }
    return new Volume(articles, bytes);
  }

  private static long utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Seconds {@link QuoteExtractor#extract} alone takes over every article, on one thread. */
  private static double extractionSeconds(Path corpus) throws IOException {
    CorpusReader reader = new CorpusReader(corpus);
    QuoteExtractor extractor = new QuoteExtractor();
    long nanos = 0;
    long quotes = 0;
    for (Path f : reader.files()) {
      List<Article> articles = reader.read(f).articles();
      long start = System.nanoTime();
      for (Article a : articles) {
        quotes += extractor.extract(a).size();
      }
      nanos += System.nanoTime() - start;
    }
    // Keeps the JIT from dropping the work whose result is otherwise unused.
    if (quotes < 0) {
      throw new IllegalStateException();
    }
    return nanos / 1e9;
  }

  /**
   * Seconds for the bare Lucene loop to index {@code corpus} into {@code index}. Each file is read
   * whole, as the indexer reads it, then the workers take articles from it in turn.
   */
  double bareLoop(Path corpus, Path index) throws IOException {
    long start = System.nanoTime();
    CorpusReader reader = new CorpusReader(corpus);
    // The indexer's own settings: same analyzer, RAM buffer, merges and file format.
    IndexWriterConfig config = Indexer.writerConfig();
    try (Directory dir = FSDirectory.open(index);
        IndexWriter writer = new IndexWriter(dir, config)) {
      for (Path f : reader.files()) {
        List<Article> articles = reader.read(f).articles();
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService workers = Executors.newFixedThreadPool(threads)) {
          List<Future<?>> running = new ArrayList<>();
          for (int i = 0; i < threads; i++) {
            running.add(workers.submit(() -> addAll(articles, next, writer)));
          }
          for (Future<?> done : running) {
            done.get();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("bare indexing interrupted", e);
        } catch (ExecutionException e) {
          throw new IOException("bare indexing failed: " + e.getCause(), e.getCause());
        }
      }
      writer.commit();
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** One worker: one reused document whose fields take each article's values in turn. */
  private static Void addAll(List<Article> articles, AtomicInteger next, IndexWriter writer)
      throws IOException {
    Field id = new StringField(Schema.ID, "", Field.Store.YES);
    Field title = new Field(Schema.TITLE, "", TEXT);
    Field text = new Field(Schema.TEXT, "", TEXT);
    Document doc = new Document();
    doc.add(id);
    doc.add(title);
    doc.add(text);
    for (int i = next.getAndIncrement(); i < articles.size(); i = next.getAndIncrement()) {
      Article a = articles.get(i);
      id.setStringValue(a.id());
      title.setStringValue(a.title());
      text.setStringValue(a.text());
      writer.addDocument(doc);
    }
    return null;
  }

  private void log(String format, Object... args) {
    progress.printf(Locale.ROOT, format + "%n", args);
    progress.flush();
  }
}
