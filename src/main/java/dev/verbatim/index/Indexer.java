package dev.verbatim.index;

import dev.verbatim.corpus.Article;
import dev.verbatim.corpus.CorpusReader;
import dev.verbatim.corpus.lines.JsonLines;
import dev.verbatim.corpus.lines.LineBatch;
import dev.verbatim.index.schema.Schema;
import dev.verbatim.index.spi.IndexTarget;
import dev.verbatim.index.spi.Indexing;
import dev.verbatim.quotes.Quote;
import dev.verbatim.quotes.QuoteExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;

/**
 * Builds and updates a Verbatim index from a corpus folder. A run reads only new and changed files
 * (or all with {@link #rebuild}), removes the articles of deleted files, and commits once at the
 * end, so searchers keep seeing the previous commit until the new one is complete and a crash
 * mid-run leaves the previous index intact. Immutable and thread-safe, but one run at a time per
 * index folder, which Lucene's write lock enforces across processes.
 */
public final class Indexer {
  /** JSON Lines are handed to the workers in batches of this many lines. */
  private static final int BATCH_LINES = 256;

  private static final long PROGRESS_INTERVAL_MS = 250;

  static {
    // The cluster backend runs an indexer into its own target, from a package the module does not
    // export; this hands it the method it needs.
    Indexing.handOver(Indexer::into);
  }

  private final int threads;
  private final Progress progress;
  private final String source;
  private final Function<Article, List<Quote>> extraction;

  /** An indexer using one worker thread per available core. */
  public Indexer() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** An indexer using {@code threads} workers for parsing, extraction and analysis. */
  public Indexer(int threads) {
    this(threads, Progress.NONE, null, null);
  }

