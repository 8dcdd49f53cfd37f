package dev.verbatim.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** A request the cluster refused or could not be sent; the message says which and why. */
final class ClusterException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient JsonNode answer;

  ClusterException(int status, String message, JsonNode answer) {
    super(message);
    this.status = status;
    this.answer = answer;
  }

  /** The HTTP status, or 0 when the cluster could not be reached. */
  int status() {
    return status;
  }

  /** The error answer, or null. */
  JsonNode answer() {
    return answer;
  }
}
