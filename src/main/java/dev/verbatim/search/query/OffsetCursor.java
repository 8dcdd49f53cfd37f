package dev.verbatim.search.query;

import dev.verbatim.search.InvalidQueryException;
import dev.verbatim.search.SearchRequest;

/**
 * Cursors for a backend that pages by position rather than by Lucene's search-after: the same
 * opaque, URL-safe shape as the local {@code nextCursor}, tied to the query, filters and sort in
 * the same way, holding the offset of the next page. Stateless.
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
}
