package dev.verbatim.quotes;

import static dev.verbatim.quotes.Fixtures.speaker;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code the British producer}, {@code the 34-year-old}, {@code the ministry}: named earlier. */
class RoleResolutionTest {
  @Test
  void rolesResolveToWhoTheArticleGaveThem() throws Exception {
    List<Quote> q = Fixtures.quotes("roles.txt");
    speaker(q, "It has taken four years", "Kevin Marsh", "cue-after/role");
    // "the 34-year-old" after "Forward Ruud Vos, 34, says": Vos; "Forward" is no part of the name
    speaker(q, "We are fitter", "Ruud Vos", "cue-after/role");
    // a floating quote right after "X says …": X
    speaker(q, "Everyone is fighting", "Ola Berg", "reported-before/name");
    speaker(q, "This is money well spent", "Rivers and Coast Ministry", "cue-after/role");
    // an office nobody in the article holds: no speaker, whoever spoke last
    speaker(q, "long overdue", null, "cue-before/unresolved");
  }

  @Test
  void ourCorrespondentIsTheOneTheArticleIntroduced() throws Exception {
    List<Quote> q = Fixtures.quotes("correspondents.txt");
    speaker(q, "a breach of trust", "Nina Shah", "cue-after/role");
    speaker(q, "some room for a deal", "Nina Shah", "cue-after/pronoun");
    // "our readers" are nobody in particular
    speaker(q, "the toughest in a generation", null, "cue-after/unresolved");
    // two correspondents named: "our correspondent" could be either
    speaker(Fixtures.quotes("twocorrespondents.txt"), "years behind", null, "cue-after/unresolved");
  }
}
