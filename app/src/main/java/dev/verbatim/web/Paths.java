package dev.verbatim.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** URL paths of the pages, escaped as the page's scripts escape them (common.js). Stateless. */
final class Paths {
  private Paths() {}

  /** One path segment: everything but unreserved characters escaped, spaces as %20. */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** An article id, whose slashes stay path separators. */
  static String path(String articleId) {
    StringBuilder out = new StringBuilder();
    for (String part : articleId.split("/", -1)) {
      if (!out.isEmpty()) {
        out.append('/');
      }
      out.append(segment(part));
    }
    return out.toString();
  }
}
