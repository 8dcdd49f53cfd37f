package dev.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.lucene.search.PhraseQuery;
import org.junit.jupiter.api.Test;

/** Failures caused by a query's shape answer 400; others stay what they are. */
class QueryBackstopTest {
  @Test
  void luceneRefusingAValueIsABadQuery() {
    InvalidQueryException e =
        assertThrows(
            InvalidQueryException.class,
            () -> QueryBackstop.parse(() -> new PhraseQuery(-1, "text", "oil", "prices")));
    assertTrue(e.getMessage().startsWith("query cannot be searched"), e.getMessage());
  }

  @Test
  void recursionThatOverflowsTheStackIsABadQuery() {
    InvalidQueryException e =
        assertThrows(InvalidQueryException.class, () -> QueryBackstop.parse(() -> depth(0)));
    assertTrue(e.getMessage().contains("nests too deeply"), e.getMessage());
    assertThrows(InvalidQueryException.class, () -> QueryBackstop.search(() -> depth(0)));
  }

  @Test
  void aSearchKeepsItsOtherFailures() {
    assertThrows(
        IllegalStateException.class,
        () ->
            QueryBackstop.search(
                () -> {
                  throw new IllegalStateException("bug");
                }));
    assertThrows(
        IOException.class,
        () ->
            QueryBackstop.search(
                () -> {
                  throw new IOException("disk");
                }));
  }

  @Test
  void goodQueriesAndOurOwnRefusalsPassThrough() throws Exception {
    assertEquals("x", QueryBackstop.parse(() -> "x"));
    InvalidQueryException own = new InvalidQueryException("mine");
    assertSame(
        own,
        assertThrows(
            InvalidQueryException.class,
            () ->
                QueryBackstop.parse(
                    () -> {
                      throw own;
                    })));
  }

  private static int depth(int n) {
    return depth(n + 1) + 1;
  }
}
