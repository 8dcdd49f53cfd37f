package dev.verbatim.search.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a query string the way the classic query parser tokenizes it, to find what the parser will
 * reject (an unclosed quote, a stray colon, a dangling AND) and say where, and to mend it so
 * forgiving mode can still search whatever the user meant.
 */
final class QuerySyntax {
  /** Nesting beyond this is refused (strict) or flattened (forgiving): recursion has a cost. */
  static final int MAX_DEPTH = 20;

  /**
   * One thing the parser cannot take, as an edit that removes it.
   *
   * @param start first char to replace
   * @param end char after the last one to replace
   * @param replacement what goes there instead (empty or a space)
   * @param note what forgiving mode did, for the notice
   * @param error what strict mode reports, with the 1-based character position
   * @param guard whether it applies even when the parser would accept the query
   */
  record Problem(
      int start, int end, String replacement, String note, String error, boolean guard) {}

  /** The mended query and what was done to it, in order, without repeats. */
  record Mended(String text, List<String> notes) {}

  private enum Last {
    START,
    OPEN,
    OPERAND,
    BINARY,
    UNARY
  }

  // Characters that end a bare term in the classic grammar (besides whitespace).
  private static final String TERM_BREAKS = "()\":[]{}^~/";

  private QuerySyntax() {}

  /** Curly double quotes typed or pasted by users delimit phrases as straight ones do. */
  static String foldQuoteMarks(String query) {
    return query.replace('\u201C', '"').replace('\u201D', '"').replace('\u201E', '"');
  }

  /** Everything the parser would stumble on in {@code text}, left to right. */
  static List<Problem> problems(String text, boolean allowLeadingWildcard, Set<String> fields) {
    return new Scan(text, allowLeadingWildcard, fields).run();
  }

  /** {@code text} with the given problems edited away; notes in order of appearance. */
  static Mended mend(String text, List<Problem> problems) {
    List<Problem> byStart = new ArrayList<>(problems);
    byStart.sort(Comparator.comparingInt(Problem::start));
    StringBuilder out = new StringBuilder();
    Set<String> notes = new LinkedHashSet<>();
    int at = 0;
    for (Problem p : byStart) {
      if (p.start() < at) {
        continue;
      }
      out.append(text, at, p.start()).append(p.replacement());
      at = p.end();
      notes.add(p.note());
    }
    out.append(text.substring(at));
    return new Mended(out.toString().strip().replaceAll("\\s{2,}", " "), List.copyOf(notes));
  }

  /** Only the words of {@code text}: every operator and punctuation mark dropped. */
  static String wordsOnly(String text) {
    List<String> words = new ArrayList<>();
    for (String w : text.replaceAll("[^\\p{L}\\p{N}\\s'\u2019]", " ").strip().split("\\s+")) {
      if (!w.isEmpty() && !isOperatorWord(w)) {
        words.add(w);
      }
    }
    return String.join(" ", words);
  }

  private static boolean isOperatorWord(String word) {
    return word.equals("AND") || word.equals("OR") || word.equals("NOT");
  }

  private static final class Scan {
    private final String text;
    private final boolean allowLeadingWildcard;
    private final Set<String> fields;
    private final List<Problem> problems = new ArrayList<>();
    private final Deque<Integer> open = new ArrayDeque<>();
    private final Deque<Boolean> tooDeep = new ArrayDeque<>();
    private Last last = Last.START;
    private int pendingStart = -1;
    private int pendingEnd = -1;
    private int i;

    Scan(String text, boolean allowLeadingWildcard, Set<String> fields) {
      this.text = text;
      this.allowLeadingWildcard = allowLeadingWildcard;
      this.fields = fields;
    }

