package dev.verbatim.index;

import dev.verbatim.index.schema.Schema;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOConsumer;
import org.apache.lucene.util.StringHelper;

/**
 * What each corpus file was when it was last indexed (size, modification time, content hash), as
 * recorded in the {@link Schema#FILE_STATE} terms of the last commit. Because the record lives in
 * the same commit as the documents, it can never disagree with them after a crash. Looked up one
 * path at a time in the term dictionary, so a corpus of millions of files costs no heap. Not
 * thread-safe.
 */
final class FileStates implements Closeable {
  private static final char SEP = '\u0000';

  private final DirectoryReader reader;
  private final TermsEnum[] leafTerms;
  private final Bits[] leafLive;
  private final LeafReaderContext[] leafContexts;
  private PostingsEnum postings;
  // The live document live() found last.
  private int liveDoc;

  private FileStates(DirectoryReader reader) throws IOException {
    this.reader = reader;
    List<LeafReaderContext> leaves = reader == null ? List.of() : reader.leaves();
    leafTerms = new TermsEnum[leaves.size()];
    leafLive = new Bits[leaves.size()];
    leafContexts = leaves.toArray(new LeafReaderContext[0]);
    for (int i = 0; i < leaves.size(); i++) {
      Terms terms = leaves.get(i).reader().terms(Schema.FILE_STATE);
      leafTerms[i] = terms == null ? null : terms.iterator();
      leafLive[i] = leaves.get(i).reader().getLiveDocs();
    }
  }

  /** No recorded states: a new index, or a rebuild that ignores the old one. */
  static FileStates none() throws IOException {
    return new FileStates(null);
  }

  /** The states recorded in the last commit in {@code dir} (none if there is no commit). */
  static FileStates open(Directory dir) throws IOException {
    return new FileStates(DirectoryReader.indexExists(dir) ? DirectoryReader.open(dir) : null);
  }

  /**
   * One file's state; {@code declared} is what its folders' metadata and the run's default source
   * declared for it ({@link dev.verbatim.corpus.CorpusReader#declaredFor}, "" for nothing), and
   * {@code term} its {@link Schema#FILE_STATE} term as indexed, whose time may be older than {@code
   * modified} when the file was touched since.
   */
  record State(String path, long size, long modified, String sha256, String declared, String term) {
    State(String path, long size, long modified, String sha256, String declared) {
      this(path, size, modified, sha256, declared, term(path, size, modified, sha256, declared));
    }

    // Nothing declared keeps the four parts that indexes written before declarations had.
    private static String term(
        String path, long size, long modified, String sha256, String declared) {
      String term = path + SEP + size + SEP + modified + SEP + sha256;
      return declared.isEmpty() ? term : term + SEP + declared;
    }

    static State parse(String term) {
      String[] parts = term.split(String.valueOf(SEP), -1);
      if (parts.length != 4 && parts.length != 5) {
        throw new IllegalArgumentException(
            "malformed " + Schema.FILE_STATE + " term: " + term.replace(SEP, '|'));
      }
      return new State(
          parts[0],
          Long.parseLong(parts[1]),
          Long.parseLong(parts[2]),
          parts[3],
          parts.length == 5 ? parts[4] : "",
          term);
    }

    /** This state with the modification time {@code newModified}; the term stays the same. */
    State touchedAt(long newModified) {
      return new State(path, size, newModified, sha256, declared, term());
    }

    /**
     * Same size, modification time and declarations: trusted unchanged without reading the file.
     */
    boolean sameStamp(long otherSize, long otherModified, String otherDeclared) {
      return size == otherSize && modified == otherModified && declared.equals(otherDeclared);
    }
  }

  /** The recorded state of the corpus-relative {@code path}, or null when it has none. */
  State get(String path) throws IOException {
    BytesRef prefix = new BytesRef(path + SEP);
    for (int i = 0; i < leafTerms.length; i++) {
      TermsEnum te = leafTerms[i];
      if (te == null || te.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
        continue;
      }
      for (BytesRef term = te.term();
          term != null && StringHelper.startsWith(term, prefix);
          term = te.next()) {
        if (live(te, leafLive[i])) {
          State recorded = State.parse(term.utf8ToString());
          NumericDocValues touched =
              leafContexts[i].reader().getNumericDocValues(Schema.FILE_MODIFIED);
          return touched != null && touched.advanceExact(liveDoc)
              ? recorded.touchedAt(touched.longValue())
              : recorded;
        }
      }
    }
    return null;
  }

  /** Calls {@code action} once for every path with a recorded state, in term order. */
  void forEachPath(IOConsumer<String> action) throws IOException {
    if (reader == null) {
      return;
    }
    Terms terms = MultiTerms.getTerms(reader, Schema.FILE_STATE);
    if (terms == null) {
      return;
    }
    Bits live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
    TermsEnum te = terms.iterator();
    String last = null;
    for (BytesRef term = te.next(); term != null; term = te.next()) {
      if (live(te, live)) {
        String path = State.parse(term.utf8ToString()).path();
        if (!path.equals(last)) {
          action.accept(path);
          last = path;
        }
      }
    }
  }

  private boolean live(TermsEnum te, Bits live) throws IOException {
    postings = te.postings(postings, PostingsEnum.NONE);
    for (int doc = postings.nextDoc();
        doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = postings.nextDoc()) {
      if (live == null || live.get(doc)) {
        liveDoc = doc;
        return true;
      }
    }
    return false;
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

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }
}
