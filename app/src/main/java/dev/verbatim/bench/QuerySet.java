package dev.verbatim.bench;

import dev.verbatim.search.SearchRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Queries drawn from an index, each as Verbatim's query string and as the same Lucene query built
 * by hand, for bare Lucene to run. Immutable once built.
 *
 * <p>Words come from the unstemmed terms dictionary by document frequency (high: the 200 most
 * frequent non-stopwords; medium: ranks 2,000 to 5,000; low: in 5 to 50 documents); phrases are
 * consecutive words of stored article text; speakers are those of stored quotes, with a word from
 * one of their quotes.
 */
final class QuerySet {
  /** Query classes, in table order. */
  static final List<String> CLASSES = List.of("term", "and", "or", "phrase", "speaker", "faceted");

  /**
   * The headline's weight in Verbatim's default ranking (BM25F headline weight, and the boost of a
   * phrase in the headline), so the bare side boosts as Verbatim does and prunes alike.
   */
  private static final float HEADLINE_WEIGHT = 3f;

  private static final Pattern WORD = Pattern.compile("[a-z]{3,}");

  /**
   * One query in both forms.
   *
   * @param kind one of {@link #CLASSES}
   * @param request what Verbatim is asked
   * @param bare what bare Lucene runs
   */
  record Entry(String kind, SearchRequest request, Query bare) {}

  private final Map<String, List<Entry>> byClass;

  private QuerySet(Map<String, List<Entry>> byClass) {
    this.byClass = byClass;
  }

  List<Entry> of(String kind) {
    return byClass.getOrDefault(kind, List.of());
  }

  /** Every class's queries interleaved, as a mixed workload sees them. */
  List<Entry> mix() {
    List<Entry> all = new ArrayList<>();
    int longest = byClass.values().stream().mapToInt(List::size).max().orElse(0);
    for (int i = 0; i < longest; i++) {
      for (String kind : CLASSES) {
        List<Entry> list = of(kind);
        if (i < list.size()) {
          all.add(list.get(i));
        }
      }
    }
    return all;
  }

  static QuerySet draw(IndexReader reader, int perClass, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    Analyzer stemmed = BareLucene.stemmed();
    List<String> byFrequency = wordsByFrequency(reader);
    List<String> high = byFrequency.subList(0, Math.min(200, byFrequency.size()));
    List<String> medium =
        byFrequency.subList(
            Math.min(2000, byFrequency.size() / 4), Math.min(5000, byFrequency.size() / 2));
    List<String> low = lowFrequency(reader);
    List<String> all = byFrequency;
    if (medium.isEmpty()) {
      medium = all;
    }
    if (low.isEmpty()) {
      low = all;
    }
    List<Entry> term = new ArrayList<>();
    List<Entry> and = new ArrayList<>();
    List<Entry> or = new ArrayList<>();
    List<Entry> faceted = new ArrayList<>();
    List<List<String>> bands = List.of(high, medium, low);
    for (int i = 0; i < perClass; i++) {
      String w = pick(bands.get(i % 3), random);
      term.add(new Entry("term", topOnly(w), anyField(stemmed, w)));
      String f = pick(bands.get((i + 1) % 3), random);
      faceted.add(
          new Entry(
              "faceted", SearchRequest.builder(f).withFacets(true).build(), anyField(stemmed, f)));
      String a = pick(high, random);
      String b = pick(medium, random);
      and.add(
          new Entry(
              "and",
              topOnly(a + " " + b),
              bool(Occur.MUST, anyField(stemmed, a), anyField(stemmed, b))));
      String c = pick(medium, random);
      String d = pick(low, random);
      or.add(
          new Entry(
              "or",
              topOnly(c + " OR " + d),
              bool(Occur.SHOULD, anyField(stemmed, c), anyField(stemmed, d))));
    }
    List<Entry> phrase = new ArrayList<>();
    List<Entry> speaker = new ArrayList<>();
    sampleStored(reader, perClass, random, stemmed, phrase, speaker);
    return new QuerySet(
        Map.of(
            "term", term, "and", and, "or", or, "phrase", phrase, "speaker", speaker, "faceted",
            faceted));
  }

