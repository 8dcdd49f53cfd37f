package dev.verbatim.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a corpus folder says about its articles: the {@value #METADATA_FILE} file beside them
 * (source, date, URL pattern), the operator's default source, and which headline suffixes ({@code
 * "... – Metro US"}) name the publication rather than a speaker ({@code "Taxes must be trusted -
 * Kennedy"}). Thread-safe; each folder is looked at once per reader.
 */
final class CorpusFolders {
  /** The metadata file a folder may hold; it applies to the folder and the folders below it. */
  static final String METADATA_FILE = "verbatim.json";

  // A short trailing segment after a dash or bar: a candidate publication ("... – Metro US").
  private static final Pattern TITLE_SUFFIX =
      Pattern.compile("^(.*\\S)\\s+[–—|-]\\s+(\\p{Lu}[^–—|]{0,40}?)\\s*$");

  /**
   * A folder's files share a suffix as their publication when at least this many carry it and they
   * are at least half of its .txt files: a site's page titles repeat its name, while a speaker
   * named in a few headlines ("- Blair" twice among 417 BBC politics stories) does not.
   */
  private static final int SHARED_SUFFIX_MIN_FILES = 3;

  private static final int HEAD_BYTES = 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Outlets OUTLETS = Outlets.load();

  private final Path root;
  private final String defaultSource;
  private final Map<Path, Folder> folders = new ConcurrentHashMap<>();
  private final Map<Path, Set<String>> sharedSuffixes = new ConcurrentHashMap<>();
  private final List<CorpusReader.Skip> problems = new ArrayList<>();

  CorpusFolders(Path root, String defaultSource) {
    this.root = root;
    this.defaultSource = defaultSource == null || defaultSource.isBlank() ? null : defaultSource;
  }

  /** Metadata files that could not be used, each once, with the reason. */
  synchronized List<CorpusReader.Skip> problems() {
    return List.copyOf(problems);
  }

  /**
   * The title and source of a {@code .txt} headline in {@code file}: the suffix is the source when
   * the folder declares no source and the suffix is a known outlet or shared by the folder's files;
   * when a source is declared, only a suffix naming it is taken off the title.
   */
  String[] titleAndSource(Path file, String headline) {
    Matcher m = TITLE_SUFFIX.matcher(headline);
    if (!m.matches()) {
      return new String[] {headline, null};
    }
    String suffix = m.group(2).strip();
    String declared = folder(file.getParent()).source();
    if (declared != null) {
      return declared.equalsIgnoreCase(suffix)
          ? new String[] {m.group(1), null}
          : new String[] {headline, null};
    }
    if (OUTLETS.isOutlet(suffix) || shared(file.getParent()).contains(fold(suffix))) {
      return new String[] {m.group(1), suffix};
    }
    return new String[] {headline, null};
  }

  /** {@code a} with what its folder declares filled in where the article itself says nothing. */
  Article complete(Path file, Article a) {
    Folder f = folder(file.getParent());
    Article out = a;
    if (out.source() == null && f.source() != null) {
      out = out.withSource(f.source());
    }
    if (out.date() == null && f.date() != null) {
      out = out.withDate(f.date());
    }
    if (out.url() == null && f.urlPattern() != null) {
      out = out.withUrl(url(f.urlPattern(), file, a));
    }
    return out;
  }

  /**
   * What the folders and the default source declare for {@code file}, as a short fingerprint: ""
   * when nothing is declared, and equal for two files exactly when their declarations are.
   */
  String declared(Path file) {
    Folder f = folder(file.getParent());
    if (f.source() == null && f.date() == null && f.urlPattern() == null) {
      return "";
    }
    String all = f.source() + "\u0001" + f.date() + "\u0001" + f.urlPattern();
    try {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(all.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private String url(String pattern, Path file, Article a) {
    String name = file.getFileName().toString();
    int dot = name.indexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    Path base = Files.isRegularFile(root) ? root.getParent() : root;
    String path = base.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    return pattern.replace("{id}", a.id()).replace("{name}", stem).replace("{path}", path);
  }

  /**
   * What applies in {@code dir}: its own metadata file, else the nearest one above, field by field.
   */
  private Folder folder(Path dir) {
    Path key = dir.toAbsolutePath().normalize();
    Folder known = folders.get(key);
    if (known != null) {
      return known;
    }
    Folder parent =
        key.startsWith(root) && !key.equals(root) && key.getParent() != null
            ? folder(key.getParent())
            : new Folder(defaultSource, null, null);
    Folder own = read(key.resolve(METADATA_FILE));
    Folder merged =
        own == null
            ? parent
            : new Folder(
                own.source() != null ? own.source() : parent.source(),
                own.date() != null ? own.date() : parent.date(),
                own.urlPattern() != null ? own.urlPattern() : parent.urlPattern());
    folders.putIfAbsent(key, merged);
    return folders.get(key);
  }

  private Folder read(Path metadata) {
    if (!Files.isRegularFile(metadata)) {
      return null;
    }
    String where = relative(metadata);
    try {
      JsonNode node = JSON.readTree(Files.readString(metadata, StandardCharsets.UTF_8));
      if (node == null || !node.isObject()) {
        problem(where, "not a JSON object; expected {\"source\", \"date\", \"url\"}");
        return null;
      }
      LocalDate date = null;
      String rawDate = text(node, "date");
      if (rawDate != null) {
        date = Dates.parse(rawDate);
        if (date == null) {
          problem(where, "\"date\" is not a date (YYYY-MM-DD): " + rawDate);
        }
      }
      for (var names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!Set.of("source", "date", "url").contains(name)) {
          problem(where, "unknown field \"" + name + "\" (known: source, date, url)");
        }
      }
      return new Folder(text(node, "source"), date, text(node, "url"));
    } catch (JsonProcessingException e) {
      problem(where, "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      problem(where, "unreadable: " + e.getMessage());
    }
    return null;
  }

  private synchronized void problem(String where, String reason) {
    problems.add(new CorpusReader.Skip(where, reason));
  }

  private String relative(Path file) {
    Path base = Files.isRegularFile(root) ? root.getParent() : root;
    return base.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }

  /** Suffixes (folded) that at least half of {@code dir}'s .txt headlines end with. */
  private Set<String> shared(Path dir) {
    return sharedSuffixes.computeIfAbsent(
        dir.toAbsolutePath().normalize(), CorpusFolders::countSuffixes);
  }

  private static Set<String> countSuffixes(Path dir) {
    Map<String, Integer> counts = new HashMap<>();
    int files = 0;
    try (DirectoryStream<Path> txt = Files.newDirectoryStream(dir, "*.{txt,TXT}")) {
      for (Path file : txt) {
        if (!Files.isRegularFile(file) || file.getFileName().toString().startsWith(".")) {
          continue;
        }
        files++;
        Matcher m = TITLE_SUFFIX.matcher(firstLine(file));
        if (m.matches()) {
          counts.merge(fold(m.group(2)), 1, Integer::sum);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      return Set.of();
    }
    Set<String> shared = new HashSet<>();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() >= SHARED_SUFFIX_MIN_FILES && e.getValue() * 2 >= files) {
        shared.add(e.getKey());
      }
    }
    return shared;
  }

  private static String firstLine(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(HEAD_BYTES);
      String text = TextDecoding.decode(head);
      int end = text.indexOf('\n');
      return (end < 0 ? text : text.substring(0, end)).strip();
    } catch (IOException e) {
      return "";
    }
  }

  static String fold(String s) {
    return s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  /**
   * Declared values for one folder; any may be null.
   *
   * @param source the publication
   * @param date the publication date
   * @param urlPattern an address with {@code {id}}, {@code {name}} or {@code {path}} in it
   */
  private record Folder(String source, LocalDate date, String urlPattern) {}

  /** Known publication names, and the words that make a name one ("Gazette", "Times"). */
  private record Outlets(Set<String> names, Set<String> words) {
    static Outlets load() {
      Set<String> names = new HashSet<>();
      Set<String> words = new HashSet<>();
      try (InputStream in = CorpusFolders.class.getResourceAsStream("outlets.txt")) {
        if (in == null) {
          throw new IllegalStateException("outlets.txt is missing from the classpath");
        }
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          String entry = line.strip();
          if (entry.isEmpty() || entry.startsWith("#")) {
            continue;
          }
          if (entry.startsWith("word:")) {
            words.add(fold(entry.substring(5)));
          } else {
            names.add(fold(entry));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Outlets(Set.copyOf(names), Set.copyOf(words));
    }

    boolean isOutlet(String suffix) {
      String folded = fold(suffix);
      if (names.contains(folded)) {
        return true;
      }
      for (String word : folded.split("[\\s.]+")) {
        if (words.contains(word)) {
          return true;
        }
      }
      return false;
    }
  }
}
