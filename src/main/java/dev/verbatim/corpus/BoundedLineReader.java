package dev.verbatim.corpus;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine()}, but never holds more than {@code max}
 * chars of one line: the rest of a longer line is read past and the line is reported as overlong,
 * so one giant line cannot exhaust the heap.
 */
final class BoundedLineReader {
  private final Reader in;
  private final int max;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private boolean overlong;

  BoundedLineReader(Reader in, int max) {
    this.in = in;
    this.max = max;
  }

  /** The next line without its terminator, "" for an overlong one, or null at the end. */
  String next() throws IOException {
    StringBuilder line = new StringBuilder();
    overlong = false;
    boolean any = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return any ? finish(line) : null;
        }
      }
      any = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      if (!overlong) {
        if (line.length() + (position - start) > max) {
          overlong = true;
          line.setLength(0);
        } else {
          line.append(buffer, start, position - start);
        }
      }
      if (position < limit) {
        position++; // the '\n'
        return finish(line);
      }
    }
  }

  /** Whether the line {@link #next()} returned last was longer than the limit. */
  boolean overlong() {
    return overlong;
  }

  private String finish(StringBuilder line) {
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') {
      end--;
    }
    return line.substring(0, end);
  }
}