    List<Problem> run() {
      int n = text.length();
      while (i < n) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '"') {
          enclosed(
              '"',
              "Unbalanced quote ignored",
              "the quote at character " + (i + 1) + " is never closed");
        } else if (c == '(') {
          boolean deep = open.size() >= MAX_DEPTH;
          if (deep) {
            flatten(i);
          }
          open.push(i);
          tooDeep.push(deep);
          operandStarts();
          last = Last.OPEN;
          i++;
        } else if (c == ')') {
          closing();
        } else if (c == '[' || c == '{') {
          char closer = c == '[' ? ']' : '}';
          enclosed(
              closer,
              "Unclosed range ignored",
              "the range at character " + (i + 1) + " is never closed with '" + closer + "'");
        } else if (c == '+' || c == '-' || c == '!') {
          unary(i, i + 1);
          i++;
        } else if (text.startsWith("&&", i) || text.startsWith("||", i)) {
          binary(i, i + 2);
          i += 2;
        } else if (c == '/') {
          add(
              i,
              i + 1,
              " ",
              "Slashes ignored (regular expressions are not supported)",
              "regular expressions (/.../) are not supported; remove the '/' at character "
                  + (i + 1));
          i++;
        } else if (c == ':' || c == '^' || c == '~' || c == ']' || c == '}') {
          add(
              i,
              i + 1,
              " ",
              "Stray '" + c + "' ignored",
              "unexpected '" + c + "' at character " + (i + 1));
          i++;
        } else {
          term();
        }
      }
      danglingAtEnd();
      while (!open.isEmpty()) {
        int at = open.pop();
        tooDeep.pop();
        add(
            at,
            at + 1,
            "",
            "Unbalanced parenthesis ignored",
            "the '(' at character " + (at + 1) + " is never closed");
      }
      return problems;
    }

    // A phrase or a range: everything up to the closing mark is one operand.
    private void enclosed(char closer, String note, String error) {
      int close = unescaped(closer, i + 1);
      if (close < 0) {
        add(i, i + 1, closer == '"' ? "" : " ", note, error);
        i++;
        return;
      }
      operandStarts();
      i = close + 1;
      suffixes();
      last = Last.OPERAND;
    }

    private void closing() {
      if (open.isEmpty()) {
        add(
            i,
            i + 1,
            "",
            "Unbalanced parenthesis ignored",
            "the ')' at character " + (i + 1) + " has no matching '('");
        i++;
        return;
      }
      danglingAtEnd();
      if (last == Last.OPEN) {
        // "()" holds nothing to search; the parser rejects it.
        int at = open.peek();
        add(
            at,
            i + 1,
            " ",
            "Empty parentheses ignored",
            "empty parentheses at character " + (at + 1));
      }
      open.pop();
      if (tooDeep.pop()) {
        flatten(i);
      }
      i++;
      suffixes();
      last = Last.OPERAND;
    }

    private void term() {
      int start = i;
      int n = text.length();
      while (i < n) {
        char c = text.charAt(i);
        if (c == '\\') {
          i = Math.min(n, i + 2);
          continue;
        }
        if (Character.isWhitespace(c) || TERM_BREAKS.indexOf(c) >= 0) {
          break;
        }
        i++;
      }
      if (text.charAt(i - 1) == '\\' && (i - start == 1 || text.charAt(i - 2) != '\\')) {
        add(
            i - 1,
            i,
            "",
            "Trailing backslash ignored",
            "the '\\' at character " + i + " escapes nothing");
      }
      String word = text.substring(start, i);
      if (word.equals("AND") || word.equals("OR")) {
        binary(start, i);
      } else if (word.equals("NOT")) {
        unary(start, i);
      } else if (i < n && text.charAt(i) == ':') {
        field(start, word);
      } else {
        operandStarts();
        leadingWildcard(start, word);
        suffixes();
        last = Last.OPERAND;
      }
    }

    private void field(int start, String name) {
      operandStarts();
      last = Last.OPERAND;
      int colon = i;
      i++;
      if (!name.equals("*") && !fields.contains(name.toLowerCase(Locale.ROOT))) {
        add(
            colon,
            colon + 1,
            " ",
            "Unknown field '" + name + ":' searched as a word",
            "unknown field '"
                + name
                + "' at character "
                + (start + 1)
                + "; searchable fields are "
                + String.join(", ", fields.stream().sorted().toList()));
        return;
      }
      int next = i;
      while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
        next++;
      }
      boolean nothing =
          next == text.length()
              || text.charAt(next) == ')'
              || text.startsWith("AND ", next)
              || text.startsWith("OR ", next)
              || text.startsWith("&&", next)
              || text.startsWith("||", next);
      if (nothing) {
        add(
            colon,
            colon + 1,
            " ",
            "Empty field '" + name + ":' searched as a word",
            "'" + name + ":' at character " + (start + 1) + " is followed by nothing to search");
      } else if (startsField(next)) {
        add(
            colon,
            colon + 1,
            " ",
            "Field '" + name + ":' before another field searched as a word",
            "'" + name + ":' at character " + (start + 1) + " is followed by another field");
      }
    }

    private boolean startsField(int at) {
      int k = at;
      while (k < text.length()
          && !Character.isWhitespace(text.charAt(k))
          && TERM_BREAKS.indexOf(text.charAt(k)) < 0) {
        k++;
      }
      return k > at && k < text.length() && text.charAt(k) == ':';
    }

    private void leadingWildcard(int start, String word) {
      if (allowLeadingWildcard || !(word.startsWith("*") || word.startsWith("?"))) {
        return;
      }
      int end = start;
      while (end < i && (text.charAt(end) == '*' || text.charAt(end) == '?')) {
        end++;
      }
      add(
          start,
          end,
          "",
          end == i ? "Lone '" + word + "' ignored" : "Leading wildcard ignored",
          "a word may not start with '*' or '?' (character " + (start + 1) + ")");
    }

    // A phrase or word may carry ~N and ^N; skip them so they are not read as stray marks.
    private void suffixes() {
      while (i < text.length() && (text.charAt(i) == '~' || text.charAt(i) == '^')) {
        i++;
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
          i++;
        }
      }
    }

    private void operandStarts() {
      pendingStart = -1;
      if (last == Last.UNARY || last == Last.BINARY) {
        last = Last.OPERAND;
      }
    }

    private void binary(int start, int end) {
      if (last == Last.START || last == Last.OPEN || last == Last.BINARY || last == Last.UNARY) {
        dangling(start, end);
        return;
      }
      pendingStart = start;
      pendingEnd = end;
      last = Last.BINARY;
    }

    private void unary(int start, int end) {
      if (last == Last.UNARY) {
        dangling(start, end);
        return;
      }
      if (pendingStart < 0) {
        pendingStart = start;
        pendingEnd = end;
      }
      last = Last.UNARY;
    }

    private void danglingAtEnd() {
      if (pendingStart >= 0) {
        dangling(pendingStart, pendingEnd);
        pendingStart = -1;
      }
    }

    private void dangling(int start, int end) {
      String op = text.substring(start, end);
      add(
          start,
          end,
          " ",
          "Dangling '" + op + "' ignored",
          "'" + op + "' at character " + (start + 1) + " has nothing to apply to");
    }

    private void flatten(int at) {
      problems.add(
          new Problem(
              at,
              at + 1,
              "",
              "Nesting deeper than " + MAX_DEPTH + " levels flattened",
              "parentheses nest deeper than " + MAX_DEPTH + " levels at character " + (at + 1),
              true));
    }

    private int unescaped(char wanted, int from) {
      for (int k = from; k < text.length(); k++) {
        char c = text.charAt(k);
        if (c == '\\') {
          k++;
        } else if (c == wanted) {
          return k;
        }
      }
      return -1;
    }

    private void add(int start, int end, String replacement, String note, String error) {
      problems.add(new Problem(start, end, replacement, note, error, false));
    }
  }
}