  private Indexer(
      int threads, Progress progress, String source, Function<Article, List<Quote>> extraction) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
    this.progress = java.util.Objects.requireNonNull(progress, "progress");
    this.source = source;
    this.extraction = extraction;
  }

  /** This indexer, reporting to {@code listener} while it runs. */
  public Indexer withProgress(Progress listener) {
    return new Indexer(threads, listener, source, extraction);
  }

  /**
   * This indexer, giving the source {@code name} to articles that name none and whose folders
   * declare none in a {@link CorpusReader#METADATA_FILE} (null: none). A run with another name than
   * the last one reads the files it applies to again.
   */
  public Indexer withSource(String name) {
    return new Indexer(threads, progress, name == null || name.isBlank() ? null : name, extraction);
  }

  /** For tests: this indexer finding quotes with {@code extract} instead of the extractor. */
  Indexer withExtraction(Function<Article, List<Quote>> extract) {
    return new Indexer(threads, progress, source, extract);
  }

  /**
   * Indexes every article under {@code corpus} into {@code index}, replacing what was there.
   *
   * @throws IOException when the corpus folder is missing, the index cannot be written, or another
   *     process is indexing into the same folder
   */
  public Summary rebuild(Path corpus, Path index) throws IOException {
    return run(corpus, index, true);
  }

  /**
   * Brings {@code index} up to date with {@code corpus}: reads only files that are new or whose
   * content changed since the last run, and removes the articles of files that are gone. Builds the
   * whole index when there is none yet.
   *
   * @throws IOException as {@link #rebuild}
   */
  public Summary update(Path corpus, Path index) throws IOException {
    return run(corpus, index, false);
  }

  /** As {@link Indexing#into}. */
  private Summary into(Path corpus, IndexTarget target) throws IOException {
    long start = System.nanoTime();
    CorpusReader reader = new CorpusReader(corpus).withSource(source);
    List<CorpusReader.Skip> unlisted = new ArrayList<>();
    List<Path> files = reader.files(unlisted::add);
    try (QuoteGrouper grouper = QuoteGrouper.over(target)) {
      Run run = new Run(reader, target, grouper);
      run.skipped.addAll(unlisted);
      run.announce(files);
      ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Indexer::daemon);
      try {
        ticker.scheduleAtFixedRate(
            run::report, PROGRESS_INTERVAL_MS, PROGRESS_INTERVAL_MS, TimeUnit.MILLISECONDS);
        run.index(files);
        // Stop the ticker before the last report, so the listener is never called concurrently.
        ticker.shutdown();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
        run.report();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("indexing interrupted", e);
      } finally {
        ticker.shutdownNow();
        progress.finished();
      }
      int deleted = run.deleteGone();
      run.skipped.addAll(reader.metadataProblems());
      target.finish();
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Summary(
          run.files.get(),
          run.unchanged,
          deleted,
          run.articles.get(),
          run.quotes.get(),
          run.bytes.get(),
          seconds,
          run.sortedSkips());
    }
  }

  private Summary run(Path corpus, Path index, boolean full) throws IOException {
    if (!Files.isDirectory(corpus) && !Files.isRegularFile(corpus)) {
      // Checked before the index folder is made: a mistyped corpus leaves no empty index behind.
      throw new IOException("corpus folder not found: " + corpus);
    }
    try (IndexTarget target = FolderTarget.open(index, full)) {
      return into(corpus, target);
    }
  }

  /** A unit of work for the pool: a whole file, a batch of JSON Lines, or the end of the run. */
  private sealed interface Work {
    record ReadFile(Path file, FileStates.State state) implements Work {}

    record Lines(Path file, LineBatch batch, FileStates.State state) implements Work {}

    record End() implements Work {}
  }

  /** One run's shared state: the queue, the workers and the counters they update. */
  private final class Run {
    private final CorpusReader reader;
    private final IndexTarget target;
    private final QuoteGrouper grouper;
    private int unchanged;
    // Files announced as changed whose content turned out the same: done, for the progress only.
    private final AtomicInteger sameContentFiles = new AtomicInteger();
    private final AtomicLong sameContentBytes = new AtomicLong();
    private final BlockingQueue<Work> queue = new ArrayBlockingQueue<>(threads * 4);
    private final QuoteExtractor extractor = new QuoteExtractor();
    private final List<CorpusReader.Skip> skipped = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger files = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong articles = new AtomicLong();
    private final AtomicLong quotes = new AtomicLong();
    // The first worker failure; later work is drained, not done, so the producer never blocks.
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Run(CorpusReader reader, IndexTarget target, QuoteGrouper grouper) {
      this.reader = reader;
      this.target = target;
      this.grouper = grouper;
    }

    private FileStates.State recorded(String relative) throws IOException {
      IndexTarget.Recorded r = target.recordedState(relative);
      return r == null ? null : FileStates.State.parse(r.state()).touchedAt(r.modified());
    }

    /** Tells the listener how much there is to read: files whose size or time changed. */
    void announce(List<Path> corpusFiles) throws IOException {
      int count = 0;
      long total = 0;
      for (Path file : corpusFiles) {
        FileStates.State before = recorded(reader.relative(file));
        try {
          long size = Files.size(file);
          long modified = Files.getLastModifiedTime(file).toMillis();
          if (before == null || !before.sameStamp(size, modified, reader.declaredFor(file))) {
            count++;
            total += size;
          }
        } catch (IOException unreadable) {
          count++;
        }
      }
      progress.started(count, total);
    }

    /**
     * What {@code file} is now when it must be read (new, its content changed, or what its folders
     * or the default source declare for it changed), else null. The articles it had are deleted
     * first; the workers add the new ones after this call.
     */
    FileStates.State changed(Path file) throws IOException {
      String relative = reader.relative(file);
      String declared = reader.declaredFor(file);
      FileStates.State before = recorded(relative);
      FileStates.State now;
      try {
        long size = Files.size(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        if (before != null && before.sameStamp(size, modified, declared)) {
          unchanged++;
          return null;
        }
        now = new FileStates.State(relative, size, modified, FileStates.sha256(file), declared);
        if (before != null
            && before.sha256().equals(now.sha256())
            && before.declared().equals(declared)) {
          // Touched, not changed: record the new time, so later runs need not read it again.
          target.touched(before.term(), modified);
          unchanged++;
          sameContentFiles.incrementAndGet();
          sameContentBytes.addAndGet(size);
          return null;
        }
      } catch (IOException unreadable) {
        // The reader reports it with its reason; an unreadable file's old articles are dropped.
        now = new FileStates.State(relative, 0, 0, "unreadable", declared);
      }
      if (before != null) {
        target.deleteFile(relative);
      }
      return now;
    }

    /**
     * Deletes the articles of recorded files that are no longer in the corpus; returns how many
     * files.
     */
    int deleteGone() throws IOException {
      int[] gone = {0};
      target.forEachRecordedPath(
          path -> {
            if (!Files.isRegularFile(reader.locate(path))) {
              target.deleteFile(path);
              gone[0]++;
            }
          });
      return gone[0];
    }

    List<CorpusReader.Skip> sortedSkips() {
      List<CorpusReader.Skip> sorted = new ArrayList<>(skipped);
      sorted.sort(java.util.Comparator.comparing(CorpusReader.Skip::where));
      return sorted;
    }

    void report() {
      progress.advanced(
          files.get() + sameContentFiles.get(),
          bytes.get() + sameContentBytes.get(),
          articles.get());
    }

    void index(List<Path> corpusFiles) throws IOException, InterruptedException {
      ExecutorService workers = Executors.newFixedThreadPool(threads, Indexer::daemon);
      try {
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          running.add(workers.submit(this::consume));
        }
        try {
          for (Path file : corpusFiles) {
            if (failure.get() != null) {
              break;
            }
            FileStates.State state = changed(file);
            if (state == null) {
              continue;
            }
            if (JsonLines.isStream(file)) {
              skipped.addAll(
                  JsonLines.readLines(
                      reader,
                      file,
                      BATCH_LINES,
                      batch -> queue.put(new Work.Lines(file, batch, state))));
              files.incrementAndGet();
            } else {
              queue.put(new Work.ReadFile(file, state));
            }
          }
        } finally {
          for (int i = 0; i < threads; i++) {
            queue.put(new Work.End());
          }
        }
        for (Future<?> f : running) {
          f.get();
        }
      } catch (java.util.concurrent.ExecutionException e) {
        failure.compareAndSet(null, e.getCause());
      } finally {
        workers.shutdownNow();
      }
      Throwable failed = failure.get();
      if (failed instanceof IOException io) {
        throw io;
      }
      if (failed != null) {
        throw new IOException("indexing failed: " + failed, failed);
      }
    }

    private Void consume() throws InterruptedException {
      Documents documents = new Documents();
      List<Document> block = new ArrayList<>();
      while (true) {
        Work work = queue.take();
        if (work instanceof Work.End) {
          if (failure.get() == null) {
            flushOwnBuffer();
          }
          return null;
        }
        if (failure.get() != null) {
          continue;
        }
        try {
          switch (work) {
            case Work.ReadFile f -> {
              String where = f.state().path();
              CorpusReader.Result result = safely(() -> reader.read(f.file()), where);
              add(result, f.state(), documents, block, where);
              files.incrementAndGet();
              bytes.addAndGet(f.state().size());
            }
            case Work.Lines l -> {
              // Line by line, so an article that cannot be indexed is reported as path:line.
              LineBatch batch = l.batch();
              for (int i = 0; i < batch.lines().size(); i++) {
                int line = batch.firstLine() + i;
                String where = batch.file() + ":" + line;
                LineBatch one = new LineBatch(batch.file(), line, List.of(batch.lines().get(i)), 0);
                CorpusReader.Result result =
                    safely(() -> JsonLines.read(reader, l.file(), one), where);
                add(result, l.state(), documents, block, where);
              }
              bytes.addAndGet(batch.bytes());
            }
            case Work.End e -> throw new AssertionError("handled above");
          }
        } catch (IOException | RuntimeException e) {
          failure.compareAndSet(null, e);
        }
      }
    }

    private void flushOwnBuffer() {
      try {
        target.workerDone();
      } catch (IOException | RuntimeException e) {
        failure.compareAndSet(null, e);
      }
    }

    private void add(
        CorpusReader.Result result,
        FileStates.State state,
        Documents documents,
        List<Document> block,
        String where)
        throws IOException {
      skipped.addAll(result.skipped());
      for (Article a : result.articles()) {
        try {
          addArticle(a, state, documents, block);
        } catch (RuntimeException | IOException e) {
          // A failure that broke the writer (disk full, ...) stops the run; one article's own
          // problem (the extractor or the analysis choking on it) skips that article only.
          if (target.broken()) {
            throw e;
          }
          skipped.add(new CorpusReader.Skip(where, "not indexed: " + describe(e)));
        }
      }
    }

    private void addArticle(
        Article a, FileStates.State state, Documents documents, List<Document> block)
        throws IOException {
      block.clear();
      Document article = documents.article(a);
      article.add(new StringField(Schema.FILE_STATE, state.term(), Field.Store.NO));
      article.add(new NumericDocValuesField(Schema.FILE_MODIFIED, state.modified()));
      block.add(article);
      List<Quote> found = extraction == null ? extractor.extract(a) : extraction.apply(a);
      for (Quote q : found) {
        if (q.kind() != Quote.Kind.NOT_A_QUOTE) {
          block.add(documents.quote(a, q, grouper.assign(q.text())));
        }
      }
      // An article and its quotes go in together, so a flush never splits them.
      target.add(block);
      articles.incrementAndGet();
      quotes.addAndGet(block.size() - 1);
    }

    /** What {@code read} gives, or a skip at {@code where} when reading it threw. */
    private static CorpusReader.Result safely(
        java.util.function.Supplier<CorpusReader.Result> read, String where) {
      try {
        return read.get();
      } catch (RuntimeException e) {
        return new CorpusReader.Result(
            List.of(), List.of(new CorpusReader.Skip(where, "not read: " + describe(e))));
      }
    }

    private static String describe(Exception e) {
      String message = e.getMessage();
      return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "verbatim-indexer");
    t.setDaemon(true);
    return t;
  }

  /**
   * The writer settings of a rebuild (analyzer, RAM buffer, merges, no compound files); a new
   * config per call. The benchmark's bare side sets the same ones itself (BareLuceneTest checks).
   */
  static IndexWriterConfig writerConfig() {
    IndexWriterConfig config = new IndexWriterConfig(Schema.analyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(ramBufferMb());
    config.setUseCompoundFile(false);
    TieredMergePolicy merges = new TieredMergePolicy();
    merges.setNoCFSRatio(0.0);
    config.setMergePolicy(merges);
    config.setCommitOnClose(false);
    return config;
  }

  /** A large buffer makes fewer, bigger segments; bounded by heap so -Xmx512m runs still fit. */
  private static double ramBufferMb() {
    long maxHeapMb = Runtime.getRuntime().maxMemory() >> 20;
    return Math.max(16, Math.min(256, maxHeapMb / 4));
  }

  /**
   * Receives the progress of an indexing run (for a progress bar or log lines). The indexer calls
   * it from one thread at a time, a few times a second, so implementations need not be thread-safe.
   */
  public interface Progress {
    /** Reports nothing. */
    Progress NONE =
        new Progress() {
          @Override
          public void started(int files, long bytes) {}

          @Override
          public void advanced(int files, long bytes, long articles) {}
        };

    /**
     * The run knows its work: {@code files} corpus files holding {@code bytes} bytes are new or
     * have a new size or time (files known to be unchanged are not counted; a file whose content
     * turns out the same counts as done when it has been checked).
     */
    void started(int files, long bytes);

    /**
     * So far {@code files} files and {@code bytes} bytes are read and {@code articles} articles
     * indexed.
     */
    void advanced(int files, long bytes, long articles);

    /** The run is over (committed or failed); called once, after the last {@link #advanced}. */
    default void finished() {}
  }

  /**
   * What one indexing run did. Immutable and thread-safe.
   *
   * @param files corpus files read (new or changed; all of them on a full rebuild)
   * @param unchanged corpus files left as they were because their content had not changed
   * @param deleted files whose articles were removed because the file is gone from the corpus
   * @param articles articles indexed
   * @param quotes quotes indexed (not-a-quote spans excluded)
   * @param bytes bytes of corpus files read
   * @param seconds wall-clock time of the run
   * @param skipped files or lines left out, with reasons
   */
  public record Summary(
      int files,
      int unchanged,
      int deleted,
      long articles,
      long quotes,
      long bytes,
      double seconds,
      List<CorpusReader.Skip> skipped) {

    public Summary {
      if (files < 0 || unchanged < 0 || deleted < 0 || articles < 0 || quotes < 0 || bytes < 0) {
        throw new IllegalArgumentException(
            "counts must be >= 0, got files="
                + files
                + " unchanged="
                + unchanged
                + " deleted="
                + deleted
                + " articles="
                + articles
                + " quotes="
                + quotes
                + " bytes="
                + bytes);
      }
      skipped = List.copyOf(skipped);
    }

    /** Throughput of the run in megabytes (10^6 bytes) per second. */
    public double megabytesPerSecond() {
      return seconds <= 0 ? 0 : bytes / 1e6 / seconds;
    }
  }
}
