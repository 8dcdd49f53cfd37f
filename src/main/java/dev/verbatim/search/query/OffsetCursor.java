package dev.verbatim.search.query;

import dev.verbatim.search.InvalidQueryException;
import dev.verbatim.search.SearchRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Cursors for a backend that pages by position rather than by Lucene's search-after: the same
 * opaque, URL-safe shape as the local {@code nextCursor}, tied to the query, filters and sort in
 * the same way, holding the offset of the next page and, optionally, the backend's name for the
 * snapshot of the index that the pages are taken from (a cluster's point in time). Stateless.
 */
public final class OffsetCursor {
  // A local cursor never holds this date with a NaN score: it marks an offset cursor.
  private static final long MARK = Long.MIN_VALUE;

  private OffsetCursor() {}

  /** The cursor of the page of {@code request} that starts at {@code offset}. */
  public static String of(SearchRequest request, int offset) {
    return new Cursor(
            request.sort(),
            Cursor.requestKey(request),
            MARK,
            Float.NaN,
            offset,
            false,
            Cursor.Window.NONE)
        .encode();
  }

  /**
   * The cursor of the page of {@code request} that starts at {@code offset} in the backend's {@code
   * snapshot}, which {@link #snapshot} gives back unchanged.
   */
  public static String of(SearchRequest request, int offset, String snapshot) {
    return of(request, offset)
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(snapshot.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The offset {@code request}'s cursor points at.
   *
   * @throws InvalidQueryException when the cursor is not one of {@link #of}, or came from another
   *     query, filter or sort
   */
  public static int offset(SearchRequest request) {
    Cursor c = Cursor.decode(request.cursor());
    c.checkBelongsTo(request);
    if (c.date() != MARK || !Float.isNaN(c.score())) {
      throw new InvalidQueryException(
          "this cursor is from a local index; start again without a cursor");
    }
    if ((long) c.doc() + request.limit() > SearchRequest.MAX_WINDOW) {
      throw new InvalidQueryException(
          "a page may reach at most " + SearchRequest.MAX_WINDOW + " results deep on a cluster");
    }
    return c.doc();
  }

  /**
   * The snapshot {@code request}'s cursor was made with, or null when it has none.
   *
   * @throws InvalidQueryException when the cursor is malformed
   */
  public static String snapshot(SearchRequest request) {
    String cursor = request.cursor();
    int dot = cursor == null ? -1 : cursor.indexOf('.');
    if (dot < 0) {
      return null;
    }
    try {
      return new String(
          Base64.getUrlDecoder().decode(cursor.substring(dot + 1)), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException(
          "malformed cursor; pass the nextCursor of the previous page unchanged");
    }
  }
}
