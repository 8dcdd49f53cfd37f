package dev.verbatim.corpus.lines;

import dev.verbatim.corpus.CorpusReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A JSON Lines file read the indexer's way: one thread streams raw lines in batches, and any thread
 * parses a batch into articles, so a file of any size is read in bounded memory and parsed in
 * parallel. Stateless and thread-safe. Not API: the module does not export this package; programs
 * call {@link CorpusReader#read(Path)}, which streams such a file the same way on one thread.
 */
public final class JsonLines {
  private static volatile Reading reading;

  private JsonLines() {}

  /**
   * The reader's side of this class, which needs its settings and folders: {@link CorpusReader}
   * hands it over once, when the class is initialised, which any call here that passes a reader
   * comes after.
   */
  public interface Reading {
    /** As {@link JsonLines#readLines}. */
    List<CorpusReader.Skip> readLines(CorpusReader reader, Path file, int batchLines, LineSink sink)
        throws InterruptedException;

    /** As {@link JsonLines#read}. */
    CorpusReader.Result read(CorpusReader reader, Path file, LineBatch batch);
  }

  /** For {@link CorpusReader} only; a second call fails. */
  public static synchronized void handOver(Reading r) {
    if (reading != null) {
      throw new IllegalStateException("the corpus reader's side is already handed over");
    }
    reading = Objects.requireNonNull(r, "reading");
  }

  /** True when {@code file} ({@code .jsonl}, {@code .jsonl.gz}) is read in batches of lines. */
  public static boolean isStream(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".jsonl") || name.endsWith(".jsonl.gz");
  }

  /**
   * Streams the JSON Lines file {@code file} of {@code reader}'s corpus to {@code sink} in batches
   * of at most {@code batchLines} raw lines; {@link #read} turns a batch into articles (on any
   * thread). A line longer than the reader's article limit is skipped without being held. A file
   * that breaks off (a truncated gzip, an I/O error) is reported as a skip naming the line it
   * stopped at; the batches before it have been delivered.
   *
   * @throws IllegalArgumentException when {@code batchLines < 1} or the file is not JSON Lines
   */
  public static List<CorpusReader.Skip> readLines(
      CorpusReader reader, Path file, int batchLines, LineSink sink) throws InterruptedException {
    return reading.readLines(reader, file, batchLines, sink);
  }

  /**
   * The articles in one batch read from {@code file} with {@link #readLines}, with what its folder
   * declares filled in; malformed lines come back as {@code path:line} skips.
   */
  public static CorpusReader.Result read(CorpusReader reader, Path file, LineBatch batch) {
    return reading.read(reader, file, batch);
  }
}
