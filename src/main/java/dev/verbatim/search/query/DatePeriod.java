package dev.verbatim.search.query;

import dev.verbatim.index.schema.Schema;
import dev.verbatim.search.InvalidQueryException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.Query;

/**
 * A year, a month or a day, as users write dates in queries ({@code 2018}, {@code 2018-06}, {@code
 * 2018-06-06}), with its first and last day. Immutable.
 */
public record DatePeriod(LocalDate first, LocalDate last) {
  private static final Pattern SHAPE = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");

  /**
   * The period {@code value} names.
   *
   * @throws InvalidQueryException when it is not a year, month or day
   */
  public static DatePeriod parse(String value) {
    String v = value.strip();
    Matcher m = SHAPE.matcher(v);
    try {
      if (m.matches()) {
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) == null) {
          return new DatePeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
        if (m.group(3) == null) {
          return new DatePeriod(month.atDay(1), month.atEndOfMonth());
        }
        LocalDate day = month.atDay(Integer.parseInt(m.group(3)));
        return new DatePeriod(day, day);
      }
    } catch (DateTimeException e) {
      // Falls through to the one message below: the shape was right, the calendar says no.
    }
    throw new InvalidQueryException(
        "'" + value + "' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2018-06-06");
  }

  /** Documents dated on any day of this period. */
  public Query query() {
    return LongPoint.newRangeQuery(Schema.DATE, first.toEpochDay(), last.toEpochDay());
  }
}
