package dev.verbatim.quotes;

import static dev.verbatim.quotes.Fixtures.speaker;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code X described it as “…”}, {@code Y, which called it “…”}: the subject's words. */
class SpeechActCueTest {
  @Test
  void speechActsAttributeTheirSubject() throws Exception {
    List<Quote> q = Fixtures.quotes("speech-acts.txt");
    speaker(q, "a fair start", "Anna Ruiz", "cue-before/name");
    speaker(q, "a betrayal", "Fisheries Council", "cue-before/name");
    // passive, nobody named
    assertNull(
        q.stream()
            .filter(x -> x.text().startsWith("a gamble"))
            .findFirst()
            .orElseThrow()
            .speaker());
    // "branded … by the opposition": passive, not the sentence's subject
    speaker(q, "climbdown", null, null);
  }
}
