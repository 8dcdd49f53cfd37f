package dev.verbatim.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.index.Indexer;
import dev.verbatim.search.Searcher;
import dev.verbatim.web.Json;
import dev.verbatim.web.WebServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Searches a live server over HTTP from several threads while {@code verbatim index} replaces its
 * index with a larger corpus in another process, the server reloading every 100 ms. Every answer
 * must succeed, and the total for a fixed query (under Lucene's exact-count threshold) must be the
 * old one or the new one: a search never sees half a reindex. Not thread-safe.
 */
final class ReindexUnderLoad {
  /** What the searches saw during the reindex. */
  record Outcome(
      long searches,
      long errors,
      long inconsistent,
      long partial,
      long before,
      long after,
      Set<Long> totalsSeen,
      boolean reindexSucceeded,
      List<String> problems) {
    boolean passed() {
      return errors == 0 && inconsistent == 0 && reindexSucceeded && searches > 0;
    }
  }

  private final Path corpusBefore;
  private final Path corpusAfter;
  private final Path index;
  private final Path logs;

  ReindexUnderLoad(Path corpusBefore, Path corpusAfter, Path index, Path logs) {
    this.corpusBefore = corpusBefore;
    this.corpusAfter = corpusAfter;
    this.index = index;
    this.logs = logs;
  }

  /**
   * Searches for the first of {@code candidates} found 20 to 900 times before the reindex (so the
   * total is exact; pass words of an article only the new corpus has, so it changes).
   */
  Outcome run(List<String> candidates, int clients) throws IOException, InterruptedException {
    new Indexer(1).rebuild(corpusBefore, index);
    List<String> problems = new ArrayList<>();
    try (Searcher searcher = Searcher.open(index);
        WebServer server = new WebServer(searcher).start("127.0.0.1", 0)) {
      RawHttp http = new RawHttp(server.port(), 30_000);
      String target = null;
      long before = -1;
      for (String word : candidates) {
        target = "/api/search?limit=1&q=" + HostileQueries.enc(word);
        before = total(http.get(target));
        if (before >= 20 && before <= 900) {
          break;
        }
      }
      if (target == null) {
        throw new IllegalArgumentException("no candidate query words given");
      }
      String fixedTarget = target;
      AtomicBoolean done = new AtomicBoolean();
      AtomicLong searches = new AtomicLong();
      AtomicLong errors = new AtomicLong();
      AtomicLong partial = new AtomicLong();
      Map<Long, AtomicLong> seen = new ConcurrentHashMap<>();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        threads.add(
            Thread.ofPlatform()
                .name("search-under-reindex-" + i)
                .start(
                    () -> {
                      while (!done.get()) {
                        searches.incrementAndGet();
                        try {
                          long total = total(http.get(fixedTarget));
                          if (total < 0) {
                            partial.incrementAndGet();
                          } else {
                            seen.computeIfAbsent(total, t -> new AtomicLong()).incrementAndGet();
                          }
                        } catch (IOException | RuntimeException e) {
                          errors.incrementAndGet();
                          synchronized (problems) {
                            if (problems.size() < 10) {
                              problems.add("search failed: " + e.getMessage());
                            }
                          }
                        }
                      }
                    }));
      }
      threads.add(
          Thread.ofPlatform()
              .name("reloader")
              .start(
                  () -> {
                    while (!done.get()) {
                      try {
                        searcher.refresh();
                        Thread.sleep(100);
                      } catch (IOException e) {
                        errors.incrementAndGet();
                        problems.add("reload failed: " + e.getMessage());
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  }));
      Workbench.Finished reindex =
          Workbench.run(
              logs.resolve("reindex-under-load"),
              900,
              "index",
              "--full",
              "--corpus",
              corpusAfter.toString(),
              "--index",
              index.toString());
      Thread.sleep(500); // let the reloader pick up the new commit while searches continue
      searcher.refresh();
      Thread.sleep(300);
      done.set(true);
      for (Thread t : threads) {
        t.join();
      }
      if (reindex.code() != 0) {
        problems.add("the reindex failed: " + reindex.err().strip());
      }
      long after = total(http.get(fixedTarget));
      long beforeTotal = before;
      long inconsistent =
          seen.entrySet().stream()
              .filter(e -> e.getKey() != beforeTotal && e.getKey() != after)
              .mapToLong(e -> e.getValue().get())
              .sum();
      return new Outcome(
          searches.get(),
          errors.get(),
          inconsistent,
          partial.get(),
          before,
          after,
          new TreeSet<>(seen.keySet()),
          reindex.code() == 0,
          problems);
    }
  }

  /**
   * The answer's total, or -1 when the answer says its total is not exact (the search ran out of
   * time under load and returned what it had collected): honest, but no evidence either way.
   */
  private static long total(RawHttp.Answer answer) throws IOException {
    if (answer.status() != 200) {
      throw new IOException(
          "status " + answer.status() + ": " + QueryBarrage.abbreviate(answer.body()));
    }
    JsonNode body = Json.mapper().readTree(answer.body());
    return body.path("totalExact").asBoolean(true) ? body.get("total").asLong() : -1;
  }
}
