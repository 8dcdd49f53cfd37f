package dev.verbatim.quotes;

import static dev.verbatim.quotes.Fixtures.speaker;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Names as news writes them: a capital "The" inside a sentence ({@code The Prophet}), a plural
 * possessive ({@code PBS' Maria Ortiz}), digits in mixed case ({@code 4Tune}), a place after a
 * particle ({@code Stade de France} is not "France").
 */
class NameFormTest {
  @Test
  void aCapitalTheInsideASentenceIsPartOfTheName() throws Exception {
    List<Quote> q = Fixtures.quotes("nameforms.txt");
    speaker(q, "my family", "The Prophet", "cue-before/name");
    speaker(q, "Nobody made me", "The Prophet", "cue-after/pronoun");
    // "The Long Night" opening a sentence is the album, no person: "he" is the rapper again
    speaker(q, "I wrote it in a week", "The Prophet", "cue-after/pronoun");
    // a band "who are touring" is no person
    speaker(q, "We wish him the best", null, "cue-after/unresolved");
  }

  @Test
  void possessivesAndMixedCaseNames() throws Exception {
    List<Quote> q = Fixtures.quotes("nameforms.txt");
    speaker(q, "We part as friends", "4Tune", "cue-after/name");
    speaker(q, "It was time for both", "Jo Marsh", "cue-after/name");
    speaker(q, "The music was getting stale", "Maria Ortiz", "cue-after/name");
  }

  @Test
  void aPlaceAfterAParticleIsNotTheWordAlone() throws Exception {
    List<Quote> q = Fixtures.quotes("particles.txt");
    // "France" is not the "Stade de France", so it gives no person; the captain does
    speaker(q, "We can still get better", "Luc Moreau", "cue-after/pronoun");
    speaker(q, "We are proud of this team", "France", "cue-after/name");
    // with a title, the word after the particle is the person's: "Mr de Varennes"
    speaker(q, "It was a great night", "Alain Boucher de Varennes", "cue-after/name");
    // "one fan from the town" is nobody we can name, and not Lord Hill of Oakley
    speaker(q, "Oakley has never seen", null, "cue-after/unresolved");
  }
}
