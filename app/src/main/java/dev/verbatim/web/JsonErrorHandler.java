package dev.verbatim.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a request line too long, an ambiguous or malformed URI, a header that
 * does not parse) in the API's shape: {@code {"error": ...}} with the security headers, instead of
 * Jetty's HTML page. These requests never reach Javalin, so its handlers cannot do it. Stateless
 * and thread-safe.
 */
final class JsonErrorHandler extends ErrorHandler {
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    SecurityHeaders.apply(fields::put);
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(status, reason));
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback)
      throws IOException {
    SecurityHeaders.apply(response.getHeaders()::put);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  // The reason Jetty gives can echo parts of the request; it is JSON-escaped by the mapper and
  // never shown as HTML, and internal detail (a stack trace) is never included.
  private static byte[] body(int status, String reason) {
    String message =
        reason == null || reason.isBlank() || status >= 500
            ? HttpStatus.getMessage(status)
            : reason;
    return Json.write(Map.of("error", message)).getBytes(StandardCharsets.UTF_8);
  }
}
