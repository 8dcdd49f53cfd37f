package dev.verbatim.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Finds the article files under a corpus folder and reads each into {@link Article}s. Stateless
 * and thread-safe: files may be read concurrently.
 *
 * <p>Supported: {@code .txt} (first line title, rest body), {@code .jsonl} and {@code .jsonl.gz}
 * (one article per line). A file that cannot be read is reported in {@link ReadResult#skipped()},
 * never thrown, so one bad file never stops a run.
 */
public final class CorpusReader {
  /** Files larger than this (other than JSON Lines, which streams) are skipped as implausible. */
  static final long MAX_SINGLE_ARTICLE_BYTES = 32L << 20;

  private final Path root;

  /** A reader for the corpus folder (or single file) {@code root}. */
  public CorpusReader(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** True when {@code file}'s name has an extension this reader understands. */
  public static boolean supports(Path file) {
    return format(file) != null;
  }

  /** Every supported file under the root (recursively), sorted by path; the root itself if a file. */
  public List<Path> files() throws IOException {
    if (Files.isRegularFile(root)) {
      return List.of(root);
    }
    if (!Files.isDirectory(root)) {
      throw new IOException("corpus folder not found: " + root);
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !isHidden(p))
          .filter(CorpusReader::supports)
          .sorted()
          .toList();
    }
  }

  /** Reads one file; problems (unreadable, empty, malformed lines) come back as skips. */
  public ReadResult read(Path file) {
    String where = relative(file);
    Format format = format(file);
    if (format == null) {
      return ReadResult.skip(where, "unsupported file type");
    }
    try {
      long size = Files.size(file);
      if (format != Format.JSONL && format != Format.JSONL_GZ && size > MAX_SINGLE_ARTICLE_BYTES) {
        return ReadResult.skip(
            where, "file too large for one article: " + size + " bytes (limit " + MAX_SINGLE_ARTICLE_BYTES + ")");
      }
      return switch (format) {
        case TXT -> TxtArticleReader.read(idOf(where), where, TextDecoding.decode(Files.readAllBytes(file)));
        case JSONL, JSONL_GZ -> {
          try (InputStream in = open(file, format);
              BufferedReader lines =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            yield JsonlArticleReader.read(where, lines);
          }
        }
      };
    } catch (IOException | RuntimeException e) {
      return ReadResult.skip(where, "unreadable: " + describe(e));
    }
  }

  /** The path of {@code file} relative to the corpus root, with forward slashes. */
  public String relative(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path rel = Files.isRegularFile(root) ? abs.getFileName() : root.relativize(abs);
    return rel.toString().replace('\\', '/');
  }

  private static InputStream open(Path file, Format format) throws IOException {
    InputStream in = Files.newInputStream(file);
    return format == Format.JSONL_GZ ? new GZIPInputStream(in, 1 << 16) : in;
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
    JSONL,
    JSONL_GZ
  }

  private static Format format(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".txt")) {
      return Format.TXT;
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
}
