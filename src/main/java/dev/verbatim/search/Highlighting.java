package dev.verbatim.search;

import dev.verbatim.index.schema.Schema;
import dev.verbatim.search.spi.PassageMarker;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.SplittingBreakIterator;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Marks why a hit matched: passages of its text, its title and its speaker, with {@code <mark>}
 * around the matching words, everything else HTML-escaped. Thread-safe; one instance per searcher.
 *
 * <p>A page is marked in at most three highlighter passes, one per shape of hit (short quote, long
 * quote, article), each covering the text with the title or speaker. The highlighter reads the
 * field values the searcher already loaded instead of loading the stored documents again, and takes
 * where offsets come from from the reader's field infos, merged once per reader.
 */
final class Highlighting {
  /** A quote up to this long is shown whole, longer ones by their best passage. */
  static final int WHOLE_QUOTE = 300;

  private static final int MAX_ANALYZED = 200_000;
  private static final String[] ARTICLE_FIELDS = {Schema.TEXT, Schema.TITLE};
  private static final String[] QUOTE_FIELDS = {Schema.TEXT, Schema.SPEAKER};
  private static final PassageObjects WHOLE_FIELD = new PassageObjects(Integer.MAX_VALUE);

  private final Analyzer analyzer;

  Highlighting(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** The marked-up parts of one hit; {@code speakerHtml} is null when the hit names nobody. */
  record Marked(List<SearchResult.Passage> passages, String titleHtml, String speakerHtml) {}

  /**
   * One hit to mark: its doc id, whether it is a quote, its text, title and speaker. For a quote
   * the title is its article's, which the quote document stores but does not index.
   */
  record Target(int doc, boolean quote, String text, String title, String speaker) {
    /** The value the document holds in the indexed {@code field}, or null. */
    String indexed(String field) {
      return switch (field) {
        case Schema.TEXT -> text;
        case Schema.TITLE -> quote ? null : title;
        case Schema.SPEAKER -> speaker;
        default -> null;
      };
    }
  }

  /** How the text of one shape of hit is cut into passages. */
  private record TextShape(
      int passages, Supplier<BreakIterator> breaks, PassageObjects formatter) {}

  /** Marks {@code targets} (one page) for {@code query}; the answer is in the same order. */
  Marked[] mark(
      IndexSearcher searcher,
      FieldInfos fieldInfos,
      Query query,
      List<Target> targets,
      SearchRequest.Snippets snippets)
      throws IOException {
    int n = targets.size();
    List<Target> whole = new ArrayList<>();
    List<Target> longQuotes = new ArrayList<>();
    List<Target> articles = new ArrayList<>();
    for (Target t : targets) {
      if (!t.quote()) {
        articles.add(t);
      } else if (t.text() != null && t.text().length() <= WHOLE_QUOTE) {
        whole.add(t);
      } else {
        longQuotes.add(t);
      }
    }
    // Sentences, but a passage never crosses a line break: news bodies are paragraphs.
    Supplier<BreakIterator> paragraphSentences =
        () -> new SplittingBreakIterator(BreakIterator.getSentenceInstance(Locale.ROOT), '\n');
    PassageObjects cut = new PassageObjects(snippets.maxLength());
    Map<Integer, Object> texts = new HashMap<>();
    Map<Integer, Object> others = new HashMap<>();
    Pass pass = new Pass(searcher, analyzer, fieldInfos, query, QueryShape.of(query));
    pass.run(
        whole, QUOTE_FIELDS, new TextShape(1, WholeBreakIterator::new, WHOLE_FIELD), texts, others);
    pass.run(longQuotes, QUOTE_FIELDS, new TextShape(1, paragraphSentences, cut), texts, others);
    pass.run(
        articles,
        ARTICLE_FIELDS,
        new TextShape(snippets.passages(), paragraphSentences, cut),
        texts,
        others);
    Marked[] out = new Marked[n];
    for (int i = 0; i < n; i++) {
      Target t = targets.get(i);
      Object other = others.get(t.doc());
      out[i] =
          new Marked(
              passages(texts.get(t.doc())),
              t.quote() ? html(null, t.title()) : html(other, t.title()),
              t.speaker() == null ? null : html(other, t.speaker()));
    }
    return out;
  }

  /**
   * {@code targets} without marks, when there is no time to mark them: the start of each text cut
   * at a word boundary, the title and speaker escaped.
   */
  static Marked[] unmarked(List<Target> targets, SearchRequest.Snippets snippets) {
    Marked[] out = new Marked[targets.size()];
    for (int i = 0; i < out.length; i++) {
      Target t = targets.get(i);
      List<SearchResult.Passage> passages = List.of();
      if (t.text() != null && !t.text().isEmpty()) {
        int end = t.text().length();
        int max = t.quote() && end <= WHOLE_QUOTE ? end : snippets.maxLength();
        if (end > max) {
          int space = t.text().lastIndexOf(' ', max);
          end = space > max / 2 ? space : max;
        }
        passages =
            List.of(
                new SearchResult.Passage(
                    PassageMarker.escape(t.text().substring(0, end)), 0, end, List.of()));
      }
      out[i] =
          new Marked(
              passages,
              t.title() == null ? null : PassageMarker.escape(t.title()),
              t.speaker() == null ? null : PassageMarker.escape(t.speaker()));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<SearchResult.Passage> passages(Object formatted) {
    return formatted == null ? List.of() : (List<SearchResult.Passage>) formatted;
  }

  /**
   * The marked field, or the plain value escaped when the field holds no match or is not indexed.
   */
  private static String html(Object formatted, String plain) {
    List<SearchResult.Passage> p = passages(formatted);
    if (p.isEmpty()) {
      return plain == null ? null : PassageMarker.escape(plain);
    }
    return p.get(0).html();
  }

  /** The highlighter passes of one page: same searcher, reader and query. */
  private record Pass(
      IndexSearcher searcher,
      Analyzer analyzer,
      FieldInfos fieldInfos,
      Query query,
      QueryShape shape) {

    /**
     * Marks {@code fields} (the text first, then the title or speaker) of {@code which}; puts the
     * text's answer in {@code texts} and the other field's in {@code others}, by doc id.
     */
    void run(
        List<Target> which,
        String[] fields,
        TextShape text,
        Map<Integer, Object> texts,
        Map<Integer, Object> others)
        throws IOException {
      if (which.isEmpty()) {
        return;
      }
      Map<Integer, Target> byDoc = new HashMap<>();
      int[] docIds = new int[which.size()];
      for (int i = 0; i < docIds.length; i++) {
        docIds[i] = which.get(i).doc();
        byDoc.put(docIds[i], which.get(i));
      }
      UnifiedHighlighter.Builder builder =
          UnifiedHighlighter.builder(searcher, analyzer)
              .withMaxLength(MAX_ANALYZED)
              // Matches from the query's weight mark a phrase as one unit, but cost a weight per
              // document and field; a query of single terms marks the same words without.
              .withWeightMatches(!shape.termsOnly())
              .withMaskedFieldsFunc(field -> shape.searchedTwins(field));
      Map<String, Object[]> marked =
          new PageHighlighter(builder, fieldInfos, !shape.termsOnly(), byDoc, text)
              .mark(fields, query, docIds, new int[] {text.passages(), 1});
      Object[] textAnswers = marked.get(fields[0]);
      Object[] otherAnswers = marked.get(fields[1]);
      for (int i = 0; i < docIds.length; i++) {
        texts.put(docIds[i], textAnswers[i]);
        others.put(docIds[i], otherAnswers[i]);
      }
    }
  }

  /**
   * What the highlighter needs to know of a query: the fields it searches and whether it is made of
   * single terms only (no phrase, proximity, wildcard, range or other leaf).
   */
  private record QueryShape(Set<String> fields, boolean termsOnly) {
    static QueryShape of(Query query) {
      Set<String> fields = new HashSet<>();
      boolean[] termsOnly = {true};
      query.visit(
          new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
              fields.add(field);
              return true;
            }

            @Override
            public void consumeTerms(Query leaf, Term... terms) {
              if (!(leaf instanceof TermQuery || leaf instanceof CombinedFieldQuery)) {
                termsOnly[0] = false;
              }
            }

            @Override
            public void consumeTermsMatching(
                Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
              termsOnly[0] = false;
            }

            @Override
            public void visitLeaf(Query leaf) {
              termsOnly[0] = false;
            }
          });
      return new QueryShape(Set.copyOf(fields), termsOnly[0]);
    }

    /**
     * The unstemmed twin of {@code field} when the query searches it: a phrase matches there, and
     * its offsets are the same text's. Empty otherwise, which spares the highlighter a field.
     */
    Set<String> searchedTwins(String field) {
      String twin =
          switch (field) {
            case Schema.TEXT -> Schema.TEXT_EXACT;
            case Schema.TITLE -> Schema.TITLE_EXACT;
            default -> null;
          };
      return twin != null && fields.contains(twin) ? Set.of(twin) : Set.of();
    }
  }

  /**
   * A highlighter for one pass: the text cut as its shape says, the title or speaker whole, field
   * values from the page's targets and offset sources from field infos merged once per reader.
   * Offsets still come from the postings, as the index stores them.
   */
  private static final class PageHighlighter extends UnifiedHighlighter {
    private final FieldInfos fieldInfos;
    private final boolean weightMatches;
    private final Map<Integer, Target> byDoc;
    private final TextShape text;

    PageHighlighter(
        Builder builder,
        FieldInfos fieldInfos,
        boolean weightMatches,
        Map<Integer, Target> byDoc,
        TextShape text) {
      super(builder);
      this.fieldInfos = fieldInfos;
      this.weightMatches = weightMatches;
      this.byDoc = byDoc;
      this.text = text;
    }

    Map<String, Object[]> mark(String[] fields, Query query, int[] docIds, int[] maxPassages)
        throws IOException {
      return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
    }

    @Override
    protected BreakIterator getBreakIterator(String field) {
      return Schema.TEXT.equals(field) ? text.breaks().get() : new WholeBreakIterator();
    }

    @Override
    protected PassageFormatter getFormatter(String field) {
      return Schema.TEXT.equals(field) ? text.formatter() : WHOLE_FIELD;
    }

    /**
     * With weight matches, Lucene runs the query's matches on every hit once per highlighted field
     * (and per unstemmed twin), then keeps the matches in that field: a phrase query's body phrase
     * was matched again for the headline. Each field gets the part of the query that can match in
     * it instead (see {@link FieldPart}); the marks are the same.
     */
    @Override
    protected UHComponents getHighlightComponents(String field, Query query, Set<Term> allTerms) {
      if (!weightMatches) {
        return super.getHighlightComponents(field, query, allTerms);
      }
      Query part = FieldPart.of(query, getFieldMatcher(field));
      return super.getHighlightComponents(
          field, part == null ? new MatchNoDocsQuery() : part, allTerms);
    }

    @Override
    protected OffsetSource getOffsetSource(String field) {
      FieldInfo info = fieldInfos.fieldInfo(field);
      if (info == null) {
        return OffsetSource.ANALYSIS;
      }
      boolean offsets =
          info.getIndexOptions() == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS;
      if (offsets) {
        return info.hasTermVectors()
            ? OffsetSource.POSTINGS_WITH_TERM_VECTORS
            : OffsetSource.POSTINGS;
      }
      return info.hasTermVectors() ? OffsetSource.TERM_VECTORS : OffsetSource.ANALYSIS;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
      List<CharSequence[]> values = new ArrayList<>();
      for (int doc = docIter.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = docIter.nextDoc()) {
        Target target = byDoc.get(doc);
        CharSequence[] forDoc = new CharSequence[fields.length];
        for (int f = 0; f < fields.length; f++) {
          String value = target.indexed(fields[f]);
          forDoc[f] =
              value == null || value.length() <= getMaxLength()
                  ? value
                  : value.substring(0, getMaxLength());
        }
        values.add(forDoc);
      }
      return values;
    }
  }
}
