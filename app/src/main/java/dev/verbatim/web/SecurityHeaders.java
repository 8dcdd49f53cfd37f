package dev.verbatim.web;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The headers every response carries, whoever writes it (a route, the static files, Javalin's 404,
 * or Jetty rejecting a malformed request). Stateless.
 */
final class SecurityHeaders {
  // No inline script or style anywhere: the page loads app.js and app.css from its own origin, so
  // even a highlight that escaped escaping could not run. data: images cover inline icons only.
  static final Map<String, String> ALL =
      Map.of(
          "Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
          "X-Content-Type-Options",
          "nosniff",
          "Referrer-Policy",
          "no-referrer",
          "X-Frame-Options",
          "DENY");

  private SecurityHeaders() {}

  /** Sets every header through {@code setter} (a Javalin context or a Jetty field list). */
  static void apply(BiConsumer<String, String> setter) {
    ALL.forEach(setter);
  }
}
