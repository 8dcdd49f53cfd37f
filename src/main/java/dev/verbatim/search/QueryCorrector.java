package dev.verbatim.search;

import dev.verbatim.index.schema.Schema;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": respells the words of a query that found nothing with words the index holds,
 * leaving operators, field prefixes, quotes and wildcards where they were.
 */
final class QueryCorrector {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'\u2019]*");

  /** Most unknown words one query may have and still be respelled: each costs a fuzzy scan. */
  static final int MAX_UNKNOWN_WORDS = 8;

  /**
   * Longest word respelled: the edit automata grow with the word, and a longer unknown word is more
   * likely run-together words or noise than a typo.
   */
  static final int MAX_RESPELLED_LENGTH = 20;

  private QueryCorrector() {}

  /**
   * A respelled {@code query} that has hits under {@code toQuery}, or null when no respelling finds
   * anything or {@code timeUp} says so before a word is respelled.
   */
  static String suggest(
      IndexSearcher searcher,
      Analyzer analyzer,
      String query,
      Function<String, Query> toQuery,
      BooleanSupplier timeUp)
      throws IOException {
    String corrected = correct(searcher.getIndexReader(), analyzer, query, timeUp);
    if (corrected == null) {
      return null;
    }
    try {
      return searcher.count(toQuery.apply(corrected)) > 0 ? corrected : null;
    } catch (InvalidQueryException e) {
      return null;
    }
  }

  /**
   * {@code query} with each unknown word replaced by the closest indexed one, or null if none is.
   */
  static String correct(IndexReader reader, Analyzer analyzer, String query) throws IOException {
    return correct(reader, analyzer, query, () -> false);
  }

  private static String correct(
      IndexReader reader, Analyzer analyzer, String query, BooleanSupplier timeUp)
      throws IOException {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMinQueryLength(3);
    checker.setMaxQueryLength(MAX_RESPELLED_LENGTH);
    int unknown = 0;
    StringBuilder out = new StringBuilder(query.length());
    boolean changed = false;
    boolean inQuote = false;
    int rangeDepth = 0;
    String field = null;
    String quoteField = null;
    Matcher word = WORD.matcher(query);
    int i = 0;
    while (i < query.length()) {
      char c = query.charAt(i);
      if (c == '\\' && i + 1 < query.length()) {
        out.append(query, i, i + 2);
        i += 2;
        continue;
      }
      if (word.region(i, query.length()).lookingAt()) {
        String w = word.group();
        int end = word.end();
        char next = end < query.length() ? query.charAt(end) : ' ';
        char before = i > 0 ? query.charAt(i - 1) : ' ';
        if (!inQuote && next == ':') {
          field = w.toLowerCase(Locale.ROOT);
          out.append(w);
        } else {
          boolean asIs =
              rangeDepth > 0
                  || (!inQuote
                      && (w.equals("AND") || w.equals("OR") || w.equals("NOT") || w.equals("TO")))
                  || "*?~".indexOf(next) >= 0
                  || "*?".indexOf(before) >= 0
                  || w.chars().anyMatch(Character::isDigit);
          String wordField = inQuote ? quoteField : field;
          String replacement = w;
          if (!asIs && !known(reader, analyzer, w, wordField)) {
            if (++unknown > MAX_UNKNOWN_WORDS || timeUp.getAsBoolean()) {
              return null;
            }
            replacement = respell(reader, analyzer, checker, w, wordField);
          }
          changed |= !replacement.equals(w);
          out.append(replacement);
          if (!inQuote) {
            field = null;
          }
        }
        i = end;
        continue;
      }
      if (c == '"') {
        inQuote = !inQuote;
        quoteField = inQuote ? field : null;
        field = null;
      } else if (!inQuote && (c == '[' || c == '{')) {
        rangeDepth++;
      } else if (!inQuote && (c == ']' || c == '}')) {
        rangeDepth = Math.max(0, rangeDepth - 1);
        field = null;
      } else if (!inQuote && c == '(') {
        field = null;
      }
      out.append(c);
      i++;
    }
    return changed ? out.toString() : null;
  }

  /**
   * Whether the index holds {@code word} where it was asked for (fields never respelled count as
   * known).
   */
  private static boolean known(IndexReader reader, Analyzer analyzer, String word, String field)
      throws IOException {
    List<String> fields = spellingFields(field);
    if (fields.isEmpty()) {
      return true;
    }
    String normalized = analyzer.normalize(fields.get(0), word).utf8ToString();
    for (String f :
        field == null ? List.of(Schema.TEXT_EXACT, Schema.TITLE_EXACT, Schema.SPEAKER) : fields) {
      if (reader.docFreq(new Term(f, normalized)) > 0) {
        return true;
      }
    }
    return false;
  }

  private static String respell(
      IndexReader reader, Analyzer analyzer, DirectSpellChecker checker, String word, String field)
      throws IOException {
    List<String> fields = spellingFields(field);
    String normalized = analyzer.normalize(fields.get(0), word).utf8ToString();
    for (String f : fields) {
      SuggestWord[] suggestions =
          checker.suggestSimilar(
              new Term(f, normalized), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      if (suggestions.length > 0) {
        return inCaseOf(word, suggestions[0].string);
      }
    }
    return word;
  }

  /**
   * The unstemmed fields whose vocabulary respells a word written in {@code field} (null: none).
   */
  private static List<String> spellingFields(String field) {
    if (field == null || field.equals("text") || field.equals("title")) {
      return field != null && field.equals("title")
          ? List.of(Schema.TITLE_EXACT)
          : List.of(Schema.TEXT_EXACT, Schema.TITLE_EXACT);
    }
    return switch (field) {
      case "speaker" -> List.of(Schema.SPEAKER);
      case "source" -> List.of(Schema.SOURCE);
      case "author" -> List.of(Schema.AUTHOR);
      default -> List.of();
    };
  }

  private static String inCaseOf(String original, String suggestion) {
    if (original.length() > 1 && original.equals(original.toUpperCase(Locale.ROOT))) {
      return suggestion.toUpperCase(Locale.ROOT);
    }
    if (Character.isUpperCase(original.charAt(0))) {
      return Character.toUpperCase(suggestion.charAt(0)) + suggestion.substring(1);
    }
    return suggestion;
  }
}
