package dev.verbatim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library as a module, the way a modular program embeds it: its module-info resolves against
 * Lucene, Jackson and jsoup as modules (from the jars the tests run with), exports only the four
 * API packages, and indexes and searches a small corpus of every format from inside its own module
 * layer (Lucene finds its codecs through its module's services, Jackson reads JSON Lines, jsoup
 * HTML). The tests themselves run on the class path.
 */
class ModuleTest {
  @Test
  void exportsOnlyTheApi() {
    ModuleDescriptor module = layer().findModule("dev.verbatim").orElseThrow().getDescriptor();
    assertEquals(
        Set.of(
            "dev.verbatim.corpus",
            "dev.verbatim.quotes",
            "dev.verbatim.index",
            "dev.verbatim.search"),
        module.exports().stream()
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toSet()));
    assertTrue(
        module.packages().contains("dev.verbatim.index.schema"), module.packages().toString());
  }

  @Test
  void indexesAndSearchesFromItsOwnLayer(@TempDir Path dir) throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(
        corpus.resolve("a.txt"), "Council delays the bridge\n\n“It is so unfair,” said Ann Lee.\n");
    Files.writeString(
        corpus.resolve("b.html"),
        "<html><head><title>Harbour reopens</title></head><body><article><p>“The harbour is"
            + " open again,” the mayor said.</p></article></body></html>");
    Files.writeString(
        corpus.resolve("c.jsonl"),
        "{\"id\":\"c1\",\"title\":\"Ferry timetable\",\"text\":\"The ferry runs hourly.\"}\n");
    ClassLoader loader = layer().findLoader("dev.verbatim");
    Class<?> indexer = loader.loadClass("dev.verbatim.index.Indexer");
    assertEquals("dev.verbatim", indexer.getModule().getName());
    assertEquals(
        "org.apache.lucene.core",
        loader.loadClass("org.apache.lucene.index.IndexWriter").getModule().getName());
    Object summary =
        indexer
            .getMethod("rebuild", Path.class, Path.class)
            .invoke(indexer.getConstructor().newInstance(), corpus, dir.resolve("index"));
    assertEquals(3L, summary.getClass().getMethod("articles").invoke(summary), summary.toString());

    Class<?> searcher = loader.loadClass("dev.verbatim.search.Searcher");
    Class<?> request = loader.loadClass("dev.verbatim.search.SearchRequest");
    try (AutoCloseable open =
        (AutoCloseable)
            searcher
                .getMethod("open", Path.class, Duration.class)
                .invoke(null, dir.resolve("index"), Duration.ofMinutes(1))) {
      for (String query : new String[] {"unfair", "harbour", "ferry"}) {
        Object result =
            searcher
                .getMethod("search", request)
                .invoke(open, request.getMethod("of", String.class).invoke(null, query));
        long total = (long) result.getClass().getMethod("total").invoke(result);
        assertTrue(total >= 1, query + ": " + total);
      }
    }
  }

  /** A layer holding the library's module, resolved with what it requires from the test's jars. */
  private static ModuleLayer layer() {
    Path[] modulePath =
        Arrays.stream(classPath().split(File.pathSeparator))
            .map(Path::of)
            .filter(p -> p.endsWith(Path.of("library", "classes")) || isDependency(p))
            .toArray(Path[]::new);
    Configuration config =
        ModuleLayer.boot()
            .configuration()
            .resolve(ModuleFinder.of(modulePath), ModuleFinder.of(), Set.of("dev.verbatim"));
    return ModuleLayer.boot()
        .defineModulesWithOneLoader(config, ClassLoader.getSystemClassLoader());
  }

  private static boolean isDependency(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".jar")
        && (name.startsWith("lucene-") || name.startsWith("jackson-") || name.startsWith("jsoup-"));
  }

  // Surefire may hand the JVM a manifest-only jar; it names the real class path here.
  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null ? surefire : System.getProperty("java.class.path");
  }
}
