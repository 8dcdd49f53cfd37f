package dev.verbatim.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a synthetic news corpus in JSON Lines whose words, sentence shapes and speakers come from
 * a real corpus (Reuters-21578), with quotations in the shapes news uses. Immutable after
 * construction and thread-safe; {@link #write} streams, so memory stays constant however many
 * articles are asked for.
 *
 * <p>Sentences are walked from a word bigram model of the source text (each next word drawn by its
 * frequency after the current one), so term frequencies, phrase statistics and sentence lengths
 * resemble the source while the articles themselves are new.
 */
public final class CorpusGenerator {
  private static final Pattern TOKEN =
      Pattern.compile("(?:\\p{Lu}\\.){2,}|\\p{L}[\\p{L}\\p{N}'&-]*|\\p{N}(?:[.,]?\\p{N})*|[.,;]");
  // "Comissaria Smith said": one to three capitalised words right before "said" or "says".
  private static final Pattern SPEAKER =
      Pattern.compile(
          "(?<![\\p{L}.])((?:\\p{Lu}\\p{Ll}+\\s+){0,2}\\p{Lu}\\p{Ll}+)\\s+(?:said|says)\\b");
  private static final List<String> NOT_NAMES =
      List.of(
          "The",
          "It",
          "He",
          "She",
          "They",
          "We",
          "This",
          "That",
          "But",
          "And",
          "Officials",
          "Analysts",
          "Sources",
          "Dealers",
          "Traders",
          "Reuters",
          "A",
          "An",
          "In",
          "Spokesman");
  private static final List<String> SOURCES =
      List.of(
          "Reuters",
          "Reuters",
          "Reuters",
          "Metro Wire",
          "Coastal Gazette",
          "Daily Ledger",
          "Evening Standard Post",
          "Capital Courier");
  private static final List<String> ROLES =
      List.of(
          "a spokesman for the company",
          "the chief executive",
          "an analyst at the bank",
          "a senior official",
          "the minister",
          "a spokeswoman",
          "the chairman",
          "a trader");
  private static final List<String> CUES =
      List.of("said", "said", "said", "says", "added", "told reporters");
  private static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 1);
  private static final int DAYS = 6 * 365;
  private static final int MAX_SENTENCE_TOKENS = 48;
  // Spoken sentences run shorter than wire prose; most news quotes are 10 to 30 words.
  private static final int MAX_QUOTE_TOKENS = 28;

  private final String[] words;
  private final int[] tokens;
  // Positions of each word in tokens, grouped by word: word w occupies [start[w], start[w+1]).
  private final int[] start;
  private final int[] positions;
  private final int period;
  private final String[] speakers;

  private CorpusGenerator(String[] words, int[] tokens, String[] speakers, int period) {
    this.words = words;
    this.tokens = tokens;
    this.speakers = speakers;
    this.period = period;
    this.start = new int[words.length + 1];
    for (int i = 0; i < tokens.length - 1; i++) {
      start[tokens[i] + 1]++;
    }
    for (int w = 0; w < words.length; w++) {
      start[w + 1] += start[w];
    }
    this.positions = new int[start[words.length]];
    int[] fill = Arrays.copyOf(start, words.length);
    for (int i = 0; i < tokens.length - 1; i++) {
      positions[fill[tokens[i]]++] = i;
    }
  }

  /**
   * A generator trained on the JSON Lines corpus {@code source} (fields {@code text} or {@code
   * body}); Reuters-21578 in practice.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when it holds too little text or no speakers to learn from
   */
  public static CorpusGenerator train(Path source) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Integer> ids = new HashMap<>();
    List<String> words = new ArrayList<>();
    IntList tokens = new IntList();
    Map<String, Integer> speakerCounts = new HashMap<>();
    int period = id(".", ids, words);
    tokens.add(period);
    try (BufferedReader lines = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = json.readTree(line);
        JsonNode text = node.has("text") ? node.get("text") : node.get("body");
        if (text == null || text.isNull()) {
          continue;
        }
        String body = text.asText();
        // All-capitals bodies are tables and telex headers, not prose.
        if (body.length() < 80 || body.equals(body.toUpperCase(Locale.ROOT))) {
          continue;
        }
        Matcher t = TOKEN.matcher(body);
        while (t.find()) {
          tokens.add(id(t.group(), ids, words));
        }
        tokens.add(period);
        Matcher s = SPEAKER.matcher(body);
        while (s.find()) {
          String name = s.group(1).replaceAll("\\s+", " ");
          if (!NOT_NAMES.contains(name.split(" ")[0])) {
            speakerCounts.merge(name, 1, Integer::sum);
          }
        }
      }
    }
    if (tokens.size() < 1000 || speakerCounts.isEmpty()) {
      throw new IllegalArgumentException(
          source
              + " holds too little prose to learn from: "
              + tokens.size()
              + " tokens, "
              + speakerCounts.size()
              + " speakers; expected a news corpus such as Reuters-21578");
    }
    // Repeating each speaker by its count makes uniform picks follow the real frequencies.
    List<String> speakers = new ArrayList<>();
    speakerCounts.forEach(
        (name, n) -> {
          for (int i = 0; i < n; i++) speakers.add(name);
        });
    speakers.sort(null);
    return new CorpusGenerator(
        words.toArray(String[]::new), tokens.toArray(), speakers.toArray(String[]::new), period);
  }

  private static int id(String word, Map<String, Integer> ids, List<String> words) {
    return ids.computeIfAbsent(
        word,
        w -> {
          words.add(w);
          return words.size() - 1;
        });
  }

  /**
   * Writes {@code articles} articles to {@code out} (gzip-compressed when its name ends in {@code
   * .gz}), the same ones for the same {@code seed}.
   *
   * @return bytes of JSON written before compression
   */
  public long write(long articles, long seed, Path out) throws IOException {
    if (articles < 1) {
      throw new IllegalArgumentException("articles must be >= 1, got " + articles);
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    SplittableRandom random = new SplittableRandom(seed);
    OutputStream file = Files.newOutputStream(out);
    OutputStream sink =
        out.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(file, 1 << 16) : file;
    CountingStream raw = new CountingStream(new BufferedOutputStream(sink, 1 << 16));
    try (JsonGenerator gen = new JsonFactory().createGenerator(raw)) {
      gen.setRootValueSeparator(new SerializedString("\n"));
      StringBuilder text = new StringBuilder(8192);
      for (long n = 1; n <= articles; n++) {
        text.setLength(0);
        article(random, text);
        gen.writeStartObject();
        gen.writeStringField("id", "gen-" + n);
        gen.writeStringField("title", title(random));
        gen.writeStringField("text", text.toString());
        gen.writeStringField("source", SOURCES.get(random.nextInt(SOURCES.size())));
        gen.writeStringField("date", FIRST_DAY.plusDays(random.nextInt(DAYS)).toString());
        gen.writeEndObject();
      }
      gen.writeRaw('\n');
    }
    return raw.count;
  }

  private void article(SplittableRandom random, StringBuilder text) {
    // Reuters stories run from a few lines to a few dozen; most are short.
    int paragraphs = 2 + (int) Math.min(14, -Math.log(1 - random.nextDouble()) * 3.5);
    for (int p = 0; p < paragraphs; p++) {
      if (p > 0) {
        text.append('\n');
      }
      if (p > 0 && random.nextInt(10) < 4) {
        quoteParagraph(random, text);
      } else {
        int sentences = 1 + random.nextInt(3);
        for (int s = 0; s < sentences; s++) {
          if (s > 0) {
            text.append(' ');
          }
          text.append(sentence(random, MAX_SENTENCE_TOKENS)).append('.');
        }
      }
    }
  }

  /** One attributed quotation in one of the shapes wire copy uses, curly or straight marks. */
  private void quoteParagraph(SplittableRandom random, StringBuilder text) {
    boolean curly = random.nextInt(3) > 0;
    String open = curly ? "\u201C" : "\"";
    String close = curly ? "\u201D" : "\"";
    String speaker = speakers[random.nextInt(speakers.length)];
    String cue = CUES.get(random.nextInt(CUES.size()));
    String quoted = sentence(random, MAX_QUOTE_TOKENS);
    if (random.nextInt(4) == 0) {
      quoted = quoted + ". " + sentence(random, MAX_QUOTE_TOKENS);
    }
    switch (random.nextInt(5)) {
      case 0, 1 ->
          text.append(open)
              .append(quoted)
              .append(',')
              .append(close)
              .append(' ')
              .append(speaker)
              .append(' ')
              .append(cue)
              .append('.');
      case 2 ->
          text.append(open)
              .append(quoted)
              .append(',')
              .append(close)
              .append(" said ")
              .append(speaker)
              .append(", ")
              .append(ROLES.get(random.nextInt(ROLES.size())))
              .append('.');
      case 3 ->
          text.append(speaker)
              .append(' ')
              .append(cue)
              .append(": ")
              .append(open)
              .append(quoted)
              .append('.')
              .append(close);
      default -> {
        // A partial quote: a few words quoted inside the reporter's own sentence.
        String[] words = quoted.split(" ");
        int from = random.nextInt(Math.max(1, words.length - 3));
        int to = Math.min(words.length, from + 2 + random.nextInt(4));
        text.append(speaker)
            .append(' ')
            .append(cue)
            .append(" the plan was ")
            .append(open)
            .append(String.join(" ", Arrays.copyOfRange(words, from, to)).toLowerCase(Locale.ROOT))
            .append(close)
            .append('.');
      }
    }
  }

  /** A sentence without its final period, first letter capitalised. */
  private String sentence(SplittableRandom random, int maxTokens) {
    StringBuilder out = new StringBuilder(256);
    int tries = 0;
    do {
      out.setLength(0);
      int word = next(period, random);
      int count = 0;
      while (word != period && count < maxTokens) {
        String w = words[word];
        boolean punctuation = w.length() == 1 && ",;".indexOf(w.charAt(0)) >= 0;
        if (count > 0 && !punctuation) {
          out.append(' ');
        }
        if (!(punctuation && count == 0)) {
          out.append(w);
          count++;
        }
        word = next(word, random);
      }
      tries++;
    } while (count(out) < 5 && tries < 20);
    while (out.length() > 0 && ",;".indexOf(out.charAt(out.length() - 1)) >= 0) {
      out.setLength(out.length() - 1);
    }
    if (out.length() > 0) {
      out.setCharAt(0, Character.toUpperCase(out.charAt(0)));
    }
    return out.toString();
  }

  private static int count(StringBuilder s) {
    int spaces = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ' ') {
        spaces++;
      }
    }
    return s.isEmpty() ? 0 : spaces + 1;
  }

  private String title(SplittableRandom random) {
    String[] parts = sentence(random, MAX_SENTENCE_TOKENS).split(" ");
    int n = Math.min(parts.length, 4 + random.nextInt(6));
    return String.join(" ", Arrays.copyOf(parts, n))
        .replaceAll("[,;]", "")
        .toUpperCase(Locale.ROOT);
  }

  /** A word that followed {@code word} somewhere in the source, drawn by frequency. */
  private int next(int word, SplittableRandom random) {
    int from = start[word];
    int n = start[word + 1] - from;
    if (n == 0) {
      return period;
    }
    return tokens[positions[from + random.nextInt(n)] + 1];
  }

  /** Growable int array: the source holds a few million tokens, boxed they would be 10x larger. */
  private static final class IntList {
    private int[] values = new int[1 << 16];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int size() {
      return size;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  private static final class CountingStream extends java.io.FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
