package dev.verbatim.index.schema;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;

/**
 * The index layout: every field name and analyzer, defined once and shared by the indexer and the
 * searcher. Stateless and thread-safe, as are the analyzers it hands out.
 *
 * <p>Each article is one document of {@link #TYPE} {@code article}; each quote in it is one more
 * document of type {@code quote} carrying its article's id, title and source. Text fields come
 * twice: stemmed for recall ({@link #TEXT}, {@link #TITLE}) and unstemmed for exact phrases ({@link
 * #TEXT_EXACT}, {@link #TITLE_EXACT}); both index offsets so highlights are exact.
 */
public final class Schema {
  /** Unique document key: the article id, or {@code articleId#offset} for a quote. */
  public static final String ID = "id";

  /** {@code article} or {@code quote}. */
  public static final String TYPE = "type";

  /** The article a document belongs to (its own id for an article). */
  public static final String ARTICLE_ID = "article_id";

  /** Corpus-relative path of the file the article came from. */
  public static final String FILE = "file";

  /**
   * On article documents, what their file was when read: {@code path NUL size NUL mtime NUL
   * sha256}, a keyword. A reindex lists these terms to find new, changed and deleted files.
   */
  public static final String FILE_STATE = "file_state";

  /**
   * On article documents, a numeric doc value: their file's modification time when it was last
   * seen, which a run updates in place when a file was touched but its content hash is the same, so
   * the next run trusts the new time without reading the file again. Overrides the time in {@link
   * #FILE_STATE}.
   */
  public static final String FILE_MODIFIED = "file_modified";

  /** Headline, stemmed (articles only; quotes store it as {@link #ARTICLE_TITLE}). */
  public static final String TITLE = "title";

  /** Headline, unstemmed. */
  public static final String TITLE_EXACT = "title_exact";

  /** The title of a quote's article, stored only. */
  public static final String ARTICLE_TITLE = "article_title";

  /** Body of an article or words of a quote, stemmed, stored, with offsets. */
  public static final String TEXT = "text";

  /** Same text, unstemmed, for exact phrases. */
  public static final String TEXT_EXACT = "text_exact";

  /** Speaker's canonical name, analyzed (so {@code speaker:kardashian} matches). */
  public static final String SPEAKER = "speaker";

  /** Speaker's canonical name as one keyword, for filters and facets. */
  public static final String SPEAKER_KEY = "speaker_key";

  /** Publication, analyzed. */
  public static final String SOURCE = "source";

  /** Publication as one keyword, for filters and facets. */
  public static final String SOURCE_KEY = "source_key";

  /** Byline, analyzed and stored. */
  public static final String AUTHOR = "author";

  /** Canonical URL, stored and indexed as one keyword, for filtering by address. */
  public static final String URL = "url";

  /** Publication day: a point (epoch day) for ranges, doc values for sorting, stored as ISO. */
  public static final String DATE = "date";

  /** Quote kind label: full, partial (not-a-quote spans are not indexed). */
  public static final String KIND = "kind";

  /** Quote offset and length in the article text, stored. */
  public static final String OFFSET = "offset";

  public static final String LENGTH = "length";

  /** Cue verb and the speaker mention (text, offset), stored as evidence. */
  public static final String CUE = "cue";

  public static final String MENTION = "mention";
  public static final String MENTION_OFFSET = "mention_offset";

  /** How the speaker was found ({@code cue-after/pronoun}) and where its antecedent is named. */
  public static final String RULE = "rule";

  public static final String ANTECEDENT = "antecedent";
  public static final String ANTECEDENT_OFFSET = "antecedent_offset";

  /**
   * The key of a quote's group, equal for every printing of the same quotation, small edits
   * included (see {@code dev.verbatim.index.QuoteGrouper}): 16 hex digits, keyword and sorted doc
   * values, stored.
   */
  public static final String FINGERPRINT = "fingerprint";

