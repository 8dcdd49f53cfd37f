package dev.verbatim.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * One connection to a cluster, through opensearch-java's transport: JSON requests in and out, an
 * error status turned into a {@link ClusterException} that says what failed. Thread-safe; close it
 * when done. Requests are written as the cluster's REST API documents them (Jackson trees), so the
 * query DSL a search sends can be read as JSON.
 */
final class Cluster implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final ClusterSettings settings;
  private final OpenSearchTransport transport;
  private final OpenSearchGenericClient client;

  private Cluster(ClusterSettings settings, OpenSearchTransport transport) {
    this.settings = settings;
    this.transport = transport;
    // By default error statuses come back as responses, not exceptions: send() words them.
    this.client = new OpenSearchClient(transport).generic();
  }

  /** How long a TLS handshake may take before the connection is given up. */
  static final Timeout HANDSHAKE_TIMEOUT = Timeout.ofSeconds(10);

  static Cluster connect(ClusterSettings settings) throws IOException {
    HttpHost host =
        new HttpHost(settings.url().getScheme(), settings.url().getHost(), port(settings));
    SSLContext ssl = sslContext(settings.caCertificate());
    // The host name is checked by the client after the handshake, not left to the JDK's endpoint
    // identification alone: httpclient5 5.6's async TLS with its default (BUILTIN) policy let a
    // certificate for another host through (ClusterTlsTest). The same check with or without a CA.
    TlsStrategy tls =
        ClientTlsStrategyBuilder.create()
            .setSslContext(ssl)
            .setHostVerificationPolicy(HostnameVerificationPolicy.BOTH)
            .setHostnameVerifier(HttpsSupport.getDefaultHostnameVerifier())
            .buildAsync();
    ApacheHttpClient5TransportBuilder builder =
        ApacheHttpClient5TransportBuilder.builder(host)
            .setDefaultHeaders(authorization(settings))
            .setRequestConfigCallback(
                config ->
                    config
                        .setConnectionRequestTimeout(Timeout.ofSeconds(30))
                        .setResponseTimeout(Timeout.ofSeconds(120)))
            .setHttpClientConfigCallback(
                client -> {
                  PoolingAsyncClientConnectionManagerBuilder connections =
                      PoolingAsyncClientConnectionManagerBuilder.create()
                          .setMaxConnTotal(64)
                          .setMaxConnPerRoute(64)
                          .setTlsStrategy(tls)
                          // A port that takes the connection and never answers the handshake
                          // (not TLS, or a stalled proxy) fails in seconds, not minutes.
                          .setDefaultTlsConfig(
                              TlsConfig.custom().setHandshakeTimeout(HANDSHAKE_TIMEOUT).build());
                  return client.setConnectionManager(connections.build());
                });
    String path = settings.url().getPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      builder.setPathPrefix(path);
    }
    return new Cluster(settings, builder.build());
  }

  private static int port(ClusterSettings settings) {
    int port = settings.url().getPort();
    return port > 0 ? port : "https".equals(settings.url().getScheme()) ? 443 : 9200;
  }

  private static Header[] authorization(ClusterSettings s) {
    if (s.apiKey() != null) {
      return new Header[] {new BasicHeader("Authorization", "ApiKey " + s.apiKey())};
    }
    if (s.user() != null) {
      String pair = s.user() + ":" + s.password();
      String encoded = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
      return new Header[] {new BasicHeader("Authorization", "Basic " + encoded)};
    }
    return new Header[0];
  }

  /**
   * A context that trusts only the CA certificates in {@code ca} (a PEM file, or DER); with no
   * file, the JDK's default one (its trusted CAs, or {@code javax.net.ssl.trustStore}).
   */
  private static SSLContext sslContext(Path ca) throws IOException {
    if (ca == null) {
      try {
        return SSLContext.getDefault();
      } catch (GeneralSecurityException e) {
        throw new IOException("no default TLS context: " + e, e);
      }
    }
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(ca)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (NoSuchFileException e) {
      throw new IOException("no CA certificate file " + ca + " (--opensearch-ca)", e);
    } catch (IOException e) {
      throw new IOException("cannot read the CA certificate file " + ca + ": " + e, e);
    } catch (CertificateException e) {
      // Its message never quotes the file, which may be a secret given by mistake.
      certificates = List.of();
    }
    if (certificates.isEmpty()) {
      throw new IOException(
          "no readable certificate in the CA file "
              + ca
              + "; --opensearch-ca takes the PEM file (-----BEGIN CERTIFICATE-----) of the CA"
              + " that signed the cluster's certificate");
    }
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        trust.setCertificateEntry("ca-" + i++, certificate);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot use the CA certificate " + ca + ": " + e, e);
    }
  }

  ClusterSettings settings() {
    return settings;
  }

  /** {@code method path} with a JSON body (or none); the answer, or an exception naming it. */
  JsonNode call(String method, String path, JsonNode body) throws IOException {
    return send(
        method, path, body == null ? null : JSON.writeValueAsBytes(body), "application/json");
  }

  /** {@code POST path} with newline-delimited JSON (a bulk request). */
  JsonNode ndjson(String path, byte[] lines) throws IOException {
    return send("POST", path, lines, "application/x-ndjson");
  }

  /** Whether {@code HEAD path} answers 200 (404: false; anything else fails). */
  boolean exists(String path) throws IOException {
    try (Response r = execute("HEAD", path, null, null)) {
      if (r.getStatus() == 404) {
        return false;
      }
      if (r.getStatus() >= 300) {
        throw new ClusterException(
            r.getStatus(), "HEAD " + path + " answered " + r.getStatus(), null);
      }
      return true;
    }
  }

  private JsonNode send(String method, String path, byte[] body, String contentType)
      throws IOException {
    try (Response r = execute(method, path, body, contentType)) {
      JsonNode answer =
          r.getBody().isPresent()
              ? JSON.readTree(r.getBody().get().bodyAsBytes())
              : JSON.createObjectNode();
      if (r.getStatus() >= 300) {
        throw new ClusterException(
            r.getStatus(),
            method + " " + path + " answered " + r.getStatus() + ": " + reason(answer),
            answer);
      }
      return answer;
    }
  }

  private Response execute(String method, String path, byte[] body, String contentType)
      throws IOException {
    Requests.JsonBodyBuilder request = Requests.builder().method(method).endpoint(path);
    if (body != null) {
      request.body(Body.from(body, contentType));
    }
    try {
      return client.execute(request.build());
    } catch (ConnectException e) {
      throw unreachable(e);
    } catch (IOException e) {
      if (rootCause(e) instanceof ConnectException c) {
        throw unreachable(c);
      }
      if (cause(e, SSLException.class) != null) {
        throw untrusted(e);
      }
      throw new IOException(
          "cluster " + settings.url() + " failed on " + method + " " + path + ": " + e, e);
    }
  }

  private ClusterException unreachable(Exception e) {
    return new ClusterException(
        0,
        "cannot reach the cluster at "
            + settings.url()
            + " ("
            + e.getMessage()
            + "); is it running? `verbatim opensearch-node` starts a local one",
        null);
  }

  /**
   * A TLS failure, worded: a certificate the client does not trust (not signed by the given CA, or
   * by one of the JDK's, or not for this host) says which CA it was checked against and how to give
   * another. No request was sent, so no credential went to the unverified server.
   */
  private ClusterException untrusted(IOException e) {
    Path ca = settings.caCertificate();
    boolean certificate =
        cause(e, CertificateException.class) != null
            || cause(e, SSLPeerUnverifiedException.class) != null;
    Throwable root = rootCause(e);
    String why = root.getMessage() != null ? root.getMessage() : root.toString();
    String what =
        certificate
            ? "does not trust the TLS certificate of the cluster at "
                + settings.url()
                + " ("
                + why
                + "); "
                + (ca == null
                    ? "checked against the JDK's trusted CAs: if a private CA signed it, give that"
                        + " CA's PEM file with --opensearch-ca FILE"
                    : "checked against the CA in "
                        + ca
                        + " (--opensearch-ca): is that the CA that signed it, for this host name?")
            : "cannot set up TLS with the cluster at "
                + settings.url()
                + " ("
                + why
                + "); does it speak HTTPS on that port?";
    ClusterException failure = new ClusterException(0, "the client " + what, null);
    failure.initCause(e);
    return failure;
  }

  /** The first of {@code t} and its causes that is a {@code type}, or null. */
  private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
    for (; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static Throwable rootCause(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  /** The {@code error.reason} (or type) of an error answer, or the answer itself, short. */
  static String reason(JsonNode answer) {
    JsonNode error = answer.path("error");
    if (error.isObject()) {
      JsonNode root = error.path("root_cause").path(0);
      String type = error.path("type").asText();
      String reason = error.path("reason").asText();
      if (root.isObject() && !root.path("reason").asText().equals(reason)) {
        reason = reason + " (" + root.path("reason").asText() + ")";
      }
      return type + ": " + reason;
    }
    String text = answer.toString();
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static ObjectNode object(Map<String, ?> values) {
    return JSON.valueToTree(values);
  }

  static JsonNode array(List<?> values) {
    return JSON.valueToTree(values);
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }
}