  private static List<String> wordsByFrequency(IndexReader reader) throws IOException {
    record Counted(String word, int df) {}
    List<Counted> counted = new ArrayList<>();
    Terms terms = MultiTerms.getTerms(reader, BareLucene.TEXT_EXACT);
    if (terms == null) {
      throw new IllegalArgumentException(
          "index has no " + BareLucene.TEXT_EXACT + " terms to draw queries from");
    }
    TermsEnum te = terms.iterator();
    for (BytesRef t = te.next(); t != null; t = te.next()) {
      String word = t.utf8ToString();
      if (WORD.matcher(word).matches() && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)) {
        counted.add(new Counted(word, te.docFreq()));
      }
    }
    counted.sort((x, y) -> Integer.compare(y.df(), x.df()));
    return counted.stream().map(Counted::word).toList();
  }

  private static List<String> lowFrequency(IndexReader reader) throws IOException {
    List<String> low = new ArrayList<>();
    TermsEnum te = MultiTerms.getTerms(reader, BareLucene.TEXT_EXACT).iterator();
    for (BytesRef t = te.next(); t != null; t = te.next()) {
      int df = te.docFreq();
      String word = t.utf8ToString();
      if (df >= 5 && df <= 50 && WORD.matcher(word).matches()) {
        low.add(word);
      }
    }
    return low;
  }

  /** Phrases from article bodies and speaker queries from quotes, read from random documents. */
  private static void sampleStored(
      IndexReader reader,
      int perClass,
      SplittableRandom random,
      Analyzer stemmed,
      List<Entry> phrase,
      List<Entry> speaker)
      throws IOException {
    StoredFields stored = reader.storedFields();
    int maxDoc = reader.maxDoc();
    for (int tries = 0;
        tries < perClass * 200 && (phrase.size() < perClass || speaker.size() < perClass);
        tries++) {
      Document d = stored.document(random.nextInt(maxDoc));
      String text = d.get(BareLucene.TEXT);
      if (text == null) {
        continue;
      }
      String[] words = text.split("\\s+");
      if (BareLucene.TYPE_ARTICLE.equals(d.get(BareLucene.TYPE))
          && phrase.size() < perClass
          && words.length > 3) {
        int at = random.nextInt(words.length - 2);
        int n = 2 + random.nextInt(2);
        List<String> run = new ArrayList<>();
        for (int k = at; k < Math.min(words.length, at + n); k++) {
          String w = words[k].toLowerCase(Locale.ROOT);
          if (!w.matches("[a-z]+")) {
            break;
          }
          run.add(w);
        }
        if (run.size() >= 2
            && run.stream().anyMatch(w -> !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w))) {
          Query bare =
              new BooleanQuery.Builder()
                  .add(
                      new BoostQuery(phrase(BareLucene.TITLE_EXACT, run), HEADLINE_WEIGHT),
                      Occur.SHOULD)
                  .add(phrase(BareLucene.TEXT_EXACT, run), Occur.SHOULD)
                  .add(phrase(BareLucene.SPEAKER, run), Occur.SHOULD)
                  .build();
          phrase.add(new Entry("phrase", topOnly("\"" + String.join(" ", run) + "\""), bare));
        }
      }
      String who = d.get(BareLucene.SPEAKER);
      if (who != null && speaker.size() < perClass && who.matches("[A-Za-z ]+")) {
        String w = null;
        for (int k = 0; k < 10 && w == null; k++) {
          String candidate = words[random.nextInt(words.length)].toLowerCase(Locale.ROOT);
          if (candidate.matches("[a-z]{4,}")
              && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(candidate)) {
            w = candidate;
          }
        }
        if (w != null) {
          Query bare =
              new BooleanQuery.Builder()
                  .add(phrase(BareLucene.SPEAKER, exactWords(who)), Occur.MUST)
                  .add(anyField(stemmed, w), Occur.MUST)
                  .add(
                      new TermQuery(new Term(BareLucene.TYPE, BareLucene.TYPE_QUOTE)), Occur.FILTER)
                  .build();
          speaker.add(
              new Entry(
                  "speaker",
                  topOnly("speaker:\"" + who + "\" " + w).toBuilder()
                      .withType(SearchRequest.Type.QUOTE)
                      .build(),
                  bare));
        }
      }
    }
  }

  /** A top-10 request without facet counts, so the total stays a lower bound past 1,000. */
  private static SearchRequest topOnly(String query) {
    return SearchRequest.builder(query).withFacets(false).build();
  }

  private static String pick(List<String> words, SplittableRandom random) {
    return words.get(random.nextInt(words.size()));
  }

  private static Query bool(Occur occur, Query a, Query b) {
    return new BooleanQuery.Builder().add(a, occur).add(b, occur).build();
  }

  /**
   * A bare word as Verbatim's parser reads it: the headline (weighted as Verbatim weighs it), the
   * body and the speaker, any of them. Spelled out here so the bare side runs the same Lucene
   * query, not a cheaper one.
   */
  private static Query anyField(Analyzer stemmed, String word) throws IOException {
    String stem = stem(stemmed, word);
    return new BooleanQuery.Builder()
        .add(
            new BoostQuery(new TermQuery(new Term(BareLucene.TITLE, stem)), HEADLINE_WEIGHT),
            Occur.SHOULD)
        .add(new TermQuery(new Term(BareLucene.TEXT, stem)), Occur.SHOULD)
        .add(new TermQuery(new Term(BareLucene.SPEAKER, word)), Occur.SHOULD)
        .build();
  }

  private static Query phrase(String field, List<String> words) {
    PhraseQuery.Builder b = new PhraseQuery.Builder();
    words.forEach(w -> b.add(new Term(field, w)));
    return b.build();
  }

  /** Lower-cased words of a name, as the exact analyzer makes them for letters-only names. */
  private static List<String> exactWords(String name) {
    return List.of(name.toLowerCase(Locale.ROOT).strip().split(" +"));
  }

  /** {@code word} analysed as the index analysed the body. */
  private static String stem(Analyzer stemmed, String word) throws IOException {
    try (TokenStream ts = stemmed.tokenStream(BareLucene.TEXT, word)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      String out = ts.incrementToken() ? term.toString() : word;
      ts.end();
      return out;
    }
  }
}
