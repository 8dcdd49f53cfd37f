package dev.verbatim.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generates request targets for {@code /api/search} that a careless, curious or malicious client
 * might send: raw bytes, broken encodings, unbalanced syntax, huge and deeply nested queries,
 * wildcard, regex and fuzzy expansions over the vocabulary, and bad paging and filter values.
 * Deterministic for a seed; not thread-safe (one generator per thread).
 */
final class HostileQueries {
  /** One request: what kind of abuse it is, and the target exactly as sent (one char per byte). */
  record Probe(String kind, String target) {}

  private static final String SYNTAX = "\"()[]{}:*?~^+-!&|\\/ ";
  private static final String[] OPERATORS = {"AND", "OR", "NOT", "TO", "&&", "||", "!", "+", "-"};
  private static final String[] FIELDS = {
    "title", "text", "speaker", "source", "author", "type", "kind", "date", "id", "_any", "",
    "nosuch"
  };
  private static final String[] PARAMS = {
    "limit",
    "offset",
    "sort",
    "type",
    "speaker",
    "source",
    "date",
    "cursor",
    "strict",
    "passages",
    "passageLength"
  };
  private static final String[] BAD_VALUES = {
    "-1",
    "0",
    "-2147483649",
    "2147483648",
    "99999999999999999999999",
    "1e9",
    "0x10",
    "NaN",
    "",
    " ",
    "%00",
    "%ff",
    "<script>alert(1)</script>",
    "relevance",
    "date",
    "DATE",
    "random",
    "quote",
    "article",
    "all",
    "video",
    "2018",
    "2018-06",
    "2018-13",
    "0000-00",
    "99999-01",
    "18",
    "true",
    "false",
    "maybe",
    "%22%27%3E%3Cimg%20src=x%20onerror=alert(1)%3E",
    "..%2f..%2fetc%2fpasswd",
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    "eyJ9"
  };

  private final Random random;
  private final List<String> vocabulary;
  private final List<Supplier<Probe>> kinds = new ArrayList<>();

  /** {@code vocabulary}: words from the indexed corpus, so expansions have something to expand. */
  HostileQueries(long seed, List<String> vocabulary) {
    if (vocabulary.isEmpty()) {
      throw new IllegalArgumentException("vocabulary must not be empty");
    }
    this.random = new Random(seed);
    this.vocabulary = List.copyOf(vocabulary);
    kinds.add(() -> q("random-bytes", percentBytes(randomBytes(1 + random.nextInt(200)))));
    kinds.add(() -> q("random-unicode", percentBytes(randomUnicodeUtf8(1 + random.nextInt(80)))));
    kinds.add(() -> q("broken-percent", brokenPercent()));
    kinds.add(() -> q("unbalanced", enc(unbalanced())));
    kinds.add(() -> q("syntax-soup", enc(syntaxSoup())));
    kinds.add(() -> q("wildcards", enc(wildcards())));
    kinds.add(() -> q("regex", enc(regex())));
    kinds.add(() -> q("fuzzy", enc(fuzzy())));
    kinds.add(() -> q("slop", enc(slop())));
    kinds.add(() -> q("many-clauses", enc(manyClauses())));
    kinds.add(() -> q("deep-nesting", enc(deepNesting())));
    kinds.add(() -> q("fields-ranges", enc(fieldsAndRanges())));
    kinds.add(() -> q("html-script", enc(htmlScript())));
    kinds.add(this::badParams);
    kinds.add(this::repeatedParams);
    kinds.add(() -> q("huge", enc(huge())));
  }

