package dev.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code target/verbatim.jar} as a user runs it: copied away from the repository, on
 * this JDK and on an older Java, and the build and launcher as quiet as they should be. Runs after
 * {@code package} (failsafe), so it tests the very file that ships.
 */
class JarIT {
  private static final Path JAR = Path.of("target", "verbatim.jar");
  private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

  @TempDir static Path away;
  static Path copied;

  @BeforeAll
  static void copyTheJarAway() throws IOException {
    assertTrue(Files.isRegularFile(JAR), "run after `package`: no " + JAR.toAbsolutePath());
    copied = Files.copy(JAR, away.resolve("verbatim.jar"));
  }

  /** Runs {@code command} in {@code dir}; returns exit code, stdout and stderr. */
  private static String[] run(Path dir, List<String> command) throws Exception {
    Path out = Files.createTempFile(away, "out", ".txt");
    Path err = Files.createTempFile(away, "err", ".txt");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
    return new String[] {
      String.valueOf(p.exitValue()), Files.readString(out), Files.readString(err)
    };
  }

  private static List<String> java(String... args) {
    List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-jar", copied.toString()));
    command.addAll(List.of(args));
    return command;
  }

  @Test
  void theJarCopiedElsewhereIndexesAndSearchesWithNoWarnings() throws Exception {
    Path corpus = Files.createDirectories(away.resolve("corpus"));
    Files.writeString(
        corpus.resolve("a.txt"),
        "Pier reopens – Coastal Gazette\n\n“It is a great day for the town,” said Mayor Ana Ruiz.");
    Path work = Files.createDirectories(away.resolve("work"));
    String[] index = run(work, java("index", "--corpus", corpus.toString(), "--index", "idx"));
    assertEquals("0", index[0], index[1] + index[2]);
    assertTrue(index[1].startsWith("indexed 1 articles and 1 quotes"), index[1]);
    String[] search = run(work, java("search", "--index", "idx", "great day"));
    assertEquals("0", search[0], search[1] + search[2]);
    assertTrue(search[1].contains("Ana Ruiz"), search[1]);
    // stderr carries the progress line only: no JDK or library warnings.
    assertFalse(
        index[2].contains("WARNING") || search[2].contains("WARNING"), index[2] + search[2]);
    assertEquals("", search[2]);
  }

  @Test
  void luceneServiceFilesOfEveryJarAreMerged() throws Exception {
    try (ZipFile zip = new ZipFile(copied.toFile())) {
      String tokenizers =
          entry(zip, "META-INF/services/org.apache.lucene.analysis.TokenizerFactory");
      // lucene-core's own factory and lucene-analysis-common's, in one file.
      assertTrue(
          tokenizers.contains("org.apache.lucene.analysis.standard.StandardTokenizerFactory"));
      assertTrue(tokenizers.contains("org.apache.lucene.analysis.core.WhitespaceTokenizerFactory"));
      String filters =
          entry(zip, "META-INF/services/org.apache.lucene.analysis.TokenFilterFactory");
      assertTrue(filters.contains("org.apache.lucene.analysis.en.PorterStemFilterFactory"));
      assertTrue(filters.contains("org.apache.lucene.analysis.core.LowerCaseFilterFactory"));
      assertTrue(entry(zip, "META-INF/services/org.apache.lucene.codecs.Codec").contains("Lucene"));
      assertTrue(
          entry(zip, "META-INF/services/org.apache.lucene.codecs.PostingsFormat")
              .contains("Lucene"));
      assertTrue(
          entry(zip, "META-INF/MANIFEST.MF").contains("Main-Class: dev.verbatim.cli.Launcher"));
    }
  }

  private static String entry(ZipFile zip, String name) throws IOException {
    var e = zip.getEntry(name);
    assertTrue(e != null, "missing from the jar: " + name);
    return new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void anOlderJavaIsToldWhatIsNeeded() throws Exception {
    Path old = olderJava();
    Assumptions.assumeTrue(
        old != null,
        "skipped: no Java older than 21 under /usr/lib/jvm (apt-get install openjdk-17-jre-headless"
            + " to run it)");
    String[] r = run(away, List.of(old.toString(), "-jar", copied.toString(), "--help"));
    assertEquals("1", r[0]);
    assertTrue(r[2].startsWith("verbatim: needs Java 21 or newer; this is Java "), r[2]);
    assertFalse(r[2].contains("UnsupportedClassVersionError"), r[2]);
    assertEquals("", r[1]);
  }

  private static Path olderJava() throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return null;
    }
    try (Stream<Path> all = Files.list(jvms)) {
      return all.filter(d -> d.getFileName().toString().matches(".*(-|^)(1[1-9]|1\\.8|8)(-|\\.).*"))
          .map(d -> d.resolve("bin/java"))
          .filter(Files::isExecutable)
          .findFirst()
          .orElse(null);
    }
  }

  @Test
  void serveSaysOneLineOnStartAndNothingElse() throws Exception {
    Path corpus = Files.createDirectories(away.resolve("serve-corpus"));
    Files.writeString(corpus.resolve("a.txt"), "Pier reopens\n\n“A great day,” said Ana Ruiz.");
    Path work = Files.createDirectories(away.resolve("serve"));
    assertEquals("0", run(work, java("index", "--corpus", corpus.toString(), "--index", "idx"))[0]);
    Path err = away.resolve("serve-err.txt");
    Process p =
        new ProcessBuilder(
                java("serve", "--index", "idx", "--corpus", corpus.toString(), "--port", "0"))
            .directory(work.toFile())
            .redirectError(err.toFile())
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      assertTrue(
          first != null
              && first.matches(
                  "serving 1 articles and 1 quotes from idx on http://127\\.0\\.0\\.1:\\d+/"
                      + " \\(Ctrl-C stops\\)"),
          String.valueOf(first));
      Thread.sleep(1500); // anything Javalin or Jetty would log comes within this
      assertFalse(out.ready(), "a second line on stdout");
      assertEquals("", Files.readString(err), "stderr on start");
    } finally {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void theLauncherAndMavenPrintNoJdkWarnings() throws Exception {
    Path root = Path.of("").toAbsolutePath();
    Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"));
    ProcessBuilder mvn =
        new ProcessBuilder(root.resolve("mvnw").toString(), "-B", "-q", "-o", "-N", "validate")
            .directory(root.toFile())
            .redirectErrorStream(true);
    mvn.environment().putAll(env);
    Process m = mvn.start();
    String mavenOutput = new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(m.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, m.exitValue(), mavenOutput);
    assertEquals("", mavenOutput, "Maven's own output on this JDK (sun.misc.Unsafe warnings, ...)");

    ProcessBuilder launcher =
        new ProcessBuilder(root.resolve("verbatim").toString(), "--version")
            .directory(root.toFile())
            .redirectErrorStream(true);
    launcher.environment().putAll(env);
    Process l = launcher.start();
    String launched = new String(l.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(l.waitFor(300, TimeUnit.SECONDS));
    assertEquals(0, l.exitValue(), launched);
    assertEquals("verbatim 0.1.0\n", launched.replaceAll("(?m)^verbatim: building .*\n", ""));
  }
}
