package dev.verbatim.index;

import dev.verbatim.corpus.Article;
import dev.verbatim.corpus.CorpusReader;
import dev.verbatim.corpus.ReadResult;
import dev.verbatim.quotes.Quote;
import dev.verbatim.quotes.QuoteExtractor;
import dev.verbatim.quotes.QuoteKind;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Builds a Verbatim index from a corpus folder. Each run rebuilds the index and commits once at
 * the end, so searchers keep seeing the previous commit until the new one is complete, and a crash
 * mid-run leaves the previous index intact. Not thread-safe: one run at a time per index, which
 * Lucene's write lock enforces across processes.
 */
public final class Indexer {
  private static final Article END = Article.of("\u0000end", "", "");

  private final QuoteExtractor extractor = new QuoteExtractor();
  private final int threads;

  /** An indexer using one worker thread per available core. */
  public Indexer() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** An indexer using {@code threads} workers for parsing, extraction and analysis. */
  public Indexer(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
  }

  /**
   * Indexes every article under {@code corpus} into {@code index}, replacing what was there.
   *
   * @throws IOException when the corpus folder is missing, the index cannot be written, or
   *     another process is indexing into the same folder
   */
  public IndexSummary rebuild(Path corpus, Path index) throws IOException {
    long start = System.nanoTime();
    CorpusReader reader = new CorpusReader(corpus);
    List<Path> files = reader.files();
    Files.createDirectories(index);
    List<ReadResult.Skip> skipped = Collections.synchronizedList(new ArrayList<>());
    AtomicLong articles = new AtomicLong();
    AtomicLong quotes = new AtomicLong();
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
    }
    try (Directory dir = FSDirectory.open(index);
        IndexWriter writer = openWriter(dir, index)) {
      BlockingQueue<Article> queue = new ArrayBlockingQueue<>(threads * 64);
      ExecutorService workers = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          running.add(workers.submit(() -> consume(queue, writer, articles, quotes)));
        }
        try {
          for (Path f : files) {
            ReadResult result = reader.read(f);
            skipped.addAll(result.skipped());
            for (Article a : result.articles()) {
              queue.put(a);
            }
          }
        } finally {
          for (int i = 0; i < threads; i++) {
            queue.put(END);
          }
        }
        for (Future<?> f : running) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("indexing interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UncheckedIOException u) {
          throw u.getCause();
        }
        throw new IOException("indexing failed: " + cause, cause);
      } finally {
        workers.shutdownNow();
      }
      writer.commit();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new IndexSummary(files.size(), articles.get(), quotes.get(), bytes, seconds, skipped);
  }

  private Void consume(
      BlockingQueue<Article> queue, IndexWriter writer, AtomicLong articles, AtomicLong quotes)
      throws InterruptedException {
    Documents documents = new Documents();
    List<Document> block = new ArrayList<>();
    while (true) {
      Article a = queue.take();
      if (a == END) {
        flushOwnBuffer(writer);
        return null;
      }
      try {
        block.clear();
        block.add(documents.article(a));
        for (Quote q : extractor.extract(a)) {
          if (q.kind() != QuoteKind.NOT_A_QUOTE) {
            block.add(documents.quote(a, q));
          }
        }
        writer.addDocuments(block);
        articles.incrementAndGet();
        quotes.addAndGet(block.size() - 1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Each worker flushes one buffered segment as it finishes, so the last segments are written in
   * parallel; left to the commit, they would all be written by the one committing thread (about
   * 40% of a Reuters-sized run, measured with JFR).
   */
  private static void flushOwnBuffer(IndexWriter writer) {
    try {
      writer.flushNextBuffer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The writer settings of a rebuild (analyzer, RAM buffer, merges, no compound files), so a
   * benchmark's baseline can index with exactly the same ones. A new config per call.
   */
  public static IndexWriterConfig writerConfig() {
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

  private static IndexWriter openWriter(Directory dir, Path index) throws IOException {
    IndexWriterConfig config = writerConfig();
    try {
      return new IndexWriter(dir, config);
    } catch (LockObtainFailedException e) {
      throw new IOException(
          "another indexing run is using " + index + " (its write.lock is held); wait for it to finish",
          e);
    }
  }

  /** A large buffer makes fewer, bigger segments; bounded by heap so -Xmx512m runs still fit. */
  private static double ramBufferMb() {
    long maxHeapMb = Runtime.getRuntime().maxMemory() >> 20;
    return Math.max(16, Math.min(256, maxHeapMb / 4));
  }
}
