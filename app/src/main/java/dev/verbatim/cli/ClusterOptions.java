package dev.verbatim.cli;

import dev.verbatim.opensearch.ClusterSettings;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that point {@code index}, {@code search} and {@code serve} at an OpenSearch cluster
 * instead of a local index folder. Secrets come from files or environment variables only.
 */
final class ClusterOptions {
  @Option(
      names = "--opensearch",
      paramLabel = "URL",
      description = "Use the OpenSearch cluster at URL (http://host:9200) instead of --index.")
  String url;

  @Option(
      names = "--index-name",
      paramLabel = "NAME",
      description =
          "The cluster's index alias (default: " + ClusterSettings.DEFAULT_INDEX_NAME + ").")
  String indexName;

  @Option(
      names = "--opensearch-user",
      paramLabel = "NAME",
      description = "Basic-auth user (or " + ClusterSettings.USER_ENV + ").")
  String user;

  @Option(
      names = "--opensearch-password-file",
      paramLabel = "FILE",
      description =
          "File whose first line is the password (or " + ClusterSettings.PASSWORD_ENV + ").")
  Path passwordFile;

  @Option(
      names = "--opensearch-api-key-file",
      paramLabel = "FILE",
      description = "File whose first line is an API key (or " + ClusterSettings.API_KEY_ENV + ").")
  Path apiKeyFile;

  @Option(
      names = "--opensearch-ca",
      paramLabel = "FILE",
      description = "PEM file of the CA that signed the cluster's TLS certificate.")
  Path caCertificate;

  /** Whether a cluster was asked for. */
  boolean used() {
    return url != null;
  }

  ClusterSettings settings() throws IOException {
    ClusterSettings s =
        ClusterSettings.of(url)
            .withIndexName(indexName)
            .withCredentialsFrom(null, passwordFile, apiKeyFile, System.getenv());
    if (user != null) {
      s = s.withBasicAuth(user, s.password());
    }
    return caCertificate == null ? s : s.withCaCertificate(caCertificate);
  }
}
