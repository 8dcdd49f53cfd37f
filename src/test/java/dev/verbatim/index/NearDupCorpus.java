package dev.verbatim.index;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The {@code neardup-corpus} fixture: printings of quotes with small edits, one file each. */
public final class NearDupCorpus {
  /** The four printings of the harbour quote, in file-name order. */
  public static final List<String> HARBOUR =
      List.of("harbour-a", "harbour-b", "harbour-c", "harbour-d");

  private NearDupCorpus() {}

  /** The fixture folder. */
  public static Path folder() throws IOException {
    try {
      return Path.of(NearDupCorpus.class.getResource("/neardup-corpus").toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }

  /**
   * Copies fixture {@code fixture} (say {@code harbour-a}) into {@code corpus} as {@code
   * name}.jsonl.
   */
  public static void copy(String fixture, Path corpus, String name) throws IOException {
    Files.copy(folder().resolve(fixture + ".jsonl"), corpus.resolve(name + ".jsonl"));
  }
}
