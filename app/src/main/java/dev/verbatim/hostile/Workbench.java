package dev.verbatim.hostile;

import dev.verbatim.corpus.Article;
import dev.verbatim.corpus.CorpusReader;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The materials the drills share: corpus folders cut from a JSON Lines file, the corpus vocabulary,
 * and child JVMs running the {@code verbatim} command line. Stateless.
 */
final class Workbench {
  private Workbench() {}

  /**
   * Writes the first {@code maxArticles} lines of {@code jsonl} (all when negative) into {@code
   * folder}/corpus.jsonl and returns the folder.
   */
  static Path corpusFolder(Path jsonl, Path folder, int maxArticles) throws IOException {
    Files.createDirectories(folder);
    try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8);
        BufferedWriter out =
            Files.newBufferedWriter(folder.resolve("corpus.jsonl"), StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null && (maxArticles < 0 || n < maxArticles)) {
        out.write(line);
        out.newLine();
        n++;
      }
    }
    return folder;
  }

  /** Up to {@code max} distinct lower-case words of 3 to 12 letters from the corpus, in order. */
  static List<String> vocabulary(Path corpus, int max) throws IOException {
    Set<String> words = new LinkedHashSet<>();
    CorpusReader reader = new CorpusReader(corpus);
    for (Path file : reader.files()) {
      for (Article article : reader.read(file).articles()) {
        for (String w : article.text().toLowerCase(Locale.ROOT).split("[^\\p{IsLatin}]+")) {
          if (w.length() >= 3 && w.length() <= 12) {
            words.add(w);
            if (words.size() >= max) {
              return List.copyOf(words);
            }
          }
        }
      }
    }
    return List.copyOf(words);
  }

  /** A started child JVM running {@code verbatim args...} with this JVM's classpath. */
  static Process verbatim(Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.verbatim.cli.Main");
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(false)
        .redirectOutput(log.resolveSibling(log.getFileName() + ".out").toFile())
        .redirectError(log.resolveSibling(log.getFileName() + ".err").toFile())
        .start();
  }

  /**
   * Runs {@code verbatim args...} to completion (at most {@code seconds}); its output and exit
   * code.
   */
  static Finished run(Path log, long seconds, String... args)
      throws IOException, InterruptedException {
    Process p = verbatim(log, args);
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new IOException(
          "verbatim " + String.join(" ", args) + " did not finish in " + seconds + " s");
    }
    return new Finished(
        p.exitValue(),
        Files.readString(log.resolveSibling(log.getFileName() + ".out")),
        Files.readString(log.resolveSibling(log.getFileName() + ".err")));
  }

  /** A finished child: exit code, stdout, stderr. */
  record Finished(int code, String out, String err) {}
}
