package dev.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.index.Schema;
import org.junit.jupiter.api.Test;

/** Parser failures that used to escape as server errors. */
class QueryBackstopTest {
  @Test
  void aNegativeProximityIsABadQuery() {
    InvalidQueryException e =
        assertThrows(
            InvalidQueryException.class,
            () -> QueryBackstop.parse(() -> QueryParsing.parse("\"oil prices\"~-1", Schema.analyzer())));
    assertTrue(e.getMessage().startsWith("query cannot be searched"), e.getMessage());
  }

  @Test
  void nestingThatOverflowsTheStackIsABadQuery() {
    String deep = "(".repeat(200_000) + "oil" + ")".repeat(200_000);
    InvalidQueryException e =
        assertThrows(
            InvalidQueryException.class, () -> QueryBackstop.parse(() -> QueryParsing.parse(deep, Schema.analyzer())));
    assertTrue(e.getMessage().contains("nests too deeply") || e.getMessage().contains("nest"), e.getMessage());
  }

  @Test
  void aSearchThatOverflowsIsABadQueryButOtherFailuresAreNot() {
    assertThrows(InvalidQueryException.class, () -> QueryBackstop.search(() -> { throw new StackOverflowError(); }));
    assertThrows(IllegalStateException.class, () -> QueryBackstop.search(() -> { throw new IllegalStateException("bug"); }));
    assertThrows(java.io.IOException.class, () -> QueryBackstop.search(() -> { throw new java.io.IOException("disk"); }));
  }

  @Test
  void goodQueriesAndOtherBadOnesPassThrough() throws Exception {
    assertEquals("x", QueryBackstop.parse(() -> "x"));
    InvalidQueryException own = new InvalidQueryException("mine");
    assertSame(own, assertThrows(InvalidQueryException.class, () -> QueryBackstop.parse(() -> { throw own; })));
  }
}
