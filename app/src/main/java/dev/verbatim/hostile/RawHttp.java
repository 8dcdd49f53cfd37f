package dev.verbatim.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately naive HTTP/1.1 client that sends the request target byte for byte: a normal client
 * would refuse, normalize or re-encode exactly the malformed URLs this suite is about. Stateless
 * and thread-safe; one connection per request.
 */
final class RawHttp {
  private final int port;
  private final int timeoutMillis;

  RawHttp(int port, int timeoutMillis) {
    this.port = port;
    this.timeoutMillis = timeoutMillis;
  }

  /** One answer: status, headers (names lower-cased) and body as UTF-8, and how long it took. */
  record Answer(int status, Map<String, String> headers, String body, long nanos) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** {@code GET target}; {@code target} is sent as ISO-8859-1, so each char is one raw byte. */
  Answer get(String target) throws IOException {
    return send("GET", target, Map.of());
  }

  Answer send(String method, String target, Map<String, String> extraHeaders) throws IOException {
    long start = System.nanoTime();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      head.append("Host: 127.0.0.1:").append(port).append("\r\n");
      head.append("Connection: close\r\n");
      extraHeaders.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      if (!method.equals("GET")) {
        head.append("Content-Length: 0\r\n");
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return read(socket.getInputStream(), start);
    }
  }

  private static Answer read(InputStream in, long start) throws IOException {
    byte[] all = in.readAllBytes();
    int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    if (split < 0) {
      throw new IOException("no complete HTTP response head in " + all.length + " bytes");
    }
    String[] lines = new String(all, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    int status = Integer.parseInt(statusLine[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
    }
    byte[] body = java.util.Arrays.copyOfRange(all, split + 4, all.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Answer(
        status, headers, new String(body, StandardCharsets.UTF_8), System.nanoTime() - start);
  }

  private static byte[] dechunk(byte[] chunked) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pos = 0;
    while (true) {
      int eol = indexOf(chunked, pos, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
      if (eol < 0) {
        throw new IOException("truncated chunked body");
      }
      String sizeLine = new String(chunked, pos, eol - pos, StandardCharsets.ISO_8859_1);
      int semicolon = sizeLine.indexOf(';');
      int size =
          Integer.parseInt(
              (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
      if (size == 0) {
        return out.toByteArray();
      }
      out.write(chunked, eol + 2, size);
      pos = eol + 2 + size + 2;
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    return indexOf(haystack, 0, needle);
  }

  private static int indexOf(byte[] haystack, int from, byte[] needle) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
