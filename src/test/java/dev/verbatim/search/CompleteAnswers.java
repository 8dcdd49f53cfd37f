package dev.verbatim.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Opens searchers for tests that check what a complete answer holds. The default time limit
 * protects a server from hostile load; a test's first search in a cold JVM on a busy machine can
 * pass it, and would then answer partially (facets or sources skipped) and fail for the wrong
 * reason. The limit itself is tested in {@code SearchTimeLimitTest} and the hostile suite.
 */
public final class CompleteAnswers {
  /** Long enough that no test search reaches it. */
  public static final Duration LIMIT = Duration.ofMinutes(1);

  private CompleteAnswers() {}

  /** {@link Searcher#open(Path, Duration)} with {@link #LIMIT}. */
  public static Searcher open(Path indexDir) throws IOException {
    return Searcher.open(indexDir, LIMIT);
  }
}
