package dev.verbatim.quotes;

import static dev.verbatim.quotes.Fixtures.speaker;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cue shapes after a quote: an unlisted past-tense verb before a titled name, a participle after
 * the closing mark, a lead-in ({@code was due to say}), an age as the subject, and a cue we cannot
 * read, which keeps the quote from going on from the previous speaker.
 */
class CueShapeTest {
  @Test
  void cuesAfterTheClosingMark() throws Exception {
    List<Quote> q = Fixtures.quotes("cues2.txt");
    speaker(q, "The offer on the table", "Patel", "cue-after/name");
    // ", saying …" with no cue before: the participle's subject is the sentence's, not "the offer"
    speaker(q, "utter disgust", "Joe Marr", "cue-after/name");
    // with a cue before the quote, that cue is the quote's own
    speaker(q, "breaking point", "Rita Sandoval", "cue-before/name");
    speaker(q, "Both sides need", "Owen Leary", "cue-after/pronoun");
    speaker(q, "I have never seen it this bad", "Eddie Brooks", "cue-after/role");
    speaker(q, "People are scared", "Eddie Brooks", "continues/role");
  }

  @Test
  void aCueWeCannotReadKeepsTheQuoteFromTheLastSpeaker() throws Exception {
    List<Quote> q = Fixtures.quotes("cues2.txt");
    speaker(q, "We will not be moved", null, null);
    speaker(q, "Not this year", null, null);
    speaker(q, "no comment", null, "cue-after/unresolved");
  }
}
