package dev.verbatim.opensearch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a cluster is and how to log in to it. Immutable and thread-safe; build with {@link
 * #of(String)} and the {@code with*} copies. Secrets are read from a file or an environment
 * variable, never from a command-line argument (which other users can list), and {@link
 * #toString()} never shows them.
 *
 * @param url the cluster's HTTP address, {@code http://host:9200} or {@code https://...}
 * @param indexName the alias searched and loaded (the index behind it changes on a full rebuild)
 * @param user the basic-auth user, or null
 * @param password the basic-auth password, or null
 * @param apiKey an API key ({@code Authorization: ApiKey ...}), or null
 * @param caCertificate a PEM file with the CA that signed the cluster's certificate (then only that
 *     CA is trusted; the URL must be {@code https://}), or null for the JDK's trusted CAs
 */
public record ClusterSettings(
    URI url, String indexName, String user, String password, String apiKey, Path caCertificate) {
  /** The alias used unless {@code --index-name} says otherwise. */
  public static final String DEFAULT_INDEX_NAME = "verbatim";

  /** Environment variables read by {@link #withCredentialsFrom}. */
  public static final String USER_ENV = "VERBATIM_OPENSEARCH_USER";

  public static final String PASSWORD_ENV = "VERBATIM_OPENSEARCH_PASSWORD";
  public static final String API_KEY_ENV = "VERBATIM_OPENSEARCH_API_KEY";

  public ClusterSettings {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme) || url.getHost() == null) {
      throw new IllegalArgumentException(
          "cluster URL must be http://host:port or https://host:port, got '" + url + "'");
    }
    indexName = indexName == null || indexName.isBlank() ? DEFAULT_INDEX_NAME : indexName;
    if (!indexName.matches("[a-z0-9][a-z0-9_.-]*")) {
      throw new IllegalArgumentException(
          "index name must be lowercase letters, digits, '_', '-' or '.', got '" + indexName + "'");
    }
    if (caCertificate != null && !"https".equals(scheme)) {
      throw new IllegalArgumentException(
          "a CA certificate (--opensearch-ca) is for an https:// cluster URL, got '" + url + "'");
    }
    if ((user == null) != (password == null)) {
      throw new IllegalArgumentException("basic auth needs both a user and a password");
    }
  }

  /** The cluster at {@code url}, no credentials, the default index name. */
  public static ClusterSettings of(String url) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a cluster URL: '" + url + "'", e);
    }
    return new ClusterSettings(uri, null, null, null, null, null);
  }

  public ClusterSettings withIndexName(String name) {
    return new ClusterSettings(url, name, user, password, apiKey, caCertificate);
  }

  public ClusterSettings withBasicAuth(String newUser, String newPassword) {
    return new ClusterSettings(url, indexName, newUser, newPassword, apiKey, caCertificate);
  }

  public ClusterSettings withApiKey(String key) {
    return new ClusterSettings(url, indexName, user, password, key, caCertificate);
  }

  public ClusterSettings withCaCertificate(Path pem) {
    return new ClusterSettings(url, indexName, user, password, apiKey, pem);
  }

  /**
   * Credentials from files (the first line of each; null paths are skipped) or else from {@link
   * #USER_ENV}, {@link #PASSWORD_ENV} and {@link #API_KEY_ENV} in {@code env}.
   *
   * @throws IOException when a given file cannot be read
   */
  public ClusterSettings withCredentialsFrom(
      Path userFile, Path passwordFile, Path apiKeyFile, Map<String, String> env)
      throws IOException {
    String u = userFile != null ? firstLine(userFile) : env.get(USER_ENV);
    String p = passwordFile != null ? firstLine(passwordFile) : env.get(PASSWORD_ENV);
    String k = apiKeyFile != null ? firstLine(apiKeyFile) : env.get(API_KEY_ENV);
    ClusterSettings s = this;
    if (u != null || p != null) {
      s = s.withBasicAuth(blankToNull(u), blankToNull(p));
    }
    return k == null ? s : s.withApiKey(blankToNull(k));
  }

  private static String firstLine(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int nl = text.indexOf('\n');
    return (nl < 0 ? text : text.substring(0, nl)).strip();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  @Override
  public String toString() {
    return url
        + " (index "
        + indexName
        + (user != null ? ", user " + user : "")
        + (apiKey != null ? ", API key" : "")
        + (caCertificate != null ? ", CA " + caCertificate : "")
        + ")";
  }
}
