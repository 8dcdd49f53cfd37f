package dev.verbatim.index;

import dev.verbatim.index.schema.Schema;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;

/**
 * Analyses an article's text once for all the fields that index it: the stemmed and the exact copy,
 * and the same two copies of each quote in it, which is a span of that text. The char filter,
 * tokenizer and lowercasing run once per text ({@link Schema#headAnalyzer}); the stemmed and exact
 * fields replay those tokens through their own tails of the chain, recording what comes out, and a
 * quote's fields replay the recorded terms of its span. Every field gets exactly the terms,
 * positions and offsets {@link Schema#analyzer()} would give it. Holds one worker's buffers: not
 * thread-safe, and a text's fields must be indexed before the same {@link Tokens} analyses the next
 * text.
 */
final class TextAnalysis {
  private final Analyzer head = Schema.headAnalyzer(true);
  // For texts whose marks fold one for one: folded beforehand, no char filter.
  private final Analyzer headOfFolded = Schema.headAnalyzer(false);
  private final Replay exactSource = new Replay();
  private final Recorder exact = new Recorder(Schema.exactTail(exactSource), exactSource);
  private final Replay stemmedSource = new Replay();
  private final Recorder stemmed = new Recorder(Schema.stemmedTail(stemmedSource), stemmedSource);
  private final Replay recordedSpan = new Replay();
  // The exact chain for texts folded beforehand, without the char filter.
  private final Analyzer exactOfFolded = Schema.exactAnalyzerOfFolded();

  /** The tokens of one text after the shared head, and what each tail made of them. */
  static final class Tokens {
    private String text = "";
    private int generation;
    private final Buffer head = new Buffer();
    private final Buffer stemmed = new Buffer();
    private final Buffer exact = new Buffer();
    // Offsets of a span equal its own analysis' only when the char filter deletes nothing.
    private boolean spansReplayable;
  }

  /** Tokens in arrays reused from text to text; {@code source} is the head token each came from. */
  private static final class Buffer {
    private char[] chars = new char[4096];
    private int[] charStart = new int[256];
    private int[] charLength = new int[256];
    private int[] increment = new int[256];
    private int[] start = new int[256];
    private int[] end = new int[256];
    private int[] source = new int[256];
    private int count;
    private int finalOffset;
    // For a tail's buffer: the generation of the text it holds the whole output of, else -1.
    private int complete = -1;

