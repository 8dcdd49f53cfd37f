package dev.verbatim.quotes;

/**
 * A run of tokens {@code [first, last]} of one article's {@link Tokens}, inclusive: the words
 * naming a speaker ({@code the White House}, {@code she}). Immutable.
 */
record Phrase(int first, int last) {
  Phrase {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException(
          "a phrase needs 0 <= first <= last, got " + first + ".." + last);
    }
  }

  /** A phrase of one token. */
  static Phrase of(int token) {
    return new Phrase(token, token);
  }

  boolean isSingle() {
    return first == last;
  }

  boolean contains(int token) {
    return token >= first && token <= last;
  }
}
