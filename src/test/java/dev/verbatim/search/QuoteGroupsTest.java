package dev.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuoteGroupsTest {
  @Test
  void distinctOrdsCountEachOrdinalOnceAsAListAndAsABitSet() {
    // A universe of 500 ordinals: the list turns into a bit set once it would hold 8 longs' worth.
    QuoteGroups.DistinctOrds grown = new QuoteGroups.DistinctOrds(500);
    QuoteGroups.DistinctOrds small = new QuoteGroups.DistinctOrds(500);
    for (int round = 0; round < 2; round++) {
      for (long ord = 0; ord < 300; ord += 1) {
        grown.add(ord);
      }
    }
    small.add(7);
    small.add(499);
    small.add(7);
    assertEquals(300, grown.count());
    assertEquals(2, small.count());

    // Merging a list into a bit set and a bit set into a list gives the same union.
    QuoteGroups.DistinctOrds listFirst = new QuoteGroups.DistinctOrds(500);
    listFirst.add(499);
    listFirst.addAll(grown);
    assertEquals(301, listFirst.count());
    grown.addAll(small);
    assertEquals(301, grown.count());
  }
}
