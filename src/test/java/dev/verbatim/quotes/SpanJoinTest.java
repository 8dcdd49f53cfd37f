package dev.verbatim.quotes;

import static dev.verbatim.quotes.Fixtures.speaker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A quote re-opened after a full stop where paragraphs ran together is one span. */
class SpanJoinTest {
  @Test
  void reopenedQuoteIsOneSpanAndGoesOnWithItsSpeaker() throws Exception {
    List<Quote> q = Fixtures.quotes("runtogether.txt");
    assertEquals(3, q.size(), q.toString());
    Quote joined = speaker(q, "The lads showed", "Dan Ivers", "continues/name");
    assertTrue(joined.text().endsWith("the results will come."), joined.text());
    speaker(q, "Our defence was good", "Sam Reed", "cue-after/name");
  }
}
