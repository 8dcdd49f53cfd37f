package dev.verbatim.bench;

import dev.verbatim.corpus.Article;
import dev.verbatim.corpus.CorpusReader;
import dev.verbatim.index.Indexer;
import dev.verbatim.quotes.QuoteExtractor;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Indexing speed of {@link Indexer} against bare Lucene loops over the same articles. Not
 * thread-safe.
 *
 * <p>The bare loops are what a plain Lucene program would do with the same text: the same articles
 * (JSON Lines streamed in batches that the workers parse, {@link BareJsonLines}; other files
 * through the library's reader), analyzer, threads, RAM buffer and merge settings ({@link
 * BareLucene#writerConfig()}), one document per article from a reused {@link Document}, each worker
 * flushing its last buffer, one commit. The main baseline indexes the article's text fields exactly
 * as Verbatim's schema does (title and body, each stemmed and unstemmed, with positions and
 * offsets, stored once); a second, minimal one indexes title and body once. Neither extracts quotes
 * or adds quote documents, facets or metadata fields: that difference is what the ratio prices.
 */
final class IndexBench {
  // The indexer's batch size, so both sides hand the same amount of work to a worker at a time.
  private static final int BATCH_LINES = 256;
  private static final Supplier<List<Article>> NO_MORE = List::of;
  private static final ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();

  /** The sides of the comparison. */
  private enum Side {
    VERBATIM("Verbatim"),
    SAME_FIELDS("bare Lucene, same text fields"),
    MINIMAL("bare Lucene, title+body once");

    final String label;

    Side(String label) {
      this.label = label;
    }
  }

  private final int threads;
  private final int rounds;
  private final PrintWriter progress;

  IndexBench(int threads, int rounds, PrintWriter progress) {
    this.threads = threads;
    this.rounds = rounds;
    this.progress = progress;
  }

  /**
   * Indexes {@code corpus} with each side in turn, {@code rounds} times, and adds the median
   * figures to {@code table}. Leaves Verbatim's last index in {@code index}.
   */
  void measure(String name, Path corpus, Path index, Path bareIndex, BenchTable table)
      throws IOException {
    Volume volume = volume(corpus);
    Side[] sides = Side.values();
    double[][] seconds = new double[sides.length][rounds];
    double[][] cpuSeconds = new double[sides.length][rounds];
    double[][] jitSeconds = new double[sides.length][rounds];
    for (int r = 0; r < rounds; r++) {
      // Each round starts with another side, so none always runs on the coldest JIT and cache.
      for (int k = 0; k < sides.length; k++) {
        Side side = sides[(r + k) % sides.length];
        long cpu = CpuClock.nanos();
        long jit = CpuClock.jitMillis();
        seconds[side.ordinal()][r] =
            side == Side.VERBATIM
                ? verbatim(name, r, corpus, index)
                : bare(side, name, r, corpus, bareIndex, volume.articles);
        cpuSeconds[side.ordinal()][r] = (CpuClock.nanos() - cpu) / 1e9;
        // A JVM that does not time its compilers gets no figure rather than 0 s.
        jitSeconds[side.ordinal()][r] = jit < 0 ? Double.NaN : (CpuClock.jitMillis() - jit) / 1e3;
      }
    }
    double v = Samples.median(seconds[Side.VERBATIM.ordinal()]);
    double vCpu = Samples.median(cpuSeconds[Side.VERBATIM.ordinal()]);
    for (Side side : List.of(Side.SAME_FIELDS, Side.MINIMAL)) {
      double b = Samples.median(seconds[side.ordinal()]);
      double bCpu = Samples.median(cpuSeconds[side.ordinal()]);
      String row = side == Side.SAME_FIELDS ? name : name + " vs " + side.label;
      table.rate("indexing", row, "docs/s", volume.articles / v, volume.articles / b);
      table.rate("indexing", row, "MB/s", volume.bytes / 1e6 / v, volume.bytes / 1e6 / b);
      table.rate("indexing", row, "docs per CPU-s", volume.articles / vCpu, volume.articles / bCpu);
    }
    // On a small corpus the compilers can take a core through every round (Reuters: 2.5-3.0 s of
    // compiling in Verbatim's 2.7 s rounds, 0.1-0.3 s in the bare loop's), a cost of short runs
    // that the ratios above include; these rows say how much of it there was.
    table.value(
        "indexing",
        name,
        "JIT s per round, Verbatim",
        Samples.median(jitSeconds[Side.VERBATIM.ordinal()]));
    table.value(
        "indexing",
        name,
        "JIT s per round, bare same fields",
        Samples.median(jitSeconds[Side.SAME_FIELDS.ordinal()]));
    double extract = extractionSeconds(corpus);
    table.value("indexing", name, "extraction CPU s", extract);
    // Extraction runs on one thread here; its share is its CPU time over the whole run's.
    table.value("indexing", name, "extraction share", extract / vCpu);
  }

