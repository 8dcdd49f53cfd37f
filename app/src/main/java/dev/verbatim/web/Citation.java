package dev.verbatim.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one line a reporter pastes to cite a quote or an article: {@code “quote” — speaker,
 * “headline”, outlet, June 6, 2018, url}; a field that is not known is left out with its comma. The
 * page builds the same line (common.js, {@code citation}). Stateless.
 */
public final class Citation {
  private static final DateTimeFormatter LONG_DATE =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

  private Citation() {}

  /**
   * The citation of {@code quote} (null for an article) by {@code speaker} in the article {@code
   * headline} of {@code outlet} on {@code isoDate} at {@code url}; any may be null or blank.
   */
  public static String of(
      String quote, String speaker, String headline, String outlet, String isoDate, String url) {
    List<String> parts = new ArrayList<>();
    add(parts, speaker);
    if (present(headline)) {
      parts.add("“" + headline.strip() + "”");
    }
    add(parts, outlet);
    add(parts, longDate(isoDate));
    add(parts, url);
    String rest = String.join(", ", parts);
    if (!present(quote)) {
      return rest;
    }
    String quoted = "“" + quote.strip() + "”";
    return rest.isEmpty() ? quoted : quoted + " — " + rest;
  }

  /** "2018-06-06" as "June 6, 2018"; anything else as given. */
  static String longDate(String isoDate) {
    if (!present(isoDate)) {
      return null;
    }
    try {
      return LocalDate.parse(isoDate.strip()).format(LONG_DATE);
    } catch (DateTimeParseException e) {
      return isoDate.strip();
    }
  }

  private static void add(List<String> parts, String value) {
    if (present(value)) {
      parts.add(value.strip());
    }
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
