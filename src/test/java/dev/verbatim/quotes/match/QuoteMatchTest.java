package dev.verbatim.quotes.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The quote key and the same-quotation rule on small pairs of printings. */
class QuoteMatchTest {
  @Test
  void fingerprintIgnoresCaseMarksAndTrailingPunctuation() {
    String a = QuoteMatch.fingerprint("This is so unfair.");
    assertEquals(a, QuoteMatch.fingerprint("“This is so unfair,”"));
    assertEquals(a, QuoteMatch.fingerprint("this  is\nso UNFAIR"));
    assertEquals("dont stop", QuoteMatch.fingerprint("Don’t stop!"));
    assertEquals(QuoteMatch.fingerprint("don't stop"), QuoteMatch.fingerprint("Don’t stop!"));
    assertNotEquals(a, QuoteMatch.fingerprint("This is so fair."));
  }

  @Test
  void sameQuotationToleratesOneWordInLongQuotes() {
    assertTrue(QuoteMatch.sameQuotation("This is so unfair.", "“This is so unfair,”"));
    assertTrue(
        QuoteMatch.sameQuotation(
            "We will keep the harbour open all winter long.",
            "We will keep the harbor open all winter long."));
    assertTrue(
        QuoteMatch.sameQuotation(
            "We will keep the harbour open all winter.",
            "We will keep the harbour open all winter long."));
    assertFalse(
        QuoteMatch.sameQuotation(
            "We will keep the harbour open all winter.",
            "We will close the harbour for all winter."));
    assertFalse(QuoteMatch.sameQuotation("This is so unfair.", "This is so fair."));
  }

  @Test
  void sameQuotationForgivesEditorialMarksButNotNumbers() {
    String said = "We will keep the harbour open all winter long.";
    assertTrue(
        QuoteMatch.sameQuotation(
            said, "We [the city] will keep the harbour open — all winter long"));
    assertTrue(QuoteMatch.sameQuotation(said, "[We] will keep the harbour open all winter long"));
    assertTrue(QuoteMatch.sameQuotation(said, "We will keep the harbour open … winter long"));
    assertFalse(
        QuoteMatch.sameQuotation(
            "The fund needs item 5 approved today.", "The fund needs item 6 approved today."));
    assertFalse(
        QuoteMatch.sameQuotation(
            "The fund needs item 5 approved today.", "The fund needs item approved today."));
    assertEquals("we will keep", QuoteMatch.comparedWords("We [Mayor Quill] will... keep"));
  }
}
