package dev.verbatim.quotes;

import static dev.verbatim.quotes.Fixtures.speaker;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The speaker is the head of the phrase, not a name that modifies it (place, award, band). */
class NameHeadTest {
  @Test
  void modifiersAreNotSpeakers() throws Exception {
    List<Quote> q = Fixtures.quotes("modifiers.txt");
    speaker(q, "a credit to the country", "Erik Dahl", "cue-before/name");
    speaker(q, "I waited thirty years", "Tom Fenwick", "cue-after/pronoun");
    speaker(q, "The songs still matter", "Tom Fenwick", "cue-after/role");
    speaker(q, "Costs rose", "Sara Quill", "cue-after/name");
    // two people as one subject: nobody
    speaker(q, "very proud", null, null);
    // a peer's title and seat are part of the name
    speaker(q, "overdue", "Lord Hale of Kirkby", "cue-before/name");
    // a name ending in a title is a role: the one the article gave it
    speaker(q, "We need it", "Gary Lunn", "cue-after/role");
    // a weekday before a name is no part of it
    speaker(q, "ready at last", "Tony Marsh", "cue-before/name");
    // a name ending in a title is a role: the one the article gave it
    speaker(q, "We need it", "Gary Lunn", "cue-after/role");
    // a weekday before a name is no part of it
    speaker(q, "ready at last", "Tony Marsh", "cue-before/name");
  }
}