  /**
   * The stored fields a search hit is built from, in every backend: the local searcher reads them
   * from stored fields, the cluster asks for them in {@code _source}.
   */
  public static final List<String> HIT_FIELDS =
      List.of(
          ID,
          TYPE,
          ARTICLE_ID,
          TITLE,
          ARTICLE_TITLE,
          SOURCE,
          DATE,
          SPEAKER,
          CUE,
          MENTION,
          MENTION_OFFSET,
          RULE,
          ANTECEDENT,
          ANTECEDENT_OFFSET,
          KIND,
          TEXT,
          OFFSET,
          FINGERPRINT);

  /** Hashes of a quote's first and last half of words, 8-byte keywords, for finding variants. */
  public static final String NEAR_KEY = "near_key";

  /**
   * Keys of other quote groups that this quote's group absorbs, because the quote is the same
   * quotation as members of each (see {@code dev.verbatim.index.QuoteGrouper}): keywords, not
   * stored, rare.
   */
  public static final String MERGES = "merges";

  /** URL-safe id of a quote across articles, from {@link #quoteId(String)}; keyword, stored. */
  public static final String QUOTE_ID = "quote_id";

  /**
   * How a field is indexed, in terms any backend can map to its own: the local index builds its
   * Lucene fields this way ({@code Documents}), a cluster backend generates its mapping from {@link
   * #FIELDS}.
   */
  public enum FieldKind {
    /** One exact term, for filters, ids and grouping; case matters. */
    KEYWORD,
    /** Opaque bytes as one exact term (hex-encoded where a backend only takes strings). */
    BINARY_KEYWORD,
    /** Text through {@link TextChain#STEMMED}, positions and offsets indexed. */
    STEMMED_TEXT,
    /** Text through {@link TextChain#EXACT}, positions and offsets indexed. */
    EXACT_TEXT,
    /** A calendar day ({@code yyyy-MM-dd}): ranges, sorting, year and month facets. */
    DAY,
    /** A whole number, stored only. */
    INTEGER,
    /** A string, stored only: shown, never searched. */
    STORED_TEXT
  }

  /**
   * One field of the index. Immutable.
   *
   * @param name the field name, as documents and queries use it
   * @param kind how it is indexed
   * @param stored whether its value can be read back
   * @param multiValued whether a document may hold several values
   */
  public record FieldSpec(String name, FieldKind kind, boolean stored, boolean multiValued) {
    static FieldSpec of(String name, FieldKind kind, boolean stored) {
      return new FieldSpec(name, kind, stored, false);
    }
  }

  /** Every field a document of the index may have (facet bookkeeping aside). */
  public static final List<FieldSpec> FIELDS =
      List.of(
          FieldSpec.of(ID, FieldKind.KEYWORD, true),
          FieldSpec.of(TYPE, FieldKind.KEYWORD, true),
          FieldSpec.of(ARTICLE_ID, FieldKind.KEYWORD, true),
          FieldSpec.of(FILE, FieldKind.KEYWORD, true),
          FieldSpec.of(FILE_STATE, FieldKind.KEYWORD, false),
          FieldSpec.of(TITLE, FieldKind.STEMMED_TEXT, true),
          FieldSpec.of(TITLE_EXACT, FieldKind.EXACT_TEXT, false),
          FieldSpec.of(ARTICLE_TITLE, FieldKind.STORED_TEXT, true),
          FieldSpec.of(TEXT, FieldKind.STEMMED_TEXT, true),
          FieldSpec.of(TEXT_EXACT, FieldKind.EXACT_TEXT, false),
          FieldSpec.of(SPEAKER, FieldKind.EXACT_TEXT, true),
          FieldSpec.of(SPEAKER_KEY, FieldKind.KEYWORD, false),
          FieldSpec.of(SOURCE, FieldKind.EXACT_TEXT, true),
          FieldSpec.of(SOURCE_KEY, FieldKind.KEYWORD, false),
          FieldSpec.of(AUTHOR, FieldKind.EXACT_TEXT, true),
          FieldSpec.of(URL, FieldKind.KEYWORD, true),
          FieldSpec.of(DATE, FieldKind.DAY, true),
          FieldSpec.of(KIND, FieldKind.KEYWORD, true),
          FieldSpec.of(OFFSET, FieldKind.INTEGER, true),
          FieldSpec.of(LENGTH, FieldKind.INTEGER, true),
          FieldSpec.of(CUE, FieldKind.STORED_TEXT, true),
          FieldSpec.of(MENTION, FieldKind.STORED_TEXT, true),
          FieldSpec.of(MENTION_OFFSET, FieldKind.INTEGER, true),
          FieldSpec.of(RULE, FieldKind.STORED_TEXT, true),
          FieldSpec.of(ANTECEDENT, FieldKind.STORED_TEXT, true),
          FieldSpec.of(ANTECEDENT_OFFSET, FieldKind.INTEGER, true),
          FieldSpec.of(FINGERPRINT, FieldKind.KEYWORD, true),
          new FieldSpec(NEAR_KEY, FieldKind.BINARY_KEYWORD, false, true),
          new FieldSpec(MERGES, FieldKind.KEYWORD, false, true),
          FieldSpec.of(QUOTE_ID, FieldKind.KEYWORD, true));

