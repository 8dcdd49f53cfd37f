package dev.verbatim.web;

import dev.verbatim.index.Indexer;
import dev.verbatim.search.Searcher;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes that change the server's state. Off (404, like any unknown path) unless the operator
 * configured {@link AdminAccess}; then a request without the bearer token gets 401. Thread-safe: at
 * most one reindex runs at a time.
 */
final class AdminRoutes implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AdminRoutes.class);

  private final Searcher searcher;
  private final AdminAccess access;
  private final AtomicBoolean reindexing = new AtomicBoolean();
  private final AtomicReference<Map<String, Object>> lastReindex = new AtomicReference<>();
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> Thread.ofPlatform().daemon().name("verbatim-reindex").unstarted(r));

  /** {@code access} null turns every admin route off. */
  AdminRoutes(Searcher searcher, AdminAccess access) {
    this.searcher = searcher;
    this.access = access;
  }

  /** {@code POST /api/admin/reload}: makes the newest commit of the index visible. */
  void reload(Context ctx) throws IOException {
    if (!authorized(ctx, false)) {
      return;
    }
    boolean refreshed = searcher.refresh();
    Searcher.Stats stats = searcher.stats();
    ctx.json(
        Map.of("refreshed", refreshed, "articles", stats.articles(), "quotes", stats.quotes()));
  }

  /**
   * {@code POST /api/admin/reindex}: brings the index up to date with the corpus (new, changed and
   * deleted files only) in the background (202), then reloads; 409 while one is already running.
   * Searches keep answering from the previous commit meanwhile.
   */
  void reindex(Context ctx) {
    if (!authorized(ctx, true)) {
      return;
    }
    if (!reindexing.compareAndSet(false, true)) {
      WebServer.error(
          ctx, HttpStatus.CONFLICT, "a reindex is already running; try again when it has finished");
      return;
    }
    background.execute(this::runReindex);
    ctx.status(HttpStatus.ACCEPTED).json(Map.of("status", "reindexing"));
  }

  /** {@code GET /api/admin/reindex}: whether a reindex is running and how the last one ended. */
  void reindexStatus(Context ctx) {
    if (!authorized(ctx, true)) {
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("running", reindexing.get());
    body.put("last", lastReindex.get());
    ctx.json(body);
  }

  @Override
  public void close() {
    background.shutdownNow();
  }

  private void runReindex() {
    Map<String, Object> outcome = new LinkedHashMap<>();
    try {
      Indexer.Summary summary = new Indexer().update(access.corpus(), access.index());
      searcher.refresh();
      outcome.put("files", summary.files());
      outcome.put("unchanged", summary.unchanged());
      outcome.put("deleted", summary.deleted());
      outcome.put("articles", summary.articles());
      outcome.put("quotes", summary.quotes());
      outcome.put("skipped", summary.skipped().size());
      outcome.put("seconds", summary.seconds());
    } catch (IOException | RuntimeException e) {
      LOG.error(
          "reindex of {} into {} failed; the previous index keeps serving",
          access.corpus(),
          access.index(),
          e);
      outcome.put("error", "reindex failed: " + e.getMessage());
    } finally {
      lastReindex.set(outcome);
      reindexing.set(false);
    }
  }

  /** False (with the answer already written) unless admin is on and the caller has the token. */
  private boolean authorized(Context ctx, boolean needsCorpus) {
    if (access == null || (needsCorpus && !access.canReindex())) {
      WebServer.error(ctx, HttpStatus.NOT_FOUND, "not found: " + ctx.path());
      return false;
    }
    if (!access.allows(ctx.header("Authorization"))) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"verbatim-admin\"");
      WebServer.error(
          ctx,
          HttpStatus.UNAUTHORIZED,
          "admin routes need the header Authorization: Bearer <token>");
      return false;
    }
    return true;
  }
}
