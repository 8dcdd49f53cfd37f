package dev.verbatim.search;

import java.io.IOException;

/**
 * The last line behind the parser's own limits: a failure caused by the shape of a query string
 * (Lucene refusing a value, or recursion over absurd nesting in the parser or in Lucene's rewrite)
 * is the query's fault, so it becomes an {@link InvalidQueryException} (400), never a server error.
 * Stateless.
 */
final class QueryBackstop {
  /** One step of answering a query. */
  interface Step<T> {
    T run() throws IOException;
  }

  private QueryBackstop() {}

  /**
   * {@code parse}'s query; Lucene's refusal or a stack overflow as an {@link
   * InvalidQueryException}.
   */
  static <T> T parse(Step<T> parse) throws IOException {
    try {
      return search(parse);
    } catch (InvalidQueryException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // Lucene refuses some values the grammar accepts, e.g. a negative proximity ("a b"~-1).
      throw new InvalidQueryException("query cannot be searched: " + e.getMessage(), e);
    }
  }

  /**
   * {@code search}'s result; a stack overflow (rewriting deep nesting) as an {@link
   * InvalidQueryException}.
   */
  static <T> T search(Step<T> search) throws IOException {
    try {
      return search.run();
    } catch (StackOverflowError e) {
      // Parsing and rewriting recurse once per nesting level; the stack is unwound by now.
      throw new InvalidQueryException("query nests too deeply; remove some parentheses", e);
    }
  }
}
