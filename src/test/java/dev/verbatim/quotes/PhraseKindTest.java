package dev.verbatim.quotes;

import static dev.verbatim.quotes.Fixtures.speaker;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A capitalised phrase of a few words with no cue and no sentence punctuation ({@code the absence
 * of their old “Welsh magic”}) is a phrase, not a whole quotation, so it hides no speaker.
 */
class PhraseKindTest {
  @Test
  void aShortCapitalisedPhraseIsPartialAndBlocksNothing() throws Exception {
    List<Quote> q = Fixtures.quotes("kinds2.txt");
    assertEquals(Quote.Kind.PARTIAL, speaker(q, "Welsh magic", null, null).kind());
    // the phrase is no quote of an unknown speaker, so "he" reaches the captain
    speaker(q, "We are getting better", "Rhys Evans", "cue-after/pronoun");
  }
}
