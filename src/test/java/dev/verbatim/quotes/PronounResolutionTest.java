package dev.verbatim.quotes;

import static dev.verbatim.quotes.Fixtures.speaker;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code he}/{@code she} resolve to the subject or speaker they refer back to, never an object. */
class PronounResolutionTest {
  @Test
  void pronounsFollowSubjectsAndSpeakersNotObjects() throws Exception {
    List<Quote> q = Fixtures.quotes("pronouns.txt");
    // "hosted by transport secretary Daniel Price": an object, not the antecedent of "she"
    Quote first = speaker(q, "We have checked", "Mira Okafor", "cue-after/pronoun");
    assertEquals("Mira Okafor", first.evidence().antecedent().text());
    // "…, but on Tuesday union leader Colm Byrne said he …": the subject of the last "said"
    speaker(q, "It keeps two hundred", "Colm Byrne", "cue-after/pronoun");
    // a title-like word opening the sentence is not part of the name
    speaker(q, "a danger to everyone", "Petra Lind", "cue-before/name");
    speaker(q, "It is a relief", "Petra Lind", "cue-after/pronoun");
    // "she" showed Petra Lind is a woman: "he" goes back past her to the last man who spoke
    speaker(q, "Nobody will be sorry", "Colm Byrne", "cue-after/pronoun");
  }
}
