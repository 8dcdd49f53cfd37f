package dev.verbatim.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Tries to read files outside the app's resources through every URL shape a traversal attack uses:
 * dot segments raw, percent-encoded, double-encoded, overlong UTF-8, with backslashes and absolute
 * paths, against the static files and each route that takes an id. A probe fails when its answer is
 * a 5xx, lacks the security headers, or contains a planted secret or a known file. Not thread-safe.
 */
final class PathProbes {
  /** What the probes saw. */
  record Outcome(
      int tried, int leaked, int serverErrors, int missingHeaders, List<String> failures) {
    boolean passed() {
      return leaked == 0 && serverErrors == 0 && missingHeaders == 0;
    }
  }

  private static final String[] PREFIXES = {
    "/", "/app.js/", "/public/", "/api/articles/", "/articles/", "/api/quotes/", "/api/search/"
  };
  private static final String[] UP = {
    "../",
    "..%2f",
    "..%2F",
    "%2e%2e/",
    "%2e%2e%2f",
    ".%2e/",
    "%2e./",
    "%252e%252e%252f",
    "..%252f",
    "..\\",
    "..%5c",
    "%c0%ae%c0%ae/",
    "%c0%ae%c0%ae%c0%af",
    "....//",
    "..;/",
    "%2e%2e%5c",
    "..%00/",
    "..%2f%2f"
  };

  private final RawHttp http;
  private final List<String> secrets = new ArrayList<>();
  private final List<String> targets = new ArrayList<>();

  /**
   * Plants a secret file in {@code index} and in {@code work}, and aims probes at them, at {@code
   * /etc/passwd}, at the working directory's {@code pom.xml} and at class files and the manifest on
   * the classpath.
   */
  PathProbes(int port, Path index, Path work) throws IOException {
    this.http = new RawHttp(port, 10_000);
    List<String> files = new ArrayList<>();
    for (Path dir : List.of(index, work)) {
      String secret = "verbatim-secret-" + UUID.randomUUID();
      Path file = dir.resolve("secret-" + secret.substring(secret.length() - 8) + ".txt");
      Files.writeString(file, secret, StandardCharsets.UTF_8);
      secrets.add(secret);
      files.add(file.toAbsolutePath().toString().substring(1));
    }
    files.add("etc/passwd");
    files.add("pom.xml");
    files.add("dev/verbatim/web/WebServer.class");
    files.add("META-INF/MANIFEST.MF");
    for (String prefix : PREFIXES) {
      for (String up : UP) {
        for (int depth : new int[] {1, 12}) {
          for (String file : files) {
            targets.add(prefix + up.repeat(depth) + file);
          }
        }
      }
      for (String file : files) {
        targets.add(prefix + "/" + file);
        targets.add(prefix + "%2f" + file.replace("/", "%2f"));
        targets.add(prefix + "%252f" + file.replace("/", "%252f"));
        targets.add(prefix + "file:%2f%2f%2f" + file.replace("/", "%2f"));
        targets.add(prefix + "C:%5c" + file.replace("/", "%5c"));
        targets.add(prefix + "\\" + file.replace("/", "\\"));
        targets.add(prefix + "x%00/../" + file);
        targets.add(prefix + "%2e%2e%2f".repeat(12) + file.replace("/", "%2f") + "%00.json");
      }
    }
  }

  Outcome run() {
    int leaked = 0;
    int serverErrors = 0;
    int missingHeaders = 0;
    List<String> failures = new ArrayList<>();
    for (String target : targets) {
      String problem = null;
      try {
        RawHttp.Answer answer = http.get(target);
        String leak = leak(answer.body());
        String headers = SecurityHeaderCheck.missing(answer);
        if (leak != null) {
          leaked++;
          problem = answer.status() + " " + leak;
        } else if (answer.status() >= 500) {
          serverErrors++;
          problem = "status " + answer.status();
        } else if (headers != null) {
          missingHeaders++;
          problem = answer.status() + " " + headers;
        }
      } catch (IOException | RuntimeException e) {
        serverErrors++;
        problem = "no answer: " + e;
      }
      if (problem != null && failures.size() < 20) {
        failures.add(problem + " <- " + target);
      }
    }
    return new Outcome(targets.size(), leaked, serverErrors, missingHeaders, failures);
  }

  /** The secrets planted, so a test can check the leak detector itself. */
  List<String> secrets() {
    return List.copyOf(secrets);
  }

  /** What {@code body} leaks, or null. */
  String leak(String body) {
    for (String secret : secrets) {
      if (body.contains(secret)) {
        return "planted secret served";
      }
    }
    if (body.contains("root:x:0:0") || body.contains("root:*:0:0")) {
      return "/etc/passwd served";
    }
    if (body.contains("<modelVersion>")) {
      return "pom.xml served";
    }
    // Not the path itself: error messages may echo the request, which is not a leak.
    if (body.contains("WebServer.java") || body.contains("Manifest-Version")) {
      return "classpath file served";
    }
    return null;
  }
}
