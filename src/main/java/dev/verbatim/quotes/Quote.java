package dev.verbatim.quotes;

import java.util.Objects;

/**
 * One quoted span in an article, with who said it. Immutable and thread-safe.
 *
 * @param offset char offset of the opening quote mark in the article text
 * @param length chars from the opening mark through the closing mark (inclusive)
 * @param text the quoted words, without the marks
 * @param kind full quotation, partial, or not a quote at all
 * @param speaker the canonical name of who said it, or null when the evidence is weak
 * @param cue the verb or phrase that attributes it ({@code said}, {@code according to}), or null
 * @param mention where the text names the speaker for this quote ({@code she}, {@code Kardashian}),
 *     or null
 */
public record Quote(
    int offset,
    int length,
    String text,
    QuoteKind kind,
    String speaker,
    String cue,
    Mention mention) {

  public Quote {
    if (offset < 0 || length < 2) {
      throw new IllegalArgumentException(
          "a quote needs offset >= 0 and length >= 2, got offset=" + offset + " length=" + length);
    }
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
  }

  /** The char offset just past the closing mark. */
  public int end() {
    return offset + length;
  }

  /**
   * A span of article text that names a speaker. Immutable.
   *
   * @param text the words as written ({@code she}, {@code a spokesperson for the company})
   * @param offset char offset of those words in the article text
   */
  public record Mention(String text, int offset) {
    public Mention {
      Objects.requireNonNull(text, "text");
    }
  }
}
