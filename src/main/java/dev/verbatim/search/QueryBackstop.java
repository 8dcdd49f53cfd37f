package dev.verbatim.search;

import java.util.function.Supplier;

/**
 * The last line behind the parser's own limits: a failure while turning a query string into a
 * Lucene query is the query's fault, so it becomes an {@link InvalidQueryException} (400), never
 * a server error. Stateless.
 */
final class QueryBackstop {
  private QueryBackstop() {}

  /** {@code parse}'s query; its overflow or refusal as an {@link InvalidQueryException}. */
  static <T> T guard(Supplier<T> parse) {
    try {
      return parse.get();
    } catch (InvalidQueryException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // Lucene refuses some values the grammar accepts, e.g. a negative proximity ("a b"~-1).
      throw new InvalidQueryException("query cannot be searched: " + e.getMessage(), e);
    } catch (StackOverflowError e) {
      // The parser recurses once per nesting level; the stack is unwound by the time we are here.
      throw new InvalidQueryException("query nests too deeply; remove some parentheses", e);
    }
  }
}
