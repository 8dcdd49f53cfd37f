package dev.verbatim.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends documents to one index in bulk requests, a few at a time: a caller of {@link #add} waits
 * while {@link #IN_FLIGHT} requests are out (back-pressure), so a cluster slower than extraction
 * slows the indexer's workers instead of filling the heap. Items the cluster rejects because it is
 * busy (429) or a shard is unavailable (503) are sent again with growing pauses; a request that
 * fails as a whole (a node went away, a timeout) is sent again whole, which is safe because every
 * document has its id. Anything else, or a retry budget spent, fails the load with the cluster's
 * reason. Thread-safe.
 */
final class BulkLoader implements AutoCloseable {
  /** Bulk requests out at once. */
  static final int IN_FLIGHT = 3;

  /** A request is sent when it holds this many documents or bytes. */
  static final int BATCH_DOCS = 1_000;

  static final int BATCH_BYTES = 4 << 20;

  /** Attempts per item or request before the load fails. */
  static final int ATTEMPTS = 8;

  private static final long FIRST_PAUSE_MS = 200;

  private final Cluster cluster;
  private final String index;
  private final Semaphore permits = new Semaphore(IN_FLIGHT);
  private final ExecutorService senders =
      Executors.newFixedThreadPool(
          IN_FLIGHT,
          r -> {
            Thread t = new Thread(r, "verbatim-bulk");
            t.setDaemon(true);
            return t;
          });
  private final AtomicReference<IOException> failure = new AtomicReference<>();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private List<Item> batch = new ArrayList<>();
  private long batchBytes;

  /** One document as its two bulk lines. */
  private record Item(String id, byte[] lines) {}

  BulkLoader(Cluster cluster, String index) {
    this.cluster = cluster;
    this.index = index;
  }

  /**
   * Queues {@code source} to be indexed as {@code id}; may wait for a request to finish.
   *
   * @throws IOException when the load has already failed
   */
  void add(String id, ObjectNode source) throws IOException {
    checkFailure();
    ObjectNode action = Cluster.object();
    action.putObject("index").put("_index", index).put("_id", id);
    ByteArrayOutputStream lines = new ByteArrayOutputStream(512);
    Cluster.JSON.writeValue(lines, action);
    lines.write('\n');
    Cluster.JSON.writeValue(lines, source);
    lines.write('\n');
    List<Item> full = null;
    synchronized (this) {
      batch.add(new Item(id, lines.toByteArray()));
      batchBytes += lines.size();
      if (batch.size() >= BATCH_DOCS || batchBytes >= BATCH_BYTES) {
        full = batch;
        batch = new ArrayList<>();
        batchBytes = 0;
      }
    }
    if (full != null) {
      submit(full);
    }
  }

  /** Sends what is queued and waits for every request; throws the load's failure, if any. */
  void flush() throws IOException {
    List<Item> last;
    synchronized (this) {
      last = batch;
      batch = new ArrayList<>();
      batchBytes = 0;
    }
    if (!last.isEmpty()) {
      submit(last);
    }
    try {
      permits.acquire(IN_FLIGHT);
      permits.release(IN_FLIGHT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for bulk requests", e);
    }
    checkFailure();
  }

  /** Whether a request failed for good: the load cannot finish. */
  boolean failed() {
    return failure.get() != null;
  }

  /** Documents the cluster accepted so far. */
  long sent() {
    return sent.get();
  }

  /** Items or whole requests sent again so far. */
  long retried() {
    return retried.get();
  }

  private void submit(List<Item> items) throws IOException {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for bulk requests", e);
    }
    try {
      senders.execute(
          () -> {
            try {
              send(items);
            } catch (IOException e) {
              failure.compareAndSet(null, e);
            } catch (RuntimeException e) {
              failure.compareAndSet(null, new IOException("bulk request failed: " + e, e));
            } finally {
              permits.release();
            }
          });
    } catch (RuntimeException e) {
      permits.release();
      throw new IOException("bulk sender stopped: " + e, e);
    }
  }

  private void send(List<Item> items) throws IOException {
    List<Item> pending = items;
    for (int attempt = 1; ; attempt++) {
      if (failure.get() != null) {
        return;
      }
      JsonNode answer;
      try {
        answer = cluster.ndjson("/_bulk?timeout=30s", body(pending));
      } catch (ClusterException e) {
        if (!retryable(e.status()) || attempt == ATTEMPTS) {
          throw failed(attempt, e.getMessage());
        }
        retried.incrementAndGet();
        pause(attempt);
        continue;
      } catch (IOException e) {
        if (attempt == ATTEMPTS) {
          throw failed(attempt, e.getMessage());
        }
        retried.incrementAndGet();
        pause(attempt);
        continue;
      }
      List<Item> again = new ArrayList<>();
      JsonNode results = answer.path("items");
      for (int i = 0; i < pending.size(); i++) {
        JsonNode result = results.path(i).path("index");
        int status = result.path("status").asInt(0);
        if (status >= 200 && status < 300) {
          sent.incrementAndGet();
        } else if (retryable(status) && attempt < ATTEMPTS) {
          again.add(pending.get(i));
        } else {
          throw new IOException(
              "the cluster refused document "
                  + pending.get(i).id()
                  + " ("
                  + status
                  + "): "
                  + Cluster.reason(result)
                  + (retryable(status) ? " after " + attempt + " attempts" : ""));
        }
      }
      if (again.isEmpty()) {
        return;
      }
      retried.addAndGet(again.size());
      pending = again;
      pause(attempt);
    }
  }

  private IOException failed(int attempt, String why) {
    return new IOException("bulk load failed after " + attempt + " attempts: " + why);
  }

  private static boolean retryable(int status) {
    // 0: no answer at all (a node went away); 429: queues full; 502-504: a node or shard moving.
    return status == 0 || status == 429 || status == 502 || status == 503 || status == 504;
  }

  private static void pause(int attempt) throws IOException {
    try {
      Thread.sleep(FIRST_PAUSE_MS << Math.min(attempt - 1, 6));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to retry a bulk request", e);
    }
  }

  private static byte[] body(List<Item> items) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Item item : items) {
      out.writeBytes(item.lines());
    }
    return out.toByteArray();
  }

  private void checkFailure() throws IOException {
    IOException e = failure.get();
    if (e != null) {
      throw new IOException(e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    senders.shutdownNow();
  }
}
