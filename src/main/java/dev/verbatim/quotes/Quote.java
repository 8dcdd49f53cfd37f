package dev.verbatim.quotes;

import java.util.Locale;
import java.util.Objects;

/**
 * One quoted span in an article, with who said it and why we think so. Immutable and thread-safe.
 *
 * @param offset char offset of the opening quote mark in the article text
 * @param length chars from the opening mark through the closing mark (inclusive)
 * @param text the quoted words, without the outer marks
 * @param kind full quotation, partial, or not a quote at all
 * @param speaker the speaker's fullest name in the article, or a description ({@code a BBC
 *     spokeswoman}) when the article names nobody; null when the evidence is weak
 * @param evidence how the speaker was found, or null when no rule named one
 */
public record Quote(
    int offset, int length, String text, Kind kind, String speaker, Evidence evidence) {

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

  /** The verb or phrase that attributes the quote ({@code said}, {@code according to}), or null. */
  public String cue() {
    return evidence == null || evidence.cue() == null ? null : evidence.cue().text();
  }

  /**
   * Where the text names the speaker next to this quote ({@code she}, {@code Kardashian}), or null.
   */
  public Mention mention() {
    return evidence == null ? null : evidence.mention();
  }

  /**
   * A span of article text. Immutable and thread-safe.
   *
   * @param text the words as written ({@code she}, {@code a spokesperson for the company})
   * @param offset char offset of those words in the article text
   */
  public record Mention(String text, int offset) {
    public Mention {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * The chain from the quote to its speaker: {@code he} -> Ann Reyes, named at offset 812, cue
   * {@code told}. Immutable and thread-safe.
   *
   * @param rule the rule that attributed the quote, as {@code sieve/resolution} ({@code
   *     cue-after/pronoun}, {@code continues/previous-quote})
   * @param cue the cue next to the quote, or null for a quote that only goes on from an earlier one
   * @param mention the words next to the quote pointing at the speaker, or null
   * @param antecedent where the article names the speaker that {@code mention} (or the earlier
   *     quote) refers to, or null when the mention is the name itself
   */
  public record Evidence(String rule, Mention cue, Mention mention, Mention antecedent) {
    public Evidence {
      Objects.requireNonNull(rule, "rule");
    }
  }

  /** What a quoted span is. Immutable and thread-safe. */
  public enum Kind {
    /** A whole quotation: one or more sentences someone said or wrote. */
    FULL,
    /**
     * A fragment of someone's words woven into reported speech ({@code said she was “in
     * desperation”}).
     */
    PARTIAL,
    /**
     * Quote marks that do not quote anyone: names of publications, titles, nicknames, scare quotes.
     */
    NOT_A_QUOTE;

    /**
     * The lower-case, hyphenated name used in JSON and the index: {@code full}, {@code
     * not-a-quote}.
     */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind whose {@link #label()} is {@code label}. */
    public static Kind fromLabel(String label) {
      for (Kind k : values()) {
        if (k.label().equals(label)) {
          return k;
        }
      }
      throw new IllegalArgumentException(
          "unknown quote kind '" + label + "'; expected one of full, partial, not-a-quote");
    }
  }
}
