package dev.verbatim.quotes;

import static dev.verbatim.quotes.Fixtures.speaker;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code The show's director is Callum Reid.}: the copula names who the description is. */
class CopulaTest {
  @Test
  void theNameAfterIsIsTheSubject() throws Exception {
    List<Quote> q = Fixtures.quotes("copulas.txt");
    speaker(q, "It will be sung", "Callum Reid", "cue-after/pronoun");
    // "The problem is Edinburgh": a thing, not a person; "he" goes on with Reid
    speaker(q, "We may end up in a tent", "Callum Reid", "cue-after/pronoun");
    // "… is a violinist from Leeds": someone new and unnamed, so nobody
    speaker(q, "I have never conducted", null, "cue-after/unresolved");
  }
}