    private void add(CharTermAttribute term, int posInc, int startOffset, int endOffset, int from) {
      if (count == start.length) {
        int n = count * 2;
        charStart = Arrays.copyOf(charStart, n);
        charLength = Arrays.copyOf(charLength, n);
        increment = Arrays.copyOf(increment, n);
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
        source = Arrays.copyOf(source, n);
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
      source[count] = from;
      count++;
    }

    /** Index of the first token whose {@code values} entry is above {@code bound}: they ascend. */
    private int firstAbove(int[] values, int bound) {
      int lo = 0;
      int hi = count;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (values[mid] <= bound) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  /** Runs the shared head over {@code text} into {@code into}, replacing what it held. */
  void analyse(String text, Tokens into) throws IOException {
    into.text = text;
    into.generation++;
    Buffer buffer = into.head;
    buffer.count = 0;
    java.io.Reader folded = Schema.foldingReader(text);
    into.spansReplayable = folded != null;
    try (TokenStream ts =
        folded != null ? headOfFolded.tokenStream("", folded) : head.tokenStream("", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        buffer.add(
            term,
            posInc.getPositionIncrement(),
            offset.startOffset(),
            offset.endOffset(),
            buffer.count);
      }
      ts.end();
      buffer.finalOffset = offset.endOffset();
    }
  }

  /** A field indexing the whole text {@code tokens} was analysed from. */
  Field whole(String name, Tokens tokens, FieldType type, boolean stem) {
    return new Replayed(
        name, tokens.text, type, stem, tokens, 0, tokens.head.count, 0, tokens.head.finalOffset);
  }

  /**
   * A field indexing {@code part} of {@code text}, found at or after {@code from}, with the tokens
   * {@code text} left in {@code tokens}. The field analyses {@code part} on its own when those
   * tokens cannot be shared: they are another text's, a token crosses the span's edge, or the char
   * filter moved offsets.
   */
  Field span(
      String name,
      Tokens tokens,
      String text,
      String part,
      int from,
      FieldType type,
      boolean stem) {
    if (tokens.text != text || !tokens.spansReplayable) {
      return new Field(name, part, type);
    }
    int at = text.startsWith(part, from) ? from : text.indexOf(part, from);
    if (at < 0) {
      return new Field(name, part, type);
    }
    Buffer head = tokens.head;
    int limit = at + part.length();
    int first = head.firstAbove(head.end, at);
    int last = first;
    while (last < head.count && head.end[last] <= limit) {
      // Positions inside the span are then those of its own analysis, counted from its start.
      if (head.increment[last] != 1) {
        return new Field(name, part, type);
      }
      last++;
    }
    boolean crossesStart = first < head.count && head.start[first] < at;
    boolean crossesEnd = last < head.count && head.start[last] < limit;
    if (crossesStart || crossesEnd) {
      return new Field(name, part, type);
    }
    return new Replayed(name, part, type, stem, tokens, first, last, at, part.length());
  }

  /**
   * A field of the exact chain ({@link Schema#SPEAKER}, {@link Schema#SOURCE}, {@link
   * Schema#AUTHOR}) over a short text, stored as given. When its marks fold one for one it is
   * tokenized folded, without the char filter, whose buffers (a 1 KB array per field) were an
   * eighth of what an indexing worker allocated (JFR).
   */
  Field exact(String name, String value, FieldType type) {
    String folded = Schema.foldedInPlace(value);
    return folded == null ? new Field(name, value, type) : new Folded(name, value, type, folded);
  }

  /** A stored value whose terms are those of its folded copy through the exact chain. */
  private final class Folded extends Field {
    private final String folded;

    Folded(String name, String value, FieldType type, String folded) {
      super(name, value, type);
      this.folded = folded;
    }

    @Override
    public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
      return exactOfFolded.tokenStream(name(), folded);
    }
  }

  /**
   * A text field whose value is stored as usual but whose terms come from head tokens {@code
   * first..last-1} of a text, offsets moved by {@code -shift}.
   */
  private final class Replayed extends Field {
    private final boolean stem;
    private final Tokens tokens;
    private final int generation;
    private final int first;
    private final int last;
    private final int shift;
    private final int finalOffset;

    Replayed(
        String name,
        String value,
        FieldType type,
        boolean stem,
        Tokens tokens,
        int first,
        int last,
        int shift,
        int finalOffset) {
      super(name, value, type);
      this.stem = stem;
      this.tokens = tokens;
      this.generation = tokens.generation;
      this.first = first;
      this.last = last;
      this.shift = shift;
      this.finalOffset = finalOffset;
    }

    @Override
    public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
      if (tokens.generation != generation) {
        throw new IllegalStateException(
            "field " + name() + " indexed after its tokens were reused");
      }
      Buffer output = stem ? tokens.stemmed : tokens.exact;
      boolean whole = first == 0 && last == tokens.head.count && shift == 0;
      if (!whole && output.complete == generation) {
        // The tails are token by token: a span's terms are those the whole text's gave its tokens;
        // only the first one's increment counts from the span's start (stop words before it).
        int from = output.firstAbove(output.source, first - 1);
        int to = output.firstAbove(output.source, last - 1);
        int firstIncrement = from < to ? output.source[from] - first + 1 : 1;
        recordedSpan.replay(output, from, to, shift, finalOffset, firstIncrement);
        return recordedSpan;
      }
      Replay source = stem ? stemmedSource : exactSource;
      source.replay(tokens.head, first, last, shift, finalOffset, -1);
      Recorder out = stem ? stemmed : exact;
      out.recordInto(whole ? output : null, generation);
      return out;
    }
  }

  /**
   * Plays back tokens {@code first..last-1} of a {@link Buffer}, offsets moved by {@code -shift}.
   */
  private static final class Replay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc =
        addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private Buffer tokens;
    private int first;
    private int last;
    private int shift;
    private int finalOffset;
    private int firstIncrement;
    private int next;

    /** {@code firstIncrement} replaces the first token's increment when it is not -1. */
    void replay(
        Buffer from,
        int firstToken,
        int lastToken,
        int offsetShift,
        int endOffset,
        int firstIncrement) {
      tokens = from;
      first = firstToken;
      last = lastToken;
      shift = offsetShift;
      finalOffset = endOffset;
      this.firstIncrement = firstIncrement;
    }

    /** The index in the replayed buffer of the token last played. */
    int current() {
      return next - 1;
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
      boolean replaced = next == first && firstIncrement != -1;
      posInc.setPositionIncrement(replaced ? firstIncrement : tokens.increment[next]);
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

  /** Passes a tail's tokens on and, when asked, records them with the head token each came from. */
  private static final class Recorder extends TokenFilter {
    private final Replay source;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc =
        addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private Buffer into;
    private int generation;

    Recorder(TokenStream tail, Replay source) {
      super(tail);
      this.source = source;
    }

    void recordInto(Buffer buffer, int textGeneration) {
      into = buffer;
      generation = textGeneration;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      if (into != null) {
        into.count = 0;
        into.complete = -1;
      }
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      if (into != null) {
        into.add(
            term,
            posInc.getPositionIncrement(),
            offset.startOffset(),
            offset.endOffset(),
            source.current());
      }
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      if (into != null) {
        into.finalOffset = offset.endOffset();
        into.complete = generation;
      }
    }
  }
}
