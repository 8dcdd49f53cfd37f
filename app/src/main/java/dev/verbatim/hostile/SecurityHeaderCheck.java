package dev.verbatim.hostile;

import java.util.Map;

/** Which of the required security headers an answer lacks. Stateless. */
final class SecurityHeaderCheck {
  /** Header name to a fragment its value must contain. */
  static final Map<String, String> REQUIRED =
      Map.of(
          "content-security-policy", "script-src 'self'",
          "x-content-type-options", "nosniff",
          "referrer-policy", "no-referrer",
          "x-frame-options", "DENY");

  private SecurityHeaderCheck() {}

  /** Null when every header is there with the right value, else which is missing or wrong. */
  static String missing(RawHttp.Answer answer) {
    for (Map.Entry<String, String> required : REQUIRED.entrySet()) {
      String value = answer.header(required.getKey());
      if (value == null || !value.contains(required.getValue())) {
        return "header "
            + required.getKey()
            + " is "
            + (value == null ? "missing" : "'" + value + "'");
      }
    }
    return null;
  }
}
