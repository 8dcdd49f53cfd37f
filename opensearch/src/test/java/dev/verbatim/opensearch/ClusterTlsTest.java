package dev.verbatim.opensearch;

import static dev.verbatim.opensearch.ClusterCredentialsTest.API_KEY;
import static dev.verbatim.opensearch.ClusterCredentialsTest.BASIC_TOKEN;
import static dev.verbatim.opensearch.ClusterCredentialsTest.PASSWORD;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS with a given CA ({@code --opensearch-ca}), against a real HTTPS listener standing in for a
 * secured cluster (the test node runs without the security plugin). The certificates in {@link
 * #CERTS} are test-only, their keys public; {@code make-test-certs.sh} there made them with
 * openssl: {@code server.pem} is signed by {@code ca.pem} for 127.0.0.1, {@code elsewhere.pem} by
 * the same CA for another host, and {@code other-ca.pem} signed neither.
 */
class ClusterTlsTest {
  private static final Path CERTS = Path.of("opensearch/src/test/resources/tls");
  private static final Path CA = CERTS.resolve("ca.pem");

  /** What {@code GET /} answers on a cluster, cut down. */
  private static final String ROOT_ANSWER =
      "{\"name\":\"tls-stand-in\",\"cluster_name\":\"verbatim-test\","
          + "\"version\":{\"distribution\":\"opensearch\",\"number\":\"3.8.0\"}}";

  /** One request that reached the listener, so over TLS with a certificate the client trusted. */
  private record Seen(String request, String protocol, String authorization) {}

  @TempDir Path tmp;
  private HttpsServer server;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void aClusterSignedByTheGivenCaIsReachedOverTls() throws Exception {
    ClusterSettings s = listen("server.pem").withCaCertificate(CA);
    Path passwordFile = Files.writeString(tmp.resolve("password"), PASSWORD + "\n");
    ClusterSettings basic =
        s.withCredentialsFrom(null, passwordFile, null, Map.of(ClusterSettings.USER_ENV, "reader"));
    try (ClusterIndex index = ClusterIndex.connect(basic)) {
      assertEquals("verbatim", index.alias());
    }
    // Connects when the listener says the index exists.
    ClusterSearcher.connect(s.withApiKey(API_KEY)).close();
    assertEquals(
        List.of("GET /", "HEAD /verbatim"), seen.stream().map(Seen::request).toList(), "" + seen);
    assertEquals(
        List.of("Basic " + BASIC_TOKEN, "ApiKey " + API_KEY),
        seen.stream().map(Seen::authorization).toList());
    for (Seen request : seen) {
      assertTrue(request.protocol().startsWith("TLSv1."), request.protocol());
    }
  }

  @Test
  void withoutTheCaTheCertificateIsRefusedAndNoCredentialIsSent() throws Exception {
    ClusterSettings s = listen("server.pem").withBasicAuth("reader", PASSWORD);
    String message = refusal(() -> ClusterIndex.connect(s).close());
    assertMentions(message, "TLS certificate", s.url().toString(), "JDK's trusted CAs");
    assertMentions(message, "--opensearch-ca", "certification path");
    assertEquals(List.of(), seen, "nothing reaches a server the client does not trust");
  }

  @Test
  void aDifferentCaIsRefused() throws Exception {
    Path other = CERTS.resolve("other-ca.pem");
    ClusterSettings s = listen("server.pem").withCaCertificate(other).withApiKey(API_KEY);
    String message = refusal(() -> ClusterSearcher.connect(s).close());
    assertMentions(message, "TLS certificate", s.url().toString(), other.toString());
    assertMentions(message, "--opensearch-ca", "certification path");
    assertEquals(List.of(), seen);
  }

  @Test
  void aCertificateForAnotherHostIsRefusedThoughTheCaSignedIt() throws Exception {
    ClusterSettings s =
        listen("elsewhere.pem").withCaCertificate(CA).withBasicAuth("reader", PASSWORD);
    String message = refusal(() -> ClusterIndex.connect(s).close());
    assertMentions(message, "TLS certificate", CA.toString(), "127.0.0.1", "host name");
    assertEquals(List.of(), seen);
  }

  @Test
  void aPortThatNeverAnswersTheHandshakeFailsInSeconds() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      List<Socket> accepted = new CopyOnWriteArrayList<>();
      Thread acceptor =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      while (true) {
                        accepted.add(silent.accept()); // held open, never written to
                      }
                    } catch (IOException closed) {
                      // the test is over
                    }
                  });
      ClusterSettings s =
          ClusterSettings.of("https://127.0.0.1:" + silent.getLocalPort())
              .withCaCertificate(CA)
              .withBasicAuth("reader", PASSWORD);
      String message =
          assertTimeoutPreemptively(
              Duration.ofSeconds(90), () -> refusal(() -> ClusterIndex.connect(s).close()));
      assertMentions(message, s.url().toString());
      assertTrue(!accepted.isEmpty(), "the client reached the port");
      silent.close();
      acceptor.join();
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  @Test
  void aBadCaFileSaysWhatIsWrongWithIt() throws Exception {
    ClusterSettings s = ClusterSettings.of("https://127.0.0.1:1").withBasicAuth("reader", PASSWORD);
    Path missing = tmp.resolve("no-such-ca.pem");
    assertMentions(
        refusal(() -> ClusterIndex.connect(s.withCaCertificate(missing)).close()),
        "no CA certificate file " + missing,
        "--opensearch-ca");

    // A secret's file given in its place: said to hold no certificate, and never quoted.
    Path notACertificate = Files.writeString(tmp.resolve("password"), PASSWORD + "\n");
    assertMentions(
        refusal(() -> ClusterSearcher.connect(s.withCaCertificate(notACertificate)).close()),
        "no readable certificate in the CA file " + notACertificate,
        "PEM");

    IllegalArgumentException plain =
        assertThrows(
            IllegalArgumentException.class,
            () -> ClusterSettings.of("http://127.0.0.1:9200").withCaCertificate(CA));
    assertMentions(plain.getMessage(), "https://", "--opensearch-ca");
  }

  /** An HTTPS listener with {@code certificate} that answers as a cluster would: yes, it exists. */
  private ClusterSettings listen(String certificate) throws Exception {
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext(CERTS.resolve(certificate))));
    server.createContext(
        "/",
        exchange -> {
          seen.add(
              new Seen(
                  exchange.getRequestMethod() + " " + exchange.getRequestURI(),
                  ((HttpsExchange) exchange).getSSLSession().getProtocol(),
                  exchange.getRequestHeaders().getFirst("Authorization")));
          if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
          } else {
            byte[] body = ROOT_ANSWER.getBytes(UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    server.start();
    return ClusterSettings.of("https://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The server side: {@code certificate} with the key in server-key.pem (PKCS#8, EC). */
  private static SSLContext serverContext(Path certificate) throws Exception {
    String pem = Files.readString(CERTS.resolve("server-key.pem"), UTF_8);
    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    Certificate[] chain;
    try (InputStream in = Files.newInputStream(certificate)) {
      chain =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(in)
              .toArray(Certificate[]::new);
    }
    char[] password = "test-only".toCharArray();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("server", key, password, chain);
    KeyManagerFactory managers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    managers.init(keys, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(managers.getKeyManagers(), null, null);
    return context;
  }

  /**
   * Runs {@code connect}, which must fail; its message. Neither the exception (with its causes) nor
   * what was printed meanwhile holds a secret.
   */
  private static String refusal(Executable connect) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(printed, true, UTF_8);
    IOException e;
    System.setOut(capture);
    System.setErr(capture);
    try {
      e = assertThrows(IOException.class, connect);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    ClusterCredentialsTest.assertSecretsAbsent(
        ClusterCredentialsTest.told(e) + printed.toString(UTF_8));
    return e.getMessage();
  }

  private static void assertMentions(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "no '" + part + "' in: " + message);
    }
  }
}
