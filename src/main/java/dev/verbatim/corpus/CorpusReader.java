package dev.verbatim.corpus;

import dev.verbatim.corpus.lines.JsonLines;
import dev.verbatim.corpus.lines.LineBatch;
import dev.verbatim.corpus.lines.LineSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Finds the article files under a corpus folder and reads each into {@link Article}s. Stateless and
 * thread-safe: files may be read concurrently.
 *
 * <p>Supported: {@code .txt} (first line title, rest body), {@code .md} (title from the first
 * heading), {@code .html}/{@code .htm} (body and metadata of a saved news page), {@code .jsonl} and
 * {@code .jsonl.gz} (one article per line, streamed in bounded memory). A file that cannot be read
 * is reported in {@link Result#skipped()}, never thrown, so one bad file never stops a run.
 */
public final class CorpusReader {
  /** Files larger than this (other than JSON Lines, which streams) are skipped as implausible. */
  static final long MAX_SINGLE_ARTICLE_BYTES = 32L << 20;

  /**
   * The file a folder may hold to declare its articles' source, date and URL pattern (README,
   * "Corpus metadata"); it applies to the folder and the folders below it.
   */
  public static final String METADATA_FILE = CorpusFolders.METADATA_FILE;

  static {
    // The indexer's pipeline reads JSON Lines through the reader's own settings and folders, from a
    // package the module does not export; this hands it the methods it needs.
    JsonLines.handOver(
        new JsonLines.Reading() {
          @Override
          public List<Skip> readLines(CorpusReader reader, Path file, int batchLines, LineSink sink)
              throws InterruptedException {
            return reader.readLines(file, batchLines, sink);
          }

          @Override
          public Result read(CorpusReader reader, Path file, LineBatch batch) {
            return reader.read(file, batch);
          }
        });
  }

  private final Path root;
  private final long maxArticleBytes;
  private final String defaultSource;
  private final CorpusFolders folders;

  /** A reader for the corpus folder (or single file) {@code root}. */
  public CorpusReader(Path root) {
    this(root, MAX_SINGLE_ARTICLE_BYTES, null);
  }

  CorpusReader(Path root, long maxArticleBytes) {
    this(root, maxArticleBytes, null);
  }

  private CorpusReader(Path root, long maxArticleBytes, String defaultSource) {
    this.root = root.toAbsolutePath().normalize();
    this.maxArticleBytes = maxArticleBytes;
    this.defaultSource = defaultSource;
    this.folders = new CorpusFolders(this.root, defaultSource);
  }

  /**
   * This reader, giving articles that name no source themselves and whose folders declare none the
   * source {@code name} (the command line's {@code index --source}); null for none.
   */
  public CorpusReader withSource(String name) {
    return new CorpusReader(root, maxArticleBytes, name);
  }

  /** The source given with {@link #withSource}, or null. */
  public String defaultSource() {
    return defaultSource;
  }

  /**
   * A fingerprint of what {@code file}'s folders ({@link #METADATA_FILE}) and {@link #withSource}
   * declare for its articles: "" when nothing is, and different whenever a declaration that applies
   * to the file changes, so an incremental run knows to read the file again.
   */
  public String declaredFor(Path file) {
    return folders.declared(file.toAbsolutePath().normalize());
  }

  /** Metadata files ({@link #METADATA_FILE}) that could not be used, with the reason. */
  public List<Skip> metadataProblems() {
    return folders.problems();
  }

  /** True when {@code file}'s name has an extension this reader understands. */
  public static boolean supports(Path file) {
    return format(file) != null;
  }

  /**
   * Every supported file under the root (recursively), sorted by path; the root itself if a file.
   */
  public List<Path> files() throws IOException {
    List<Skip> unreadable = new ArrayList<>();
    List<Path> files = files(unreadable::add);
    if (!unreadable.isEmpty()) {
      throw new IOException(
          "cannot list " + unreadable.get(0).where() + ": " + unreadable.get(0).reason());
    }
    return files;
  }

  /**
   * Every supported file under the root, as {@link #files()}, but a folder or file that cannot be
   * listed is handed to {@code unreadable} and the walk goes on. Hidden files and folders (names
   * starting with a dot) are left out.
   *
   * @throws IOException when the root itself does not exist
   */
  public List<Path> files(java.util.function.Consumer<Skip> unreadable) throws IOException {
    if (Files.isRegularFile(root)) {
      return List.of(root);
    }
    if (!Files.isDirectory(root)) {
      throw new IOException("corpus folder not found: " + root);
    }
    List<Path> found = new ArrayList<>();
    Files.walkFileTree(
        root,
        new java.nio.file.SimpleFileVisitor<>() {
          @Override
          public java.nio.file.FileVisitResult preVisitDirectory(
              Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
            return !dir.equals(root) && isHidden(dir)
                ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                : java.nio.file.FileVisitResult.CONTINUE;
          }

          @Override
          public java.nio.file.FileVisitResult visitFile(
              Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && !isHidden(file) && supports(file)) {
              found.add(file);
            }
            return java.nio.file.FileVisitResult.CONTINUE;
          }

          @Override
          public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
            unreadable.accept(new Skip(relative(file), "unreadable: " + describe(e)));
            return java.nio.file.FileVisitResult.CONTINUE;
          }
        });
    found.sort(null);
    return found;
  }

  /** Reads one file; problems (unreadable, empty, malformed lines) come back as skips. */
  public Result read(Path file) {
    return complete(file, readAsIs(file));
  }

  /** As {@link JsonLines#read}. */
  Result read(Path file, LineBatch batch) {
    return complete(file, parse(batch));
  }

  private Result complete(Path file, Result result) {
    if (result.articles().isEmpty()) {
      return result;
    }
    List<Article> completed = new ArrayList<>(result.articles().size());
    for (Article a : result.articles()) {
      completed.add(folders.complete(file, a));
    }
    return new Result(completed, result.skipped());
  }

  private Result readAsIs(Path file) {
    String where = relative(file);
    Format format = format(file);
    if (format == null) {
      return Result.skip(where, "unsupported file type");
    }
    try {
      long size = Files.size(file);
      if (format != Format.JSONL && format != Format.JSONL_GZ && size > maxArticleBytes) {
        return Result.skip(
            where,
            "file too large for one article: " + size + " bytes (limit " + maxArticleBytes + ")");
      }
      if (size == 0) {
        return Result.skip(where, "empty article: the file is empty");
      }
      return switch (format) {
        case TXT ->
            TxtArticleReader.read(
                idOf(where),
                where,
                TextDecoding.decode(Files.readAllBytes(file)),
                headline -> folders.titleAndSource(file, headline));
        case MD ->
            MarkdownArticleReader.read(
                idOf(where), where, TextDecoding.decode(Files.readAllBytes(file)));
        case HTML -> {
          byte[] bytes = Files.readAllBytes(file);
          yield HtmlArticleReader.read(
              idOf(where),
              where,
              TextDecoding.decode(bytes, HtmlArticleReader.declaredCharset(bytes)));
        }
        case JSONL, JSONL_GZ -> readAllLines(file);
      };
    } catch (IOException | RuntimeException e) {
      return Result.skip(where, "unreadable: " + describe(e));
    }
  }

  /** As {@link JsonLines#readLines}; {@link #parse} turns a batch into articles, on any thread. */
  List<Skip> readLines(Path file, int batchLines, LineSink sink) throws InterruptedException {
    if (batchLines < 1) {
      throw new IllegalArgumentException("batchLines must be >= 1, got " + batchLines);
    }
    String where = relative(file);
    Format format = format(file);
    if (format != Format.JSONL && format != Format.JSONL_GZ) {
      throw new IllegalArgumentException("not a JSON Lines file: " + where);
    }
    int number = 0;
    try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(file));
        InputStream in =
            format == Format.JSONL_GZ ? new GZIPInputStream(counted, 1 << 16) : counted;
        InputStreamReader chars = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      BoundedLineReader lines =
          new BoundedLineReader(chars, (int) Math.min(Integer.MAX_VALUE - 16, maxArticleBytes));
      List<Skip> skipped = new ArrayList<>();
      List<String> batch = new ArrayList<>(batchLines);
      int first = 1;
      long reported = 0;
      String line;
      while ((line = lines.next()) != null) {
        number++;
        if (lines.overlong()) {
          skipped.add(
              new Skip(
                  where + ":" + number,
                  "line too long for one article: more than " + maxArticleBytes + " chars"));
        }
        batch.add(line);
        if (batch.size() == batchLines) {
          sink.accept(new LineBatch(where, first, batch, counted.count - reported));
          reported = counted.count;
          batch = new ArrayList<>(batchLines);
          first = number + 1;
        }
      }
      if (!batch.isEmpty() || counted.count > reported) {
        sink.accept(new LineBatch(where, first, batch, counted.count - reported));
      }
      return skipped;
    } catch (IOException e) {
      String at = number == 0 ? where : where + ":" + (number + 1);
      return List.of(new Skip(at, "unreadable: " + describe(e)));
    }
  }

  private Result readAllLines(Path file) {
    List<Article> articles = new ArrayList<>();
    List<Skip> skipped = new ArrayList<>();
    try {
      List<Skip> broken =
          readLines(
              file,
              1024,
              batch -> {
                Result part = parse(batch);
                articles.addAll(part.articles());
                skipped.addAll(part.skipped());
              });
      skipped.addAll(broken);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      skipped.add(new Skip(relative(file), "interrupted while reading"));
    }
    return new Result(articles, skipped);
  }

  /**
   * The articles in one batch of JSON Lines; malformed lines come back as {@code path:line} skips.
   */
  static Result parse(LineBatch batch) {
    return JsonlArticleReader.parse(batch.file(), batch.firstLine(), batch.lines());
  }

  /** The file at the corpus-relative {@code relative} path (the inverse of {@link #relative}). */
  public Path locate(String relative) {
    return Files.isRegularFile(root) ? root.resolveSibling(relative) : root.resolve(relative);
  }

  /** The path of {@code file} relative to the corpus root, with forward slashes. */
  public String relative(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path rel = Files.isRegularFile(root) ? abs.getFileName() : root.relativize(abs);
    return rel.toString().replace('\\', '/');
  }

  private static String idOf(String relativePath) {
    String name = relativePath;
    int dot = name.lastIndexOf('.');
    int slash = name.lastIndexOf('/');
    return dot > slash ? name.substring(0, dot) : name;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static boolean isHidden(Path p) {
    return p.getFileName().toString().startsWith(".");
  }

  private enum Format {
    TXT,
    MD,
    HTML,
    JSONL,
    JSONL_GZ
  }

  private static final class CountingInputStream extends java.io.FilterInputStream {
    volatile long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  private static Format format(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".txt")) {
      return Format.TXT;
    }
    if (name.endsWith(".md") || name.endsWith(".markdown")) {
      return Format.MD;
    }
    if (name.endsWith(".html") || name.endsWith(".htm")) {
      return Format.HTML;
    }
    if (name.endsWith(".jsonl")) {
      return Format.JSONL;
    }
    if (name.endsWith(".jsonl.gz")) {
      return Format.JSONL_GZ;
    }
    return null;
  }

  /** Convenience for small corpora and tests: every article under the root, skips dropped. */
  public List<Article> readAll() throws IOException {
    List<Article> all = new ArrayList<>();
    for (Path f : files()) {
      all.addAll(read(f).articles());
    }
    return all;
  }

  /**
   * What reading one corpus file produced: the articles, and what had to be skipped and why.
   * Immutable and thread-safe.
   *
   * @param articles the articles read, in file order
   * @param skipped the parts (a whole file, or {@code path:line} of a JSON Lines file) left out
   */
  public record Result(List<Article> articles, List<Skip> skipped) {

    public Result {
      articles = List.copyOf(articles);
      skipped = List.copyOf(skipped);
    }

    static Result of(Article article) {
      return new Result(List.of(article), List.of());
    }

    static Result skip(String where, String reason) {
      return new Result(List.of(), List.of(new Skip(where, reason)));
    }
  }

  /**
   * A part of the corpus that was not indexed. Immutable and thread-safe.
   *
   * @param where the file path, or {@code path:line} for one line of a JSON Lines file
   * @param reason why it was skipped, for people
   */
  public record Skip(String where, String reason) {}
}
