package dev.verbatim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which package may use which, checked over the compiled main classes of the library and the app (a
 * use is any reference in the bytecode, not just an import line):
 *
 * <pre>
 * corpus -> quotes -> index -> search -> web -> bench, hostile -> cli
 * </pre>
 *
 * <p>each using only packages to its left; only {@code web} uses Javalin and Jetty, only {@code
 * cli} picocli and the progress bar, only {@code corpus} jsoup; {@code web} and {@code hostile}
 * never use Lucene; the app uses only the packages the library's module exports.
 */
class LayeringTest {
  /** What the library's module-info exports (ModuleTest checks the module says the same). */
  private static final Set<String> EXPORTED =
      Set.of(
          "dev.verbatim.corpus",
          "dev.verbatim.quotes",
          "dev.verbatim.index",
          "dev.verbatim.search");

  private static final String[] APP = {
    "dev.verbatim.web..", "dev.verbatim.cli..", "dev.verbatim.bench..", "dev.verbatim.hostile.."
  };
  private static final String[] LIBRARY = {
    "dev.verbatim.corpus..",
    "dev.verbatim.quotes..",
    "dev.verbatim.index..",
    "dev.verbatim.search.."
  };

  // Main classes only: the builds put tests in target/library/test-classes, target/app/test-classes
  // and the library's -tests.jar.
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(
              location -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
          .importPackages("dev.verbatim");

  @Test
  void eachPackageUsesOnlyThoseToItsLeft() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("corpus")
        .definedBy("dev.verbatim.corpus..")
        .layer("quotes")
        .definedBy("dev.verbatim.quotes..")
        .layer("index")
        .definedBy("dev.verbatim.index..")
        .layer("search")
        .definedBy("dev.verbatim.search..")
        .layer("web")
        .definedBy("dev.verbatim.web..")
        .layer("tools")
        .definedBy("dev.verbatim.bench..", "dev.verbatim.hostile..")
        .layer("cli")
        .definedBy("dev.verbatim.cli..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("tools")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("web")
        .mayOnlyBeAccessedByLayers("tools", "cli")
        .whereLayer("search")
        .mayOnlyBeAccessedByLayers("web", "tools", "cli")
        .whereLayer("index")
        .mayOnlyBeAccessedByLayers("search", "web", "tools", "cli")
        .whereLayer("quotes")
        .mayOnlyBeAccessedByLayers("index", "search", "web", "tools", "cli")
        .whereLayer("corpus")
        .mayOnlyBeAccessedByLayers("quotes", "index", "search", "web", "tools", "cli")
        .check(MAIN);
  }

  @Test
  void benchAndHostileDoNotUseEachOther() {
    noClasses()
        .that()
        .resideInAPackage("dev.verbatim.bench..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.verbatim.hostile..")
        .check(MAIN);
    noClasses()
        .that()
        .resideInAPackage("dev.verbatim.hostile..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.verbatim.bench..")
        .check(MAIN);
  }

  @Test
  void onlyWebUsesJavalinAndJetty() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.verbatim.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
        .check(MAIN);
  }

  @Test
  void onlyCliUsesPicocliAndTheProgressBar() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.verbatim.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("picocli..", "me.tongfei.progressbar..")
        .check(MAIN);
  }

  @Test
  void onlyCorpusUsesJsoup() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.verbatim.corpus..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.jsoup..")
        .check(MAIN);
  }

  @Test
  void webAndHostileNeverUseLucene() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.verbatim.web..", "dev.verbatim.hostile..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.lucene..")
        .check(MAIN);
  }

  @Test
  void theAppUsesOnlyWhatTheLibraryExports() {
    noClasses()
        .that()
        .resideInAnyPackage(APP)
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "are in a package the library does not export",
                (JavaClass c) ->
                    c.getPackageName().startsWith("dev.verbatim.")
                        && inLibrary(c)
                        && !EXPORTED.contains(c.getPackageName())))
        .check(MAIN);
  }

  private static boolean inLibrary(JavaClass c) {
    for (String pattern : LIBRARY) {
      if (c.getPackageName().startsWith(pattern.substring(0, pattern.length() - 2))) {
        return true;
      }
    }
    return false;
  }
}
