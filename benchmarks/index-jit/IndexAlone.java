import dev.verbatim.index.Indexer;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Harness (not part of the build): rebuilds one index from one corpus ROUNDS times in one JVM with
 * nothing else running in it, and prints each round's wall time, process CPU and compile time, to
 * tell the indexer's steady state from the JIT's warm-up on a small corpus.
 *
 * <pre>
 * J=/usr/lib/jvm/temurin-25-jdk-amd64/bin
 * $J/javac -cp target/verbatim.jar -d /tmp/index-jit benchmarks/index-jit/IndexAlone.java
 * $J/java --enable-native-access=ALL-UNNAMED -Xmx2g -cp target/verbatim.jar:/tmp/index-jit \
 *   IndexAlone /work/shared/corpora/reuters21578.jsonl /tmp/index-jit/index 8
 * </pre>
 */
public final class IndexAlone {
  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    Path index = Path.of(args[1]);
    int rounds = Integer.parseInt(args[2]);
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int r = 1; r <= rounds; r++) {
      long compiled = jit.getTotalCompilationTime();
      long cpu = os.getProcessCpuTime();
      Indexer.Summary s = new Indexer(Runtime.getRuntime().availableProcessors()).rebuild(corpus, index);
      System.out.printf(
          Locale.ROOT,
          "round %d: %.2f s wall, %.2f s process CPU, JIT %.2f s (%d articles, %d quotes)%n",
          r,
          s.seconds(),
          (os.getProcessCpuTime() - cpu) / 1e9,
          (jit.getTotalCompilationTime() - compiled) / 1e3,
          s.articles(),
          s.quotes());
    }
  }
}
