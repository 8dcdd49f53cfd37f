package dev.verbatim.quotes;

import static dev.verbatim.quotes.Fixtures.speaker;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * People brought in without a reporting verb: whose view a sentence gives ({@code For X, …}), who
 * an inverted cue names after a possessive, a team position before a name, a sentence about the
 * last speaker before their next quote, a body that speaks through a spokeswoman, an appositive
 * left open.
 */
class ViewpointTest {
  private static List<Quote> q;

  @BeforeAll
  static void extract() throws Exception {
    q = Fixtures.quotes("viewpoints.txt");
  }

  @Test
  void aSentenceOpeningWithForAPersonGivesThePronounAfterIt() {
    Quote solberg = speaker(q, "They waited too long", "Henrik Solberg", "cue-after/pronoun");
    assertEquals("Henrik Solberg", solberg.evidence().antecedent().text());
    // "He believes …" between the quotes keeps the same person
    speaker(q, "There is room for two", "Henrik Solberg", "cue-after/pronoun");
    // the name with a long appositive after it
    speaker(q, "A terminal built in a hurry", "Ines Carvalho", "cue-after/pronoun");
    // "For many," and "For Labour," give no person: nobody
    speaker(q, "It is the same story", null, "cue-after/unresolved");
  }

  @Test
  void anInvertedCueAfterACommaNamesThePersonAfterTheVerb() {
    // "…, said Tidewater's chief operating officer Marta Lindqvist.": not "the Baltic" before it
    speaker(q, "We see the queues", "Marta Lindqvist", "cue-after/pronoun");
  }

  @Test
  void aTeamPositionBeforeANameLeadsToThePerson() {
    speaker(q, "It is a setback", "Gareth Pryce", "cue-before/pronoun");
  }

  @Test
  void aSentenceAboutTheLastSpeakerAloneCarriesTheirNextQuote() {
    speaker(q, "I would rather build", "Petra Lund", "about-before/pronoun");
    // the sentence between names someone else: nobody
    speaker(q, "We will miss them", null, null);
  }

  @Test
  void theOrganisationIsTheBodyASpokeswomanSpokeFor() {
    speaker(q, "reckless", "Harbour Watch", "cue-before/name");
    speaker(q, "The silt will be", "Harbour Watch", "cue-after/role");
  }

  @Test
  void anAppositiveWithoutItsClosingCommaLeadsBackToTheName() {
    speaker(q, "Nobody asked the fishermen", "Dag Holm", "cue-before/name");
    // a place after a preposition before the comma is nobody
    speaker(q, "The line will close", null, null);
  }
}
