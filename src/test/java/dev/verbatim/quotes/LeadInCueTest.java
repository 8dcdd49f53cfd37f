package dev.verbatim.quotes;

import static dev.verbatim.quotes.Fixtures.speaker;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cues with words between the speaker and the quote, and a bare name with a colon. */
class LeadInCueTest {
  @Test
  void cuesReachTheirSubjectPastAppositivesLeadInsAndPossessives() throws Exception {
    List<Quote> q = Fixtures.quotes("leadins.txt");
    speaker(q, "in a way that cannot last", "Anne Morrow", "cue-before/name"); // "- a judge -"
    speaker(q, "We will not wait", "Jo Quayle", "cue-before/name"); // "said … and added:"
    speaker(q, "The tide is the boss", "Tim Rowe", "cue-before/name"); // "Harbour master X:"
    speaker(q, "Nobody argues", "Tim Rowe", "cue-before/name"); // "went on to say:"
    speaker(q, "within reach", "Karin Holm", "cue-before/name"); // "Denmark's … Karin Holm"
    // a colon after a verb, not a name: a work, not a person
    speaker(q, "Ports must share", null, null);
    // a stray comma between the name and its verb
    speaker(q, "We were ready for it", "Ana Bell", "cue-after/name");
    // "the harbour report was": a noun, not the verb "report"
    speaker(q, "much too gloomy", "Tim Rowe", "cue-before/name");
  }
}