  /**
   * The two analysis chains of text fields, step by step in backend-neutral names; both start with
   * the {@link #foldedMarks()} char filter and the standard (UAX#29) tokenizer. The Lucene chains
   * below are built from these lists, and a cluster backend renders the same steps as its own
   * filters.
   */
  public enum TextChain {
    /** Case, possessives and accents folded, English stop words dropped, Porter stems. */
    STEMMED(
        List.of(
            TextStep.LOWERCASE,
            TextStep.ENGLISH_POSSESSIVE,
            TextStep.ASCII_FOLDING,
            TextStep.ENGLISH_STOP,
            TextStep.PORTER_STEM)),
    /** Case and accents folded, every word kept as written. */
    EXACT(List.of(TextStep.LOWERCASE, TextStep.ASCII_FOLDING));

    private final List<TextStep> steps;

    TextChain(List<TextStep> steps) {
      this.steps = steps;
    }

    /** The token filters after the tokenizer, in order. */
    public List<TextStep> steps() {
      return steps;
    }
  }

  /** One token filter of a {@link TextChain}. */
  public enum TextStep {
    LOWERCASE,
    /** Drops a trailing {@code 's}. */
    ENGLISH_POSSESSIVE,
    ASCII_FOLDING,
    /** Drops the words of {@link #englishStopWords()}. */
    ENGLISH_STOP,
    PORTER_STEM
  }

  /** The stop words {@link TextStep#ENGLISH_STOP} drops (Lucene's English list). */
  public static List<String> englishStopWords() {
    List<String> words = new java.util.ArrayList<>();
    for (Object w : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
      words.add(new String((char[]) w));
    }
    words.sort(null);
    return List.copyOf(words);
  }

