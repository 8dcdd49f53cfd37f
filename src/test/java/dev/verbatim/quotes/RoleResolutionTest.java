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
    // a floating quote right after "X says …": X; "Forward" is no part of the name
    speaker(q, "We are fitter", "Ruud Vos", "reported-before/name");
    speaker(q, "This is money well spent", "Rivers and Coast Ministry", "cue-after/role");
    // an office nobody in the article holds: no speaker, whoever spoke last
    speaker(q, "long overdue", null, "cue-before/unresolved");
  }
}