  /** {@code count} probes, the kinds interleaved so every kind is tried early. */
  List<Probe> generate(int count) {
    List<Probe> probes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      // Huge queries are slow to send; one in fifty keeps the run short and still tries many.
      int kind = i % kinds.size();
      if (kind == kinds.size() - 1 && (i / kinds.size()) % 50 != 0) {
        kind = random.nextInt(kinds.size() - 1);
      }
      probes.add(kinds.get(kind).get());
    }
    return probes;
  }

  private Probe q(String kind, String encodedQuery) {
    String extra =
        random.nextInt(4) == 0 ? "&type=" + (random.nextBoolean() ? "quote" : "article") : "";
    return new Probe(kind, "/api/search?q=" + encodedQuery + extra);
  }

  private Probe badParams() {
    StringBuilder target = new StringBuilder("/api/search?q=" + enc(word()));
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      target.append('&').append(pick(PARAMS)).append('=').append(pick(BAD_VALUES));
    }
    return new Probe("bad-params", target.toString());
  }

  private Probe repeatedParams() {
    StringBuilder target = new StringBuilder("/api/search?");
    int n = 2 + random.nextInt(40);
    for (int i = 0; i < n; i++) {
      String name = random.nextInt(3) == 0 ? "q" : pick(PARAMS);
      target.append(i == 0 ? "" : random.nextInt(10) == 0 ? "&&" : "&");
      target.append(random.nextInt(15) == 0 ? "" : name);
      if (random.nextInt(8) != 0) {
        target.append('=').append(random.nextBoolean() ? enc(word()) : pick(BAD_VALUES));
      }
    }
    return new Probe("repeated-params", target.toString());
  }

  private String unbalanced() {
    StringBuilder s = new StringBuilder();
    int n = 1 + random.nextInt(12);
    for (int i = 0; i < n; i++) {
      s.append("\"(\")[{".charAt(random.nextInt(6)))
          .append(random.nextBoolean() ? word() : "")
          .append(' ');
    }
    return s.toString();
  }

  private String syntaxSoup() {
    StringBuilder s = new StringBuilder();
    int n = 1 + random.nextInt(30);
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(5)) {
        case 0 -> s.append(SYNTAX.charAt(random.nextInt(SYNTAX.length())));
        case 1 -> s.append(' ').append(pick(OPERATORS)).append(' ');
        case 2 -> s.append(pick(FIELDS)).append(':');
        default -> s.append(word());
      }
    }
    return s.toString();
  }

  private String wildcards() {
    String w = word();
    return switch (random.nextInt(9)) {
      case 0 -> "*";
      case 1 -> "?";
      case 2 -> "*" + w;
      case 3 -> "?" + w.substring(1);
      case 4 -> "*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?";
      case 5 -> String.join("*", w.split("")) + "*";
      case 6 -> pick(FIELDS) + ":*";
      case 7 -> w.charAt(0) + "*" + " " + word().charAt(0) + "*" + " OR " + word().charAt(0) + "?*";
      default -> "*" + w + "* " + "?" + word() + "?";
    };
  }

  private String regex() {
    return switch (random.nextInt(6)) {
      case 0 -> "/.*/";
      case 1 -> "/[a-z]+/";
      case 2 -> "/(a|b|c|d|e)*(f|g)*.{1,1000}/";
      case 3 -> "text:/" + word() + ".*/";
      case 4 -> "/((((((a*)*)*)*)*)*b/";
      default -> "/" + word();
    };
  }

  private String fuzzy() {
    StringBuilder s = new StringBuilder();
    int n = 1 + random.nextInt(random.nextInt(10) == 0 ? 500 : 5);
    for (int i = 0; i < n; i++) {
      String edits =
          switch (random.nextInt(5)) {
            case 0 -> "~";
            case 1 -> "~2";
            case 2 -> "~0.1";
            case 3 -> "~99999";
            default -> "~" + random.nextInt(3);
          };
      s.append(random.nextInt(4) == 0 ? word().substring(0, 1) : word()).append(edits).append(' ');
    }
    return s.toString();
  }

  private String slop() {
    String phrase = "\"" + word() + " " + word() + " " + word() + "\"";
    return phrase
        + switch (random.nextInt(7)) {
          case 0 -> "~2147483647";
          case 1 -> "~99999999999999999999999";
          case 2 -> "~-1";
          case 3 -> "~1e40";
          case 4 -> "~NaN";
          case 5 -> "~" + random.nextInt(1_000_000);
          default -> "~~~3";
        };
  }

  private String manyClauses() {
    int n = 500 + random.nextInt(5000);
    String join =
        switch (random.nextInt(4)) {
          case 0 -> " OR ";
          case 1 -> " ";
          case 2 -> " AND ";
          default -> " -";
        };
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(i == 0 ? "" : join).append(random.nextInt(5) == 0 ? word() + "*" : word());
    }
    return s.toString();
  }

  private String deepNesting() {
    int depth = new int[] {50, 200, 1000, 5000, 20_000}[random.nextInt(5)];
    boolean balanced = random.nextBoolean();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      s.append(random.nextInt(4) == 0 ? "(" + word() + " OR " : "(");
    }
    s.append(word());
    for (int i = 0; i < (balanced ? depth : depth / 2); i++) {
      s.append(')');
    }
    return s.toString();
  }

  private String fieldsAndRanges() {
    return switch (random.nextInt(8)) {
      case 0 -> pick(FIELDS) + ":" + word();
      case 1 -> pick(FIELDS) + ":[" + word() + " TO " + word() + "]";
      case 2 -> "text:[* TO *]";
      case 3 -> pick(FIELDS) + ":{a TO z}";
      case 4 -> pick(FIELDS) + ":";
      case 5 -> ":" + word();
      case 6 -> pick(FIELDS) + ":(" + word() + " OR";
      default ->
          word()
              + "^"
              + new String[] {"99999999999", "-1", "0", "NaN", "1e40", ""}[random.nextInt(6)];
    };
  }

  private String htmlScript() {
    String[] bits = {
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "\" onmouseover=\"x",
      "'><svg/onload=alert(1)>",
      "</mark><script>",
      "<mark>",
      "&lt;script&gt;",
      "javascript:alert(1)",
      "${7*7}",
      "{{7*7}}",
      "%><%=7*7%>"
    };
    return pick(bits) + (random.nextBoolean() ? " " + word() : "");
  }

  private String huge() {
    int chars = 100 * 1024;
    StringBuilder s = new StringBuilder(chars + 20);
    boolean oneWord = random.nextBoolean();
    while (s.length() < chars) {
      s.append(oneWord ? "a" : word() + " ");
    }
    return s.toString();
  }

  private String word() {
    return vocabulary.get(random.nextInt(vocabulary.size()));
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    if (random.nextInt(3) == 0) {
      b[random.nextInt(n)] = 0;
    }
    return b;
  }

  /** Code points from every plane, with lone surrogates written as the invalid bytes they make. */
  private byte[] randomUnicodeUtf8(int n) {
    StringBuilder s = new StringBuilder();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < n; i++) {
      int cp =
          switch (random.nextInt(6)) {
            case 0 -> random.nextInt(0x80);
            case 1 -> 0xD800 + random.nextInt(0x800);
            case 2 -> 0x1F600 + random.nextInt(0x50);
            case 3 -> 0x300 + random.nextInt(0x70);
            case 4 -> 0xFFF0 + random.nextInt(0x10);
            default -> random.nextInt(0x110000);
          };
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        out.writeBytes(s.toString().getBytes(StandardCharsets.UTF_8));
        s.setLength(0);
        out.write(0xE0 | (cp >> 12));
        out.write(0x80 | ((cp >> 6) & 0x3F));
        out.write(0x80 | (cp & 0x3F));
      } else {
        s.appendCodePoint(cp);
      }
    }
    out.writeBytes(s.toString().getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private String brokenPercent() {
    String[] bits = {
      "%",
      "%%",
      "%zz",
      "%e2%82",
      "%c0%af",
      "%ed%a0%80",
      "%fe%ff",
      "%0",
      "%u0041",
      "%2",
      "%%32%35",
      "+",
      "%20%00%20"
    };
    StringBuilder s = new StringBuilder();
    int n = 1 + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      s.append(random.nextBoolean() ? word() : "").append(pick(bits));
    }
    return s.toString();
  }

  static String percentBytes(byte[] bytes) {
    StringBuilder s = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      s.append('%')
          .append(Character.forDigit((b >> 4) & 0xF, 16))
          .append(Character.forDigit(b & 0xF, 16));
    }
    return s.toString();
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
