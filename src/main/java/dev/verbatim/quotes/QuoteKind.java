package dev.verbatim.quotes;

import java.util.Locale;

/** What a quoted span is. Immutable and thread-safe. */
public enum QuoteKind {
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
   * The lower-case, hyphenated name used in JSON and the index: {@code full}, {@code not-a-quote}.
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The kind whose {@link #label()} is {@code label}. */
  public static QuoteKind fromLabel(String label) {
    for (QuoteKind k : values()) {
      if (k.label().equals(label)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown quote kind '" + label + "'; expected one of full, partial, not-a-quote");
  }
}
