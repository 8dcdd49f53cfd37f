package dev.verbatim.search;

import dev.verbatim.index.Schema;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.SplittingBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Marks why a hit matched: passages of its text, its title and its speaker, with {@code <mark>}
 * around the matching words, everything else HTML-escaped. Thread-safe; one instance per
 * searcher.
 */
final class Highlighting {
  /** A quote up to this long is shown whole, longer ones by their best passage. */
  static final int WHOLE_QUOTE = 300;

  private static final int MAX_ANALYZED = 200_000;

  private final Analyzer analyzer;

  Highlighting(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** The marked-up parts of one hit; {@code speakerHtml} is null when the hit names nobody. */
  record Marked(List<SearchResult.Passage> passages, String titleHtml, String speakerHtml) {}

  /** One hit to mark: its doc id, whether it is a quote, its text, title and speaker. */
  record Target(int doc, boolean quote, String text, String title, String speaker) {}

  /** Marks {@code targets} (one page) for {@code query}; the answer is in the same order. */
  Marked[] mark(IndexSearcher searcher, Query query, List<Target> targets, SearchRequest.Snippets snippets)
      throws IOException {
    int n = targets.size();
    List<Integer> whole = new ArrayList<>();
    List<Integer> sentences = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Target t = targets.get(i);
      (t.quote() && t.text() != null && t.text().length() <= WHOLE_QUOTE ? whole : sentences).add(i);
    }
    Object[] texts = new Object[n];
    run(searcher, query, targets, whole, Schema.TEXT, 1, WholeBreakIterator::new, Integer.MAX_VALUE, texts);
    // Sentences, but a passage never crosses a line break: news bodies are paragraphs.
    Supplier<BreakIterator> paragraphSentences =
        () -> new SplittingBreakIterator(BreakIterator.getSentenceInstance(Locale.ROOT), '\n');
    List<Integer> articles = sentences.stream().filter(i -> !targets.get(i).quote()).toList();
    List<Integer> longQuotes = sentences.stream().filter(i -> targets.get(i).quote()).toList();
    run(searcher, query, targets, articles, Schema.TEXT, snippets.passages(), paragraphSentences, snippets.maxLength(), texts);
    run(searcher, query, targets, longQuotes, Schema.TEXT, 1, paragraphSentences, snippets.maxLength(), texts);
    List<Integer> all = java.util.stream.IntStream.range(0, n).boxed().toList();
    Object[] titles = new Object[n];
    Object[] speakers = new Object[n];
    run(searcher, query, targets, all, Schema.TITLE, 1, WholeBreakIterator::new, Integer.MAX_VALUE, titles);
    run(searcher, query, targets, all, Schema.SPEAKER, 1, WholeBreakIterator::new, Integer.MAX_VALUE, speakers);
    Marked[] out = new Marked[n];
    for (int i = 0; i < n; i++) {
      Target t = targets.get(i);
      out[i] =
          new Marked(
              passages(texts[i]),
              html(titles[i], t.title()),
              t.speaker() == null ? null : html(speakers[i], t.speaker()));
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
        passages = List.of(new SearchResult.Passage(PassageObjects.escape(t.text().substring(0, end)), 0, end, List.of()));
      }
      out[i] =
          new Marked(
              passages,
              t.title() == null ? null : PassageObjects.escape(t.title()),
              t.speaker() == null ? null : PassageObjects.escape(t.speaker()));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<SearchResult.Passage> passages(Object formatted) {
    return formatted == null ? List.of() : (List<SearchResult.Passage>) formatted;
  }

  /** The marked field, or the plain value escaped when the field holds no match or is not indexed. */
  private static String html(Object formatted, String plain) {
    List<SearchResult.Passage> p = passages(formatted);
    if (p.isEmpty()) {
      return plain == null ? null : PassageObjects.escape(plain);
    }
    return p.get(0).html();
  }

  private void run(
      IndexSearcher searcher,
      Query query,
      List<Target> targets,
      List<Integer> which,
      String field,
      int maxPassages,
      Supplier<BreakIterator> breaks,
      int maxPassageLength,
      Object[] out)
      throws IOException {
    if (which.isEmpty()) {
      return;
    }
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withBreakIterator(breaks)
            .withMaxLength(MAX_ANALYZED)
            .withFormatter(new PassageObjects(maxPassageLength))
            .withMaskedFieldsFunc(Highlighting::exactTwin);
    int[] docIds = which.stream().mapToInt(i -> targets.get(i).doc()).toArray();
    // The highlighter wants ascending doc ids; map its answers back to page order.
    int[] sorted = docIds.clone();
    Arrays.sort(sorted);
    Object[] marked =
        new ObjectHighlighter(builder).highlight(field, query, sorted, maxPassages);
    for (int k = 0; k < which.size(); k++) {
      out[which.get(k)] = marked[Arrays.binarySearch(sorted, docIds[k])];
    }
  }

  // A phrase matches the unstemmed twin of a field; its offsets are the same text's.
  private static Set<String> exactTwin(String field) {
    return switch (field) {
      case Schema.TEXT -> Set.of(Schema.TEXT_EXACT);
      case Schema.TITLE -> Set.of(Schema.TITLE_EXACT);
      default -> Set.of();
    };
  }

  /** Exposes the highlighter's formatter objects, which the public methods turn into strings. */
  private static final class ObjectHighlighter extends UnifiedHighlighter {
    ObjectHighlighter(Builder builder) {
      super(builder);
    }

    Object[] highlight(String field, Query query, int[] docIds, int maxPassages) throws IOException {
      Map<String, Object[]> byField =
          highlightFieldsAsObjects(new String[] {field}, query, docIds, new int[] {maxPassages});
      return byField.get(field);
    }
  }
}
