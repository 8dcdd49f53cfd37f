package dev.verbatim.corpus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lenient publication-date parsing: the formats news feeds and pages actually use. */
final class Dates {
  private static final Pattern ISO_DAY = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final List<DateTimeFormatter> TEXTUAL =
      List.of(
          DateTimeFormatter.RFC_1123_DATE_TIME,
          DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss.SS", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH));

  private Dates() {}

  /** The date in {@code value}, or null when there is none or it cannot be read. */
  static LocalDate parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String s = value.strip();
    Matcher iso = ISO_DAY.matcher(s);
    if (iso.lookingAt()) {
      try {
        return LocalDate.of(
            Integer.parseInt(iso.group(1)),
            Integer.parseInt(iso.group(2)),
            Integer.parseInt(iso.group(3)));
      } catch (RuntimeException invalid) {
        return null;
      }
    }
    for (DateTimeFormatter f : TEXTUAL) {
      try {
        return LocalDate.from(f.parse(s));
      } catch (java.time.DateTimeException tryNext) {
        // next format
      }
    }
    try {
      return OffsetDateTime.parse(s).toLocalDate();
    } catch (DateTimeParseException e) {
      try {
        return ZonedDateTime.parse(s).toLocalDate();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
