package dev.verbatim.index;

import dev.verbatim.corpus.ReadResult;
import java.util.List;

/**
 * What one indexing run did. Immutable and thread-safe.
 *
 * @param files corpus files read (new or changed; all of them on a full rebuild)
 * @param unchanged corpus files left as they were because their content had not changed
 * @param deleted files whose articles were removed because the file is gone from the corpus
 * @param articles articles indexed
 * @param quotes quotes indexed (not-a-quote spans excluded)
 * @param bytes bytes of corpus files read
 * @param seconds wall-clock time of the run
 * @param skipped files or lines left out, with reasons
 */
public record IndexSummary(
    int files,
    int unchanged,
    int deleted,
    long articles,
    long quotes,
    long bytes,
    double seconds,
    List<ReadResult.Skip> skipped) {

  public IndexSummary {
    if (files < 0 || unchanged < 0 || deleted < 0 || articles < 0 || quotes < 0 || bytes < 0) {
      throw new IllegalArgumentException(
          "counts must be >= 0, got files="
              + files
              + " unchanged="
              + unchanged
              + " deleted="
              + deleted
              + " articles="
              + articles
              + " quotes="
              + quotes
              + " bytes="
              + bytes);
    }
    skipped = List.copyOf(skipped);
  }

  /** Throughput of the run in megabytes (10^6 bytes) per second. */
  public double megabytesPerSecond() {
    return seconds <= 0 ? 0 : bytes / 1e6 / seconds;
  }
}
