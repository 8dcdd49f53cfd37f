package dev.verbatim.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;

/**
 * Analyses an article's text once for all the fields that index it: the stemmed and the exact
 * copy, and the same two copies of each quote in it, which is a span of that text. The char
 * filter, tokenizer and lowercasing run once per text ({@link Schema#sharedHead}); each field
 * replays those tokens through its own tail of the chain, so it gets exactly the terms, positions
 * and offsets {@link Schema#analyzer()} would give it. Holds one worker's buffers: not thread-safe,
 * and a text's fields must be indexed before the same {@link Tokens} analyses the next text.
 */
final class TextAnalysis {
  private final Analyzer head = new Head(true);
  // For texts whose marks fold one for one: folded beforehand, no char filter.
  private final Analyzer headOfFolded = new Head(false);
  private final Replay exactSource = new Replay();
  private final TokenStream exact = Schema.exactTail(exactSource);
  private final Replay stemmedSource = new Replay();
  private final TokenStream stemmed = Schema.stemmedTail(stemmedSource);

  /** The tokens of one text after the shared head, in arrays reused from text to text. */
  static final class Tokens {
    private String text = "";
    private char[] chars = new char[4096];
    private int[] charStart = new int[256];
    private int[] charLength = new int[256];
    private int[] increment = new int[256];
    private int[] start = new int[256];
    private int[] end = new int[256];
    private int count;
    private int finalOffset;
    // Offsets of a span equal its own analysis' only when the char filter deletes nothing.
    private boolean spansReplayable;

    private void add(CharTermAttribute term, int posInc, int startOffset, int endOffset) {
      if (count == start.length) {
        int n = count * 2;
        charStart = Arrays.copyOf(charStart, n);
        charLength = Arrays.copyOf(charLength, n);
        increment = Arrays.copyOf(increment, n);
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
      }
      int at = count == 0 ? 0 : charStart[count - 1] + charLength[count - 1];
      if (at + term.length() > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, at + term.length()));
      }
      System.arraycopy(term.buffer(), 0, chars, at, term.length());
      charStart[count] = at;
      charLength[count] = term.length();
      increment[count] = posInc;
      start[count] = startOffset;
      end[count] = endOffset;
      count++;
    }
  }

  /** Runs the shared head over {@code text} into {@code into}, replacing what it held. */
  void analyse(String text, Tokens into) throws IOException {
    into.text = text;
    into.count = 0;
    String folded = Schema.foldedInPlace(text);
    into.spansReplayable = folded != null;
    try (TokenStream ts = folded != null ? headOfFolded.tokenStream("", folded) : head.tokenStream("", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        into.add(term, posInc.getPositionIncrement(), offset.startOffset(), offset.endOffset());
      }
      ts.end();
      into.finalOffset = offset.endOffset();
    }
  }

  /** A field indexing the whole text {@code tokens} was analysed from. */
  Field whole(String name, Tokens tokens, FieldType type, boolean stem) {
    return new Replayed(name, tokens.text, type, stem, tokens, 0, tokens.count, 0, tokens.finalOffset);
  }

  /**
   * A field indexing {@code part} of {@code text}, found at or after {@code from}, with the tokens
   * {@code text} left in {@code tokens}. The field analyses {@code part} on its own when those
   * tokens cannot be shared: they are another text's, a token crosses the span's edge, or the char
   * filter moved offsets.
   */
  Field span(String name, Tokens tokens, String text, String part, int from, FieldType type, boolean stem) {
    if (tokens.text != text || !tokens.spansReplayable) {
      return new Field(name, part, type);
    }
    int at = text.startsWith(part, from) ? from : text.indexOf(part, from);
    if (at < 0) {
      return new Field(name, part, type);
    }
    int limit = at + part.length();
    int first = firstEndingAfter(tokens, at);
    int last = first;
    while (last < tokens.count && tokens.end[last] <= limit) {
      if (tokens.increment[last] != 1) {
        return new Field(name, part, type);
      }
      last++;
    }
    boolean crossesStart = first < tokens.count && tokens.start[first] < at;
    boolean crossesEnd = last < tokens.count && tokens.start[last] < limit;
    if (crossesStart || crossesEnd) {
      return new Field(name, part, type);
    }
    return new Replayed(name, part, type, stem, tokens, first, last, at, part.length());
  }

  /** Index of the first token ending after {@code offset}: tokens are in offset order. */
  private static int firstEndingAfter(Tokens tokens, int offset) {
    int lo = 0;
    int hi = tokens.count;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tokens.end[mid] <= offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The char filter (when asked), the tokenizer and {@link Schema#sharedHead}. */
  private static final class Head extends Analyzer {
    private final boolean foldMarks;

    Head(boolean foldMarks) {
      this.foldMarks = foldMarks;
    }

    @Override
    protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
      return foldMarks ? Schema.foldMarks(reader) : reader;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = Schema.textTokenizer();
      return new TokenStreamComponents(source, Schema.sharedHead(source));
    }
  }

  /** A text field whose value is stored as usual but whose terms come from a replay. */
  private final class Replayed extends Field {
    private final boolean stem;
    private final Tokens tokens;
    private final int first;
    private final int last;
    private final int shift;
    private final int finalOffset;

    Replayed(String name, String value, FieldType type, boolean stem, Tokens tokens, int first, int last,
        int shift, int finalOffset) {
      super(name, value, type);
      this.stem = stem;
      this.tokens = tokens;
      this.first = first;
      this.last = last;
      this.shift = shift;
      this.finalOffset = finalOffset;
    }

    @Override
    public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
      (stem ? stemmedSource : exactSource).replay(tokens, first, last, shift, finalOffset);
      return stem ? stemmed : exact;
    }
  }

  /** Plays back tokens {@code first..last-1} of a {@link Tokens}, offsets moved by {@code -shift}. */
  private static final class Replay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private Tokens tokens;
    private int first;
    private int last;
    private int shift;
    private int finalOffset;
    private int next;

    void replay(Tokens from, int firstToken, int lastToken, int offsetShift, int endOffset) {
      tokens = from;
      first = firstToken;
      last = lastToken;
      shift = offsetShift;
      finalOffset = endOffset;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = first;
    }

    @Override
    public boolean incrementToken() {
      if (next >= last) {
        return false;
      }
      clearAttributes();
      term.copyBuffer(tokens.chars, tokens.charStart[next], tokens.charLength[next]);
      posInc.setPositionIncrement(tokens.increment[next]);
      offset.setOffset(tokens.start[next] - shift, tokens.end[next] - shift);
      next++;
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      offset.setOffset(finalOffset, finalOffset);
    }
  }
}