  /**
   * The char filter both chains start with, as replacements: each key (one char) becomes its value,
   * which may be empty (combining accents are dropped; composed ones fold later).
   */
  public static Map<String, String> foldedMarks() {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < FOLD_FROM.length(); i++) {
      map.put(FOLD_FROM.substring(i, i + 1), FOLD_TO.substring(i, i + 1));
    }
    for (char mark = '\u0300'; mark <= '\u036F'; mark++) {
      map.put(String.valueOf(mark), "");
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  /** Values of {@link #TYPE}. */
  public static final String TYPE_ARTICLE = "article";

  public static final String TYPE_QUOTE = "quote";

  /** Facet dimensions, counted from doc values. {@code date} is hierarchical: year, then month. */
  public static final String FACET_TYPE = "type";

  public static final String FACET_SPEAKER = "speaker";
  public static final String FACET_SOURCE = "source";
  public static final String FACET_DATE = "date";

  /**
   * How analyzed text fields are indexed: positions and offsets in postings, for exact phrases and
   * the UnifiedHighlighter (no term vectors). Frozen, so safe to share.
   */
  public static final FieldType TEXT_STORED = textType(true);

  /** {@link #TEXT_STORED} without the stored value, for the unstemmed copies. Frozen. */
  public static final FieldType TEXT_UNSTORED = textType(false);

  private static FieldType textType(boolean stored) {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(stored);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }

  private Schema() {}

  /** How facet dimensions are indexed; the searcher must count with the same configuration. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setHierarchical(FACET_DATE, true);
    // Counts come from doc values; filters use the keyword fields (SPEAKER_KEY, SOURCE_KEY, TYPE,
    // DATE), never a drill-down query, so the drill-down terms (two per dimension and document,
    // a tenth of a quote document's terms) are not indexed.
    for (String dim : List.of(FACET_TYPE, FACET_SPEAKER, FACET_SOURCE, FACET_DATE)) {
      config.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.NONE);
    }
    return config;
  }

  /**
   * The id shared by every occurrence of a quote: lowercase hex of the first 12 bytes of the
   * SHA-256 of its {@link #FINGERPRINT}, short and URL-safe.
   */
  public static String quoteId(String fingerprint) {
    return java.util.HexFormat.of().formatHex(sha256(fingerprint), 0, 12);
  }

  // getInstance looks the algorithm up among the providers on every call; a digest per thread
  // resets itself after each digest().
  private static final ThreadLocal<java.security.MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
              throw new IllegalStateException("every JDK has SHA-256", e);
            }
          });

  /** The SHA-256 of {@code s} in UTF-8. */
  public static byte[] sha256(String s) {
    return SHA_256.get().digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The analyzer for stemmed text fields: possessives, case and accents folded, Porter stems. */
  public static Analyzer stemmedAnalyzer() {
    return new TextAnalyzer(true, Schema::stemmedTail);
  }

  /** The analyzer for exact text fields: case, accents and apostrophe style folded, no stems. */
  public static Analyzer exactAnalyzer() {
    return new TextAnalyzer(true, Schema::exactTail);
  }

  /** {@link #exactAnalyzer()} for text {@link #foldedInPlace} already folded: no char filter. */
  public static Analyzer exactAnalyzerOfFolded() {
    return new TextAnalyzer(false, Schema::exactTail);
  }

  /**
   * The part both text chains share, {@link #sharedHead}, for the indexer to run once per text;
   * without the char filter for text {@link #foldedInPlace} already folded.
   */
  public static Analyzer headAnalyzer(boolean foldMarks) {
    return new TextAnalyzer(foldMarks, head -> head);
  }

  /** The analyzer for every field of the schema, used when indexing and when parsing queries. */
  public static Analyzer analyzer() {
    Analyzer stemmed = stemmedAnalyzer();
    Analyzer exact = exactAnalyzer();
    return new PerFieldAnalyzerWrapper(
        stemmed,
        Map.of(
            TITLE_EXACT, exact,
            TEXT_EXACT, exact,
            SPEAKER, exact,
            SOURCE, exact,
            AUTHOR, exact,
            TYPE, new KeywordAnalyzer(),
            URL, new KeywordAnalyzer(),
            KIND, new KeywordAnalyzer()));
  }

  /**
   * Folds the characters that differ between typists but not in meaning (curly vs straight
   * apostrophes and quotes, non-breaking spaces, combining accents) before tokenizing; offsets
   * still point at the original text, so what is shown never changes.
   */
  private static final NormalizeCharMap FOLD_MARKS;

  /**
   * The one-for-one replacements of {@link #FOLD_MARKS}: {@code FOLD_FROM[i]} becomes {@code
   * FOLD_TO[i]}.
   */
  private static final String FOLD_FROM = "\u2019\u2018\u02BC\uFF07\u00A0\u201C\u201D";

  private static final String FOLD_TO = "'''' \"\"";

  static {
    NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
    // Decomposed accents (e + U+0308) are dropped here; ASCIIFoldingFilter folds composed ones.
    foldedMarks().forEach(b::add);
    FOLD_MARKS = b.build();
  }

  /** The char filter both text chains start with: {@link #FOLD_MARKS}. */
  private static java.io.Reader foldMarks(java.io.Reader reader) {
    return new MappingCharFilter(FOLD_MARKS, reader);
  }

  /**
   * {@code text} as {@link #foldMarks} hands it to the tokenizer, when that moves no offset (there
   * is no combining mark to drop); null otherwise. For the indexer, which has whole strings: it
   * spares the char filter's map lookup per char.
   */
  public static String foldedInPlace(String text) {
    char[] folded = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '\u00A0') {
        continue;
      }
      if (c >= '\u0300' && c <= '\u036F') {
        return null;
      }
      int k = FOLD_FROM.indexOf(c);
      if (k >= 0) {
        if (folded == null) {
          folded = text.toCharArray();
        }
        folded[i] = FOLD_TO.charAt(k);
      }
    }
    return folded == null ? text : new String(folded);
  }

  /**
   * A reader of {@code text} as {@link #foldMarks} hands it to the tokenizer, folding as it reads,
   * when that moves no offset (there is no combining mark to drop); null otherwise. For the
   * indexer's article bodies: unlike {@link #foldedInPlace} it makes no folded copy of the text
   * (JFR: the copies of bodies with a curly apostrophe were 5% of an indexing worker's allocation).
   */
  public static java.io.Reader foldingReader(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\u0300' && c <= '\u036F') {
        return null;
      }
    }
    return new FoldingReader(text);
  }

  /** Reads a string with each char of {@link #FOLD_FROM} replaced one for one. */
  private static final class FoldingReader extends java.io.Reader {
    private final String text;
    private int next;

    FoldingReader(String text) {
      this.text = text;
    }

    @Override
    public int read(char[] into, int off, int len) {
      if (next >= text.length()) {
        return -1;
      }
      int n = Math.min(len, text.length() - next);
      text.getChars(next, next + n, into, off);
      for (int i = off; i < off + n; i++) {
        char c = into[i];
        if (c >= '\u00A0') {
          int k = FOLD_FROM.indexOf(c);
          if (k >= 0) {
            into[i] = FOLD_TO.charAt(k);
          }
        }
      }
      next += n;
      return n;
    }

    @Override
    public void close() {}
  }

  /** The tokenizer both text chains share. */
  private static Tokenizer textTokenizer() {
    return new StandardTokenizer();
  }

  /** What both chains do after the tokenizer, so one pass can feed both: lowercasing. */
  private static TokenStream sharedHead(TokenStream tokens) {
    return new LowerCaseFilter(tokens);
  }

  /** The rest of the exact chain after {@link #sharedHead}: accents folded. */
  public static TokenStream exactTail(TokenStream head) {
    return tail(TextChain.EXACT, head);
  }

  /**
   * The rest of the stemmed chain after {@link #sharedHead}: possessives dropped, accents folded,
   * stop words removed, Porter stems. The possessive filter comes after lowercasing: it only looks
   * at a trailing apostrophe and {@code s} or {@code S}, so the order gives the same terms.
   */
  public static TokenStream stemmedTail(TokenStream head) {
    return tail(TextChain.STEMMED, head);
  }

  // The chain's steps after the shared head (its first step, lowercasing).
  private static TokenStream tail(TextChain chain, TokenStream head) {
    TokenStream s = head;
    for (TextStep step : chain.steps().subList(1, chain.steps().size())) {
      s =
          switch (step) {
            case LOWERCASE -> new LowerCaseFilter(s);
            case ENGLISH_POSSESSIVE -> new EnglishPossessiveFilter(s);
            case ASCII_FOLDING -> new ASCIIFoldingFilter(s);
            case ENGLISH_STOP -> new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            case PORTER_STEM -> new PorterStemFilter(s);
          };
    }
    return s;
  }

  private static final class TextAnalyzer extends Analyzer {
    private final boolean foldMarks;
    private final java.util.function.UnaryOperator<TokenStream> tail;

    TextAnalyzer(boolean foldMarks, java.util.function.UnaryOperator<TokenStream> tail) {
      this.foldMarks = foldMarks;
      this.tail = tail;
    }

    @Override
    protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
      return foldMarks ? foldMarks(reader) : reader;
    }

    @Override
    protected java.io.Reader initReaderForNormalization(String fieldName, java.io.Reader reader) {
      return foldMarks ? foldMarks(reader) : reader;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = textTokenizer();
      return new TokenStreamComponents(source, tail.apply(sharedHead(source)));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }
}
