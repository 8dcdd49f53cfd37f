package dev.verbatim.quotes;

import static dev.verbatim.quotes.Fixtures.speaker;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run of sentences whose subject is the same pronoun is about one person; a pronoun after a
 * leading clause ({@code When X arrived, he …}) is that clause's subject.
 */
class PronounChainTest {
  @Test
  void aChainOfPronounSubjectsGoesBackToOneName() throws Exception {
    List<Quote> q = Fixtures.quotes("chains.txt");
    // three sentences opening with "He"/"So he", the objects named in them are no candidates
    Quote brandt = speaker(q, "They have made my job", "Tomas Brandt", "cue-after/pronoun");
    assertEquals("Tomas Brandt", brandt.evidence().antecedent().text());
  }

  @Test
  void aPronounAfterALeadingClauseIsThatClausesSubject() throws Exception {
    List<Quote> q = Fixtures.quotes("chains.txt");
    speaker(q, "We have kept our word", "Rosa Delgado", "cue-after/pronoun");
    // the clause's subject is someone described, not named: nobody, not the last man named
    speaker(q, "He saves what nobody", null, "cue-after/unresolved");
  }

  @Test
  void aPronounInsideTheSentenceOfItsSubjectDoesNotChain() throws Exception {
    List<Quote> q = Fixtures.quotes("chains.txt");
    // "Coach Martin Hale acknowledged …, but he stressed …": he is Hale
    speaker(q, "We concede less", "Martin Hale", "cue-after/pronoun");
    // "After Moss criticised him, he said": not the clause's subject; the sentence before decides
    speaker(q, "There is nothing to add", "Joe Abara", "cue-after/pronoun");
  }
}
