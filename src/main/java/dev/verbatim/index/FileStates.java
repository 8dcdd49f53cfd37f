package dev.verbatim.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * What each corpus file was when it was last indexed (size, modification time, content hash), as
 * recorded in the {@link Schema#FILE_STATE} terms of the committed index. Because the record lives
 * in the same commit as the documents, it can never disagree with them after a crash.
 */
final class FileStates {
  private static final char SEP = '\u0000';

  private FileStates() {}

  /** One file's recorded state. */
  record State(String path, long size, long modified, String sha256) {
    String term() {
      return path + SEP + size + SEP + modified + SEP + sha256;
    }

    static State parse(String term) {
      String[] parts = term.split(String.valueOf(SEP), -1);
      if (parts.length != 4) {
        throw new IllegalArgumentException("malformed " + Schema.FILE_STATE + " term: " + term.replace(SEP, '|'));
      }
      return new State(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[3]);
    }

    /** Same size and modification time: trusted unchanged without reading the file. */
    boolean sameStamp(long otherSize, long otherModified) {
      return size == otherSize && modified == otherModified;
    }
  }

  /** Recorded state per corpus-relative path, from the last commit in {@code dir} (empty if none). */
  static Map<String, State> load(Directory dir) throws IOException {
    Map<String, State> states = new HashMap<>();
    if (!DirectoryReader.indexExists(dir)) {
      return states;
    }
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        Terms terms = leaf.reader().terms(Schema.FILE_STATE);
        if (terms == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        TermsEnum te = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef term = te.next(); term != null; term = te.next()) {
          postings = te.postings(postings, PostingsEnum.NONE);
          if (hasLiveDoc(postings, live)) {
            State s = State.parse(term.utf8ToString());
            states.put(s.path(), s);
          }
        }
      }
    }
    return states;
  }

  private static boolean hasLiveDoc(PostingsEnum postings, Bits live) throws IOException {
    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
      if (live == null || live.get(doc)) {
        return true;
      }
    }
    return false;
  }

  /** The state of {@code file} now, reading it to hash its content. */
  static State of(Path file, String relative) throws IOException {
    long size = Files.size(file);
    long modified = Files.getLastModifiedTime(file).toMillis();
    return new State(relative, size, modified, sha256(file));
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
