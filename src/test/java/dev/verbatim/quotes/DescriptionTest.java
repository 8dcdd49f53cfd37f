package dev.verbatim.quotes;

import static dev.verbatim.quotes.Fixtures.speaker;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Unnamed people: a spokeswoman speaks for her organisation; a person's spokesman is described. */
class DescriptionTest {
  @Test
  void unnamedSpeakersAreTheirOrganisationOrADescription() throws Exception {
    List<Quote> q = Fixtures.quotes("descriptions.txt");
    speaker(q, "We are keeping the team", "Northwind TV", "cue-after/pronoun");
    speaker(q, "She does not want", "a spokesman for Lena Brook", "cue-after/description");
    speaker(q, "surprised", "Alan Ward's official spokesman", "cue-before/description");
  }
}
