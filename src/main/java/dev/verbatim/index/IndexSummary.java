package dev.verbatim.index;

import dev.verbatim.corpus.ReadResult;
import java.util.List;

/**
 * What one indexing run did. Immutable and thread-safe.
 *
 * @param files corpus files read
 * @param articles articles indexed
 * @param quotes quotes indexed (not-a-quote spans excluded)
 * @param bytes bytes of corpus files read
 * @param seconds wall-clock time of the run
 * @param skipped files or lines left out, with reasons
 */
public record IndexSummary(
    int files, long articles, long quotes, long bytes, double seconds, List<ReadResult.Skip> skipped) {

  public IndexSummary {
    skipped = List.copyOf(skipped);
  }

  /** Throughput of the run in megabytes (10^6 bytes) per second. */
  public double megabytesPerSecond() {
    return seconds <= 0 ? 0 : bytes / 1e6 / seconds;
  }
}
