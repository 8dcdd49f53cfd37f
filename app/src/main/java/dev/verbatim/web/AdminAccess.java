package dev.verbatim.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Turns on the state-changing routes ({@code POST /api/admin/reload} and, with a corpus, {@code
 * POST /api/admin/reindex}) for callers presenting {@code Authorization: Bearer <token>}. Immutable
 * and thread-safe; its {@code toString} never shows the token.
 *
 * @param token the shared secret, at least {@value #MIN_TOKEN_LENGTH} characters
 * @param corpus the corpus folder a reindex reads, or null to leave reindexing off
 * @param index the index folder a reindex writes, or null to leave reindexing off
 */
public record AdminAccess(String token, Path corpus, Path index) {
  /** Shorter secrets are guessable over a network; refuse them rather than serve with one. */
  public static final int MIN_TOKEN_LENGTH = 16;

  public AdminAccess {
    if (token == null || token.strip().length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException(
          "admin token must be at least "
              + MIN_TOKEN_LENGTH
              + " non-blank characters, got "
              + (token == null ? "none" : token.strip().length() + " characters"));
    }
    token = token.strip();
    if ((corpus == null) != (index == null)) {
      throw new IllegalArgumentException(
          "reindexing needs both a corpus and an index folder, got corpus="
              + corpus
              + " index="
              + index);
    }
  }

  /**
   * Admin access with the token read from {@code tokenFile} (surrounding whitespace dropped).
   *
   * @throws IOException when the file cannot be read
   */
  public static AdminAccess fromFile(Path tokenFile, Path corpus, Path index) throws IOException {
    return new AdminAccess(Files.readString(tokenFile, StandardCharsets.UTF_8), corpus, index);
  }

  /** Whether {@code authorization} (an HTTP header value, maybe null) carries this token. */
  boolean allows(String authorization) {
    String prefix = "Bearer ";
    if (authorization == null
        || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return false;
    }
    // Digests first so the comparison takes the same time whatever the length or the first
    // wrong character of a guess.
    return MessageDigest.isEqual(
        sha256(authorization.substring(prefix.length()).strip()), sha256(token));
  }

  boolean canReindex() {
    return corpus != null;
  }

  @Override
  public String toString() {
    return "AdminAccess[token=(hidden), corpus=" + corpus + ", index=" + index + "]";
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