  private double verbatim(String name, int round, Path corpus, Path index) throws IOException {
    Indexer.Summary summary = new Indexer(threads).rebuild(corpus, index);
    log(
        "indexing %s round %d: Verbatim %.2f s (%d articles, %d quotes)",
        name, round + 1, summary.seconds(), summary.articles(), summary.quotes());
    return summary.seconds();
  }

  private double bare(Side side, String name, int round, Path corpus, Path index, long articles)
      throws IOException {
    double seconds = bareLoop(corpus, index, side == Side.SAME_FIELDS, articles);
    log("indexing %s round %d: %s %.2f s", name, round + 1, side.label, seconds);
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

  /** CPU seconds {@link QuoteExtractor#extract} alone takes over every article, on one thread. */
  private static double extractionSeconds(Path corpus) throws IOException {
    CorpusReader reader = new CorpusReader(corpus);
    QuoteExtractor extractor = new QuoteExtractor();
    long nanos = 0;
    long quotes = 0;
    for (Path f : reader.files()) {
      List<Article> articles = reader.read(f).articles();
      long start = THREAD_CPU.getCurrentThreadCpuTime();
      for (Article a : articles) {
        quotes += extractor.extract(a).size();
      }
      nanos += THREAD_CPU.getCurrentThreadCpuTime() - start;
    }
    // Keeps the JIT from dropping the work whose result is otherwise unused.
    if (quotes < 0) {
      throw new IllegalStateException();
    }
    return nanos / 1e9;
  }

  /**
   * Seconds for the bare Lucene loop to index {@code corpus} into {@code index}. JSON Lines files
   * stream in batches of raw lines that the workers parse ({@link BareJsonLines}), as the indexer
   * does; other files are read whole by the library's reader on this thread and handed over as one
   * batch. Fails unless it indexed {@code articles} articles, the number the library's reader
   * finds.
   */
  double bareLoop(Path corpus, Path index, boolean sameFields, long articles) throws IOException {
    long start = System.nanoTime();
    CorpusReader reader = new CorpusReader(corpus);
    // The indexer's own settings: same analyzer, RAM buffer, merges and file format.
    IndexWriterConfig config = BareLucene.writerConfig();
    try (Directory dir = FSDirectory.open(index);
        IndexWriter writer = new IndexWriter(dir, config);
        ExecutorService workers = Executors.newFixedThreadPool(threads)) {
      BlockingQueue<Supplier<List<Article>>> queue = new ArrayBlockingQueue<>(threads * 4);
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        running.add(workers.submit(() -> addAll(queue, writer, sameFields)));
      }
      try {
        try {
          for (Path f : reader.files()) {
            if (BareJsonLines.holds(f)) {
              BareJsonLines.read(
                  f, BATCH_LINES, batch -> queue.put(() -> BareJsonLines.parse(batch)));
            } else {
              List<Article> whole = reader.read(f).articles();
              queue.put(() -> whole);
            }
          }
        } finally {
          for (int i = 0; i < threads; i++) {
            queue.put(NO_MORE);
          }
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
      writer.commit();
      if (writer.getDocStats().numDocs != articles) {
        throw new IOException(
            "the bare loop indexed "
                + writer.getDocStats().numDocs
                + " articles of "
                + corpus
                + ", the library's reader finds "
                + articles);
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** One worker: one reused document whose fields take each article's values in turn. */
  private static Void addAll(
      BlockingQueue<Supplier<List<Article>>> queue, IndexWriter writer, boolean sameFields)
      throws IOException, InterruptedException {
    Field id = new StringField(BareLucene.ID, "", Field.Store.YES);
    Field title = new Field(BareLucene.TITLE, "", BareLucene.TEXT_STORED);
    Field text = new Field(BareLucene.TEXT, "", BareLucene.TEXT_STORED);
    Field titleExact = new Field(BareLucene.TITLE_EXACT, "", BareLucene.TEXT_UNSTORED);
    Field textExact = new Field(BareLucene.TEXT_EXACT, "", BareLucene.TEXT_UNSTORED);
    Document doc = new Document();
    doc.add(id);
    doc.add(title);
    doc.add(text);
    if (sameFields) {
      doc.add(titleExact);
      doc.add(textExact);
    }
    for (Supplier<List<Article>> batch = queue.take(); batch != NO_MORE; batch = queue.take()) {
      for (Article a : batch.get()) {
        id.setStringValue(a.id());
        title.setStringValue(a.title());
        text.setStringValue(a.text());
        titleExact.setStringValue(a.title());
        textExact.setStringValue(a.text());
        writer.addDocument(doc);
      }
    }
    // As the indexer does: the last buffered segments are written by the workers, in parallel,
    // rather than all by the committing thread.
    writer.flushNextBuffer();
    return null;
  }

  private void log(String format, Object... args) {
    progress.printf(Locale.ROOT, format + "%n", args);
    progress.flush();
  }
}
