package dev.verbatim.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the client sends a secured cluster, seen by a real HTTP listener standing in for it (the
 * test node runs without the security plugin): the credentials from a file or the environment in
 * the Authorization header, and no secret in what it says when the cluster refuses them.
 */
class ClusterCredentialsTest {
  static final String PASSWORD = "s3cret-Pa55word";
  static final String API_KEY = "a2V5LWlkOmtleS1zZWNyZXQ=";
  static final String BASIC_TOKEN =
      Base64.getEncoder().encodeToString(("reader:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

  @TempDir Path tmp;
  private HttpServer server;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void listen() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          authorizations.add(
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          byte[] body =
              ("{\"error\":{\"type\":\"security_exception\",\"reason\":\"missing authentication"
                      + " credentials\"},\"status\":401}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(401, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ClusterSettings settings() {
    return ClusterSettings.of("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Test
  void basicAuthFromAFileIsSentAndNeverShown() throws Exception {
    Path passwordFile = Files.writeString(tmp.resolve("password"), PASSWORD + "\n");
    ClusterSettings s =
        settings()
            .withCredentialsFrom(
                null, passwordFile, null, Map.of(ClusterSettings.USER_ENV, "reader"));
    String said = refusal(s);
    assertEquals(List.of("Basic " + BASIC_TOKEN), authorizations);
    assertSecretsAbsent(said + " " + s);
  }

  @Test
  void anApiKeyFromTheEnvironmentIsSentAndNeverShown() throws Exception {
    ClusterSettings s =
        settings()
            .withCredentialsFrom(null, null, null, Map.of(ClusterSettings.API_KEY_ENV, API_KEY));
    String said = refusal(s);
    assertEquals(List.of("ApiKey " + API_KEY), authorizations);
    assertSecretsAbsent(said + " " + s);
  }

  @Test
  void noCredentialsSendsNoHeader() throws Exception {
    refusal(settings());
    assertEquals(List.of("null"), authorizations);
  }

  /** What the client says, as an exception and as a searcher's failed start, when refused. */
  private static String refusal(ClusterSettings s) throws IOException {
    try (Cluster cluster = Cluster.connect(s)) {
      IOException e =
          assertThrows(IOException.class, () -> cluster.call("GET", "/verbatim/_count", null));
      assertTrue(e.getMessage().contains("Unauthorized"), e.getMessage());
      return told(e);
    }
  }

  /** Everything an exception says: its message and its causes', as a stack trace shows them. */
  static String told(Throwable e) {
    StringBuilder said = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      said.append(t).append('\n');
    }
    return said.toString();
  }

  static void assertSecretsAbsent(String text) {
    for (String secret : List.of(PASSWORD, API_KEY, BASIC_TOKEN)) {
      assertFalse(text.contains(secret), "a secret in: " + text);
    }
  }
}
