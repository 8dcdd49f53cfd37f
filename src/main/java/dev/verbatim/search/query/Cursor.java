package dev.verbatim.search.query;

import dev.verbatim.search.InvalidQueryException;
import dev.verbatim.search.SearchRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;

/**
 * The opaque {@code nextCursor}: where the last hit of a page stands in the sort order, so the next
 * page can start after it (search-after) instead of collecting and skipping everything before it.
 * Tied to the request it came from; Lucene doc ids are part of it, so a cursor is meant for walking
 * a result soon after getting it, not for bookmarking across reindexes. Immutable.
 */
public record Cursor(
    SearchRequest.SortOrder sort,
    int requestKey,
    long date,
    float score,
    int doc,
    boolean inWindow,
    Window window) {
  /**
   * The scale that puts first-pass scores below the re-ranked candidates: a match after them is
   * shown with {@code nextDown(floor) * score / depthScore}, so scores fall down the whole result.
   *
   * @param floor the lowest second-pass score among the candidates
   * @param depthScore the first-pass score of the last candidate
   */
  public record Window(float floor, float depthScore) {
    public static final Window NONE = new Window(0, 0);

    public float shown(float firstPassScore) {
      return depthScore > 0 ? Math.nextDown(floor) * (firstPassScore / depthScore) : firstPassScore;
    }
  }

  private static final String VERSION = "2";
  private static final String SEP = "~";

  /**
   * The cursor for {@code last}, a hit of {@code request} found with the local searcher's sort: a
   * position among the re-ranked candidates ({@code inWindow}, by their second-pass score) or in
   * the first pass's order after them, with the {@code window}'s scale for showing those scores.
   */
  public static Cursor after(
      SearchRequest request, ScoreDoc last, boolean inWindow, Window window) {
    long date = last instanceof FieldDoc fd ? (Long) fd.fields[0] : 0L;
    return new Cursor(
        request.sort(), requestKey(request), date, last.score, last.doc, inWindow, window);
  }

  public String encode() {
    String plain =
        String.join(
            SEP,
            VERSION,
            sort.label(),
            Integer.toHexString(requestKey),
            Long.toString(date),
            Integer.toHexString(Float.floatToIntBits(score)),
            Integer.toString(doc),
            inWindow ? "w" : "t",
            Integer.toHexString(Float.floatToIntBits(window.floor())),
            Integer.toHexString(Float.floatToIntBits(window.depthScore())));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a cursor made by {@link #encode()}.
   *
   * @throws InvalidQueryException when {@code text} is not one
   */
  public static Cursor decode(String text) {
    try {
      // A backend's snapshot may follow a dot (outside Base64url's alphabet): see OffsetCursor.
      int dot = text.indexOf('.');
      String head = dot < 0 ? text : text.substring(0, dot);
      String[] parts =
          new String(Base64.getUrlDecoder().decode(head), StandardCharsets.UTF_8).split(SEP, -1);
      if (parts.length != 9 || !VERSION.equals(parts[0]) || !"wt".contains(parts[6])) {
        throw new IllegalArgumentException("wrong shape");
      }
      int doc = Integer.parseInt(parts[5]);
      if (doc < 0 || parts[6].length() != 1) {
        throw new IllegalArgumentException("negative doc");
      }
      return new Cursor(
          SearchRequest.SortOrder.fromLabel(parts[1]),
          Integer.parseUnsignedInt(parts[2], 16),
          Long.parseLong(parts[3]),
          floatOf(parts[4]),
          doc,
          parts[6].equals("w"),
          new Window(floatOf(parts[7]), floatOf(parts[8])));
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException(
          "malformed cursor '"
              + abbreviate(text)
              + "'; pass the nextCursor of the previous page unchanged");
    }
  }

  private static float floatOf(String hex) {
    return Float.intBitsToFloat(Integer.parseUnsignedInt(hex, 16));
  }

  /** Checks that this cursor came from a page of {@code request}. */
  public void checkBelongsTo(SearchRequest request) {
    if (sort != request.sort() || requestKey != requestKey(request)) {
      throw new InvalidQueryException(
          "cursor belongs to a different query, filter or sort; start again without a cursor");
    }
  }

  /** The position as Lucene's search-after wants it for this sort. */
  public ScoreDoc toScoreDoc() {
    return sort == SearchRequest.SortOrder.DATE
        ? new FieldDoc(doc, score, new Object[] {date, score})
        : new ScoreDoc(doc, score);
  }

  /** Whether {@code hit} sorts at or before this position: a walk that got here has shown it. */
  public boolean passed(ScoreDoc hit) {
    return compare(hit, toScoreDoc(), sort) <= 0;
  }

  /** Negative when {@code a} sorts before {@code b}: as the collectors order hits. */
  public static int compare(ScoreDoc a, ScoreDoc b, SearchRequest.SortOrder sort) {
    if (sort == SearchRequest.SortOrder.DATE) {
      int byDate = Long.compare((Long) ((FieldDoc) b).fields[0], (Long) ((FieldDoc) a).fields[0]);
      if (byDate != 0) {
        return byDate;
      }
    }
    int byScore = Float.compare(b.score, a.score);
    return byScore != 0 ? byScore : Integer.compare(a.doc, b.doc);
  }

  // Stable across JVMs (String.hashCode is specified), so a cursor survives a server restart.
  static int requestKey(SearchRequest r) {
    return String.join(
            "\u0001",
            r.query(),
            r.type() == null ? "" : r.type().label(),
            String.valueOf(r.speaker()),
            String.valueOf(r.source()),
            String.valueOf(r.date()),
            r.sort().label())
        .hashCode();
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
