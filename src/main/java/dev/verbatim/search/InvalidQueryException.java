package dev.verbatim.search;

/**
 * A query string or request setting that cannot be searched; the message says what is wrong in
 * words a user can act on. Immutable and thread-safe.
 */
public final class InvalidQueryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidQueryException(String message) {
    super(message);
  }

  public InvalidQueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
