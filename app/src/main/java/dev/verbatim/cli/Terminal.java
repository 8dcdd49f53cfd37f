package dev.verbatim.cli;

/** Renders the API's HTML highlight passages as terminal text. */
final class Terminal {
  private static final String REVERSE = "\u001b[7m";
  private static final String RESET = "\u001b[0m";

  private Terminal() {}

  /**
   * {@code <mark>} becomes reverse video on a terminal, {@code [...]} otherwise; entities decoded.
   */
  static String render(String html, boolean ansi) {
    String marked =
        html.replace("<mark>", ansi ? REVERSE : "[").replace("</mark>", ansi ? RESET : "]");
    return marked
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .replace('\n', ' ');
  }
}
