package dev.verbatim.bench;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;

/**
 * What the bare-Lucene side of the benchmark knows of a Verbatim index, defined here as any Lucene
 * program that reads or writes such an index would define it: the names of the fields it touches,
 * how text fields are indexed, the analysis (the chain Verbatim configures, from Lucene's own
 * components), the facet configuration and the writer settings. The bench takes none of this from
 * the library's internals; BareLuceneTest checks that it still matches them. Stateless and
 * thread-safe, as are the analyzers it makes.
 */
final class BareLucene {
  static final String ID = "id";
  static final String TYPE = "type";
  static final String TITLE = "title";
  static final String TITLE_EXACT = "title_exact";
  static final String TEXT = "text";
  static final String TEXT_EXACT = "text_exact";
  static final String SPEAKER = "speaker";

  /** Values of {@link #TYPE}. */
  static final String TYPE_ARTICLE = "article";

  static final String TYPE_QUOTE = "quote";

  /** Facet dimensions; {@code date} is years with their months. */
  static final String FACET_TYPE = "type";

  static final String FACET_SPEAKER = "speaker";
  static final String FACET_SOURCE = "source";
  static final String FACET_DATE = "date";

  /**
   * Analyzed text with positions and offsets in postings (for phrases and highlighting), stored.
   */
  static final FieldType TEXT_STORED = textType(true);

  /** {@link #TEXT_STORED} without the stored value. */
  static final FieldType TEXT_UNSTORED = textType(false);

  // Curly apostrophes and quotes, the modifier apostrophe, the fullwidth one and no-break spaces
  // become their plain forms, and combining accents go, before tokenizing.
  private static final NormalizeCharMap FOLD = fold("\u2019\u2018\u02BC\uFF07\u00A0\u201C\u201D");

  private BareLucene() {}

  private static FieldType textType(boolean stored) {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(stored);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }

  private static NormalizeCharMap fold(String marks) {
    String plain = "'''' \"\"";
    NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
    for (int i = 0; i < marks.length(); i++) {
      b.add(marks.substring(i, i + 1), plain.substring(i, i + 1));
    }
    for (char mark = '\u0300'; mark <= '\u036F'; mark++) {
      b.add(String.valueOf(mark), "");
    }
    return b.build();
  }

  /** Headline and body words: marks and accents folded, possessives and stop words out, stems. */
  static Analyzer stemmed() {
    return text(true);
  }

  /** Every field the bench writes or queries, analyzed as Verbatim analyzes it. */
  static Analyzer analyzer() {
    Analyzer exact = text(false);
    return new PerFieldAnalyzerWrapper(
        stemmed(), Map.of(TITLE_EXACT, exact, TEXT_EXACT, exact, SPEAKER, exact));
  }

  private static Analyzer text(boolean stem) {
    return new Analyzer() {
      @Override
      protected Reader initReader(String field, Reader reader) {
        return new MappingCharFilter(FOLD, reader);
      }

      @Override
      protected Reader initReaderForNormalization(String field, Reader reader) {
        return new MappingCharFilter(FOLD, reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream words = new LowerCaseFilter(source);
        if (stem) {
          words = new ASCIIFoldingFilter(new EnglishPossessiveFilter(words));
          words =
              new PorterStemFilter(new StopFilter(words, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
        } else {
          words = new ASCIIFoldingFilter(words);
        }
        return new TokenStreamComponents(source, words);
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /** How the facet dimensions are indexed. */
  static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setHierarchical(FACET_DATE, true);
    // Counted from doc values only: no drill-down terms.
    for (String dim : java.util.List.of(FACET_TYPE, FACET_SPEAKER, FACET_SOURCE, FACET_DATE)) {
      config.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.NONE);
    }
    return config;
  }

  /**
   * The indexer's writer settings: a RAM buffer of a quarter of the heap (16 to 256 MB), no
   * compound files, tiered merges, a fresh index, no commit on close.
   */
  static IndexWriterConfig writerConfig() {
    IndexWriterConfig config = new IndexWriterConfig(analyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    long maxHeapMb = Runtime.getRuntime().maxMemory() >> 20;
    config.setRAMBufferSizeMB(Math.max(16, Math.min(256, maxHeapMb / 4)));
    config.setUseCompoundFile(false);
    TieredMergePolicy merges = new TieredMergePolicy();
    merges.setNoCFSRatio(0.0);
    config.setMergePolicy(merges);
    config.setCommitOnClose(false);
    return config;
  }
}
