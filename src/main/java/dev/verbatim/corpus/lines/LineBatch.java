package dev.verbatim.corpus.lines;

import java.util.List;

/**
 * Raw lines of a JSON Lines file, not yet parsed. Immutable and thread-safe.
 *
 * @param file the corpus-relative path
 * @param firstLine the 1-based number of the first line in the file
 * @param lines the lines, without line terminators
 * @param bytes file bytes consumed to read them (compressed bytes for {@code .gz}), for progress
 */
public record LineBatch(String file, int firstLine, List<String> lines, long bytes) {
  public LineBatch {
    lines = List.copyOf(lines);
  }
}
