package dev.verbatim.search.query;

import dev.verbatim.index.schema.Schema;
import dev.verbatim.search.SearchRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/**
 * Every scoring choice in one place: BM25 parameters, how a word weighs in headline and body, the
 * boost for query words found near each other, when a long query matches any of its words, and the
 * opt-in pseudo-relevance feedback. Immutable and thread-safe. The figures behind the defaults are
 * in BENCHMARKS.md, "Ranking quality".
 *
 * @param k1 BM25 term-frequency saturation
 * @param b BM25 length normalisation
 * @param titleWeight how much a headline occurrence counts against one in the body
 * @param combinedFields score headline and body as one field (BM25F) rather than add two scores
 * @param proximityBoost weight of the clause rewarding adjacent query words that appear within
 *     {@code proximitySlop} positions of each other; 0 turns it off
 * @param proximitySlop positions two query words may move apart and still count as near
 * @param longQuery plain queries of at least this many words (stop words aside) need only some
 * @param minimumShouldMatch the fraction of a long query's words a document must contain
 * @param feedbackDocs top documents taken as relevant for feedback; 0 turns feedback off
 * @param feedbackTerms expansion terms taken from them
 * @param originalWeight share of the original query against the expansion terms
 * @param candidates how many of the best matches of a first pass that scores headline and body
 *     apart (which lets Lucene skip blocks) are re-ranked as this ranking says; 0 ranks every match
 *     in one pass
 */
public record Ranking(
    float k1,
    float b,
    float titleWeight,
    boolean combinedFields,
    float proximityBoost,
    int proximitySlop,
    int longQuery,
    float minimumShouldMatch,
    int feedbackDocs,
    int feedbackTerms,
    float originalWeight,
    int candidates) {

  /**
   * Matches the default re-ranks: see BENCHMARKS.md, "Two phases", for the measurement (ranking
   * quality against cost on Cranfield, CISI, Reuters and the generated corpus; 200 since the 1M
   * index measured what 500 cost). The system property is for measuring other depths, not for
   * production.
   */
  static final int CANDIDATES = Integer.getInteger("verbatim.candidates", 200);

  /**
   * The headline's weight in the first pass ({@code title OR text}). Not the BM25F weight: a
   * headline scored as a field of its own saturates at once, so weighing it 3 there put every
   * headline match above the rest, where BM25F counts a headline word 3 times in one longer text.
   * Weight 1 gave the first pass whose candidates hold most of BM25F's own top 10 (measured against
   * the one-pass ranking on Reuters and the generated corpus, not on the judged collections; see
   * BENCHMARKS.md, "Two phases").
   */
  static final float FIRST_PASS_TITLE_WEIGHT = 1f;

  /**
   * What users get unless they ask otherwise: the {@link Builder}'s defaults. Each choice raised
   * MAP and nDCG@10 over {@link #BASELINE} on Cranfield and CISI, except proximity, which raised
   * nDCG@10 and P@10 on both but cost CISI 0.002 MAP. A fifth of a long query's words are required:
   * measured neutral, and it keeps one-word matches of a long sentence out of the count.
   */
  public static final Ranking DEFAULT = builder().build();

  /** Default plus RM3-style feedback with Anserini's usual settings (10 docs, 10 terms, 0.5). */
  static final Ranking FEEDBACK =
      DEFAULT.toBuilder().withFeedback(10, 10, 0.5f).withCandidates(0).build();

  /**
   * The reference point the default is measured against: plain BM25 over headline and body as one
   * field, any word matches, nothing else.
   */
  static final Ranking BASELINE =
      builder()
          .withBm25(1.2f, 0.75f)
          .withTitleWeight(1f)
          .withProximity(0f, 0)
          .withLongQuery(1, 0f)
          .withCandidates(0)
          .build();

  /** Feedback terms found in more than this share of documents carry no topic. */
  private static final double MAX_FEEDBACK_DF = 0.1;

  public static Ranking of(SearchRequest.Relevance relevance) {
    return switch (relevance) {
      case DEFAULT -> DEFAULT;
      case FEEDBACK -> FEEDBACK;
      case BASELINE -> BASELINE;
    };
  }

  /** A builder starting from the default ranking's settings. */
  static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this ranking's settings. */
  public Builder toBuilder() {
    return new Builder()
        .withBm25(k1, b)
        .withTitleWeight(titleWeight)
        .withCombinedFields(combinedFields)
        .withProximity(proximityBoost, proximitySlop)
        .withLongQuery(longQuery, minimumShouldMatch)
        .withFeedback(feedbackDocs, feedbackTerms, originalWeight)
        .withCandidates(candidates);
  }

  /**
   * The settings of a {@link Ranking}, starting from the defaults (the values tuned in
   * BENCHMARKS.md): BM25 k1 1.5 and b 0.75, headline words weighing 3, headline and body scored as
   * one field, proximity boost 0.3 within 3 positions, queries of 4 or more words needing a fifth
   * of them, no feedback. Not thread-safe.
   */
  public static final class Builder {
    private float k1 = 1.5f;
    private float b = 0.75f;
    private float titleWeight = 3f;
    private boolean combinedFields = true;
    private float proximityBoost = 0.3f;
    private int proximitySlop = 3;
    private int longQuery = 4;
    private float minimumShouldMatch = 0.2f;
    private int feedbackDocs = 0;
    private int feedbackTerms = 0;
    private float originalWeight = 1f;
    private int candidates = CANDIDATES;

    private Builder() {}

    /**
     * BM25's term-frequency saturation {@code k1} (at least 0) and length normalisation {@code b}
     * (0 to 1).
     */
    Builder withBm25(float k1, float b) {
      check(k1 >= 0 && b >= 0 && b <= 1, "BM25 needs k1 >= 0 and 0 <= b <= 1", k1 + ", " + b);
      this.k1 = k1;
      this.b = b;
      return this;
    }

    /** How much a headline occurrence counts against one in the body, more than 0. */
    Builder withTitleWeight(float weight) {
      check(weight > 0, "title weight must be > 0", weight);
      this.titleWeight = weight;
      return this;
    }

    /** Score headline and body as one field (BM25F) rather than add two scores. */
    Builder withCombinedFields(boolean combined) {
      this.combinedFields = combined;
      return this;
    }

    /**
     * The weight ({@code boost}, 0 turns it off) of the clause rewarding adjacent query words found
     * within {@code slop} positions of each other.
     */
    Builder withProximity(float boost, int slop) {
      check(
          boost >= 0 && slop >= 0, "proximity needs boost >= 0 and slop >= 0", boost + ", " + slop);
      this.proximityBoost = boost;
      this.proximitySlop = slop;
      return this;
    }

    /**
     * Plain queries of at least {@code words} words (stop words aside, at least 1) need only {@code
     * minimumShouldMatch} (0 to 1) of them.
     */
    Builder withLongQuery(int words, float minimumShouldMatch) {
      check(
          words >= 1 && minimumShouldMatch >= 0 && minimumShouldMatch <= 1,
          "long queries need words >= 1 and 0 <= minimumShouldMatch <= 1",
          words + ", " + minimumShouldMatch);
      this.longQuery = words;
      this.minimumShouldMatch = minimumShouldMatch;
      return this;
    }

    /**
     * Pseudo-relevance feedback from the top {@code docs} documents (0 turns it off), adding {@code
     * terms} terms, the original query keeping {@code originalWeight} (0 to 1) of the weight.
     */
    Builder withFeedback(int docs, int terms, float originalWeight) {
      check(
          docs >= 0 && terms >= 0 && originalWeight >= 0 && originalWeight <= 1,
          "feedback needs docs >= 0, terms >= 0 and 0 <= originalWeight <= 1",
          docs + ", " + terms + ", " + originalWeight);
      this.feedbackDocs = docs;
      this.feedbackTerms = terms;
      this.originalWeight = originalWeight;
      return this;
    }

    /**
     * Rank in two phases: the best {@code n} matches of a first pass that can skip are re-ranked; 0
     * ranks every match in one pass (feedback and the baseline do: feedback's expansion terms come
     * from a first search already).
     */
    public Builder withCandidates(int n) {
      check(n >= 0, "candidates must be >= 0", n);
      this.candidates = n;
      return this;
    }

    public Ranking build() {
      return new Ranking(
          k1,
          b,
          titleWeight,
          combinedFields,
          proximityBoost,
          proximitySlop,
          longQuery,
          minimumShouldMatch,
          feedbackDocs,
          feedbackTerms,
          originalWeight,
          candidates);
    }

    private static void check(boolean ok, String expected, Object got) {
      if (!ok) {
        throw new IllegalArgumentException(expected + ", got " + got);
      }
    }
  }

  /**
   * The query of the first pass for {@code full} (a query {@link #interpret} made): the same
   * matches, with each word scored in headline and body apart ({@code title OR text}, whose clauses
   * have impacts, so the search skips blocks that cannot make the candidates) and without the
   * proximity clause; null when this ranking ranks in one pass or there is nothing to score
   * differently (phrases, speakers, fields).
   */
  public Query firstPass(Query full) {
    if (candidates == 0) {
      return null;
    }
    Query first = perField(full);
    return first.equals(full) ? null : first;
  }

  private Query perField(Query q) {
    if (q instanceof CombinedFieldQuery combined) {
      List<Term> terms = new ArrayList<>();
      combined.visit(
          new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... found) {
              terms.addAll(List.of(found));
            }
          });
      BooleanQuery.Builder apart = new BooleanQuery.Builder();
      for (Term t : terms) {
        Query term = new TermQuery(t);
        apart.add(
            Schema.TITLE.equals(t.field()) && FIRST_PASS_TITLE_WEIGHT != 1f
                ? new BoostQuery(term, FIRST_PASS_TITLE_WEIGHT)
                : term,
            Occur.SHOULD);
      }
      return apart.build();
    }
    if (q instanceof BoostQuery boost) {
      return new BoostQuery(perField(boost.getQuery()), boost.getBoost());
    }
    if (q instanceof BooleanQuery bq) {
      if (isProximityBonus(bq)) {
        return perField(bq.clauses().get(0).query());
      }
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      b.setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
      bq.clauses().forEach(c -> b.add(perField(c.query()), c.occur()));
      return b.build();
    }
    return q;
  }

  /**
   * {@code full} without the proximity clause {@link #ranked} adds: what highlighting marks. The
   * clause only reorders hits whose words stand near each other; marking its sloppy match would
   * paint the unmatched words between them (and past the end of a sentence) as if they matched.
   */
  public Query withoutProximity(Query full) {
    if (full instanceof BoostQuery boost) {
      Query inner = withoutProximity(boost.getQuery());
      return inner == boost.getQuery() ? full : new BoostQuery(inner, boost.getBoost());
    }
    if (full instanceof BooleanQuery bq) {
      if (isProximityBonus(bq)) {
        return bq.clauses().get(0).query();
      }
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      b.setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
      boolean changed = false;
      for (org.apache.lucene.search.BooleanClause c : bq.clauses()) {
        Query inner = withoutProximity(c.query());
        changed |= inner != c.query();
        b.add(inner, c.occur());
      }
      return changed ? b.build() : full;
    }
    return full;
  }

  /** Whether {@code bq} is a query with the proximity clause {@link #ranked} adds. */
  private boolean isProximityBonus(BooleanQuery bq) {
    List<org.apache.lucene.search.BooleanClause> c = bq.clauses();
    return c.size() == 2
        && c.get(0).occur() == Occur.MUST
        && c.get(1).occur() == Occur.SHOULD
        && c.get(1).query() instanceof BoostQuery near
        && near.getBoost() == proximityBoost
        && near.getQuery() instanceof BooleanQuery pairs
        && pairs.clauses().stream()
            .allMatch(
                p -> p.query() instanceof PhraseQuery phrase && phrase.getSlop() == proximitySlop);
  }

  public Similarity similarity() {
    return new BM25Similarity(k1, b);
  }

  /** Makes the searchers a {@code SearcherManager} hands out score as {@link #DEFAULT} does. */
  public static SearcherFactory searcherFactory() {
    return new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(DEFAULT.similarity());
        return searcher;
      }
    };
  }

  /**
   * {@code shared} when it already scores as this ranking does, else a view of its reader that
   * does.
   */
  public IndexSearcher searcher(IndexSearcher shared) {
    if (shared.getSimilarity() instanceof BM25Similarity bm25
        && bm25.getK1() == k1
        && bm25.getB() == b) {
      return shared;
    }
    IndexSearcher own = new IndexSearcher(shared.getIndexReader());
    own.setSimilarity(similarity());
    return own;
  }

  /**
   * What the user typed, read into the query model, and its Lucene query under this ranking. A
   * plain query (words only, no operators) of {@link #longQuery} or more words besides stop words
   * is a description rather than a list of requirements, so it matches documents with {@link
   * #minimumShouldMatch} of its words, best matches first.
   */
  public Interpretation interpret(SearchRequest request, Analyzer analyzer) {
    ParsedQuery parsed =
        QueryParsing.interpret(
            request.query(), analyzer, request.strict(), request.allowLeadingWildcard());
    return new Interpretation(parsed, query(parsed, analyzer));
  }

  /** A parsed query and the Lucene query this ranking makes of it. */
  public record Interpretation(ParsedQuery parsed, Query query) {}

  /** The Lucene query of {@code parsed} under this ranking. */
  public Query query(ParsedQuery parsed, Analyzer analyzer) {
    return ranked(
        LuceneQueries.of(parsed, this, analyzer),
        parsed.plainWords(),
        anyWord(parsed, analyzer),
        analyzer);
  }

  /**
   * Whether {@code parsed} is a description whose words are alternatives: plain words, {@link
   * #longQuery} or more of them besides stop words ("the mayor of london" is two words a user wants
   * both of).
   */
  boolean anyWord(ParsedQuery parsed, Analyzer analyzer) {
    List<String> words = parsed.plainWords();
    return words != null
        && tokens(analyzer, Schema.TEXT, String.join(" ", words)).size() >= longQuery;
  }

  private Query ranked(Query query, List<String> words, boolean anyWord, Analyzer analyzer) {
    if (anyWord && minimumShouldMatch > 0 && query instanceof BooleanQuery bq) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      bq.clauses().forEach(b::add);
      b.setMinimumNumberShouldMatch((int) (minimumShouldMatch * bq.clauses().size()));
      query = b.build();
    }
    if (words == null || proximityBoost == 0) {
      return query;
    }
    Query near = proximity(String.join(" ", words), analyzer);
    if (near == null) {
      return query;
    }
    return new BooleanQuery.Builder()
        .add(query, Occur.MUST)
        .add(new BoostQuery(near, proximityBoost), Occur.SHOULD)
        .build();
  }

  /**
   * One word of the query as it weighs in headline and body (stemmed) and speaker; null when the
   * word is a stopword. {@code all}: when it analyses into several terms, each is required.
   */
  Query word(String text, Analyzer analyzer, boolean all) {
    List<Token> stems = tokens(analyzer, Schema.TEXT, text);
    if (stems.isEmpty()) {
      return null;
    }
    Occur occur = all ? Occur.MUST : Occur.SHOULD;
    List<Query> inText = new ArrayList<>();
    for (Token t : stems) {
      inText.add(headlineOrBody(t.term()));
    }
    List<Query> inSpeaker = new ArrayList<>();
    for (Token t : tokens(analyzer, Schema.SPEAKER, text)) {
      inSpeaker.add(new TermQuery(new Term(Schema.SPEAKER, t.term())));
    }
    BooleanQuery.Builder either = new BooleanQuery.Builder();
    either.add(combine(inText, occur), Occur.SHOULD);
    if (!inSpeaker.isEmpty()) {
      either.add(combine(inSpeaker, occur), Occur.SHOULD);
    }
    return either.build();
  }

  /**
   * The query with RM3-style pseudo-relevance feedback: the most characteristic terms (weighted by
   * document score and term frequency) of the top documents {@code filter} lets through added to
   * it. {@code query} itself when feedback is off or nothing matched.
   */
  public Query expand(
      IndexSearcher searcher, Query query, UnaryOperator<Query> filter, Analyzer analyzer)
      throws IOException {
    if (feedbackDocs == 0) {
      return query;
    }
    ScoreDoc[] top = searcher.search(filter.apply(query), feedbackDocs).scoreDocs;
    if (top.length == 0) {
      return query;
    }
    double scoreSum = 0;
    for (ScoreDoc sd : top) {
      scoreSum += sd.score;
    }
    Map<String, Double> model = new HashMap<>();
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc sd : top) {
      Document d = stored.document(sd.doc, Set.of(Schema.TITLE, Schema.TEXT));
      String text = String.join("\n", nonNull(d.get(Schema.TITLE)), nonNull(d.get(Schema.TEXT)));
      List<Token> tokens = tokens(analyzer, Schema.TEXT, text);
      double docWeight = sd.score / scoreSum / Math.max(1, tokens.size());
      for (Token t : tokens) {
        model.merge(t.term(), docWeight, Double::sum);
      }
    }
    int maxDf = (int) (MAX_FEEDBACK_DF * searcher.getIndexReader().numDocs());
    List<Map.Entry<String, Double>> chosen =
        model.entrySet().stream()
            .filter(e -> isTopical(e.getKey()))
            .filter(e -> docFreq(searcher, e.getKey()) <= maxDf)
            .sorted(
                Map.Entry.<String, Double>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(feedbackTerms)
            .toList();
    if (chosen.isEmpty()) {
      return query;
    }
    double chosenSum = chosen.stream().mapToDouble(Map.Entry::getValue).sum();
    BooleanQuery.Builder expanded = new BooleanQuery.Builder();
    // RM3 interpolates term distributions; the original's share is spread over its terms.
    expanded.add(
        new BoostQuery(query, (float) (originalWeight / Math.max(1, queryTerms(query)))),
        Occur.SHOULD);
    for (Map.Entry<String, Double> e : chosen) {
      float weight = (float) ((1 - originalWeight) * e.getValue() / chosenSum);
      expanded.add(new BoostQuery(headlineOrBody(e.getKey()), weight), Occur.SHOULD);
    }
    return expanded.build();
  }

  private Query headlineOrBody(String stem) {
    if (combinedFields) {
      return new CombinedFieldQuery.Builder(stem)
          .addField(Schema.TITLE, titleWeight)
          .addField(Schema.TEXT, 1f)
          .build();
    }
    return new BooleanQuery.Builder()
        .add(new BoostQuery(new TermQuery(new Term(Schema.TITLE, stem)), titleWeight), Occur.SHOULD)
        .add(new TermQuery(new Term(Schema.TEXT, stem)), Occur.SHOULD)
        .build();
  }

  /** Sloppy phrases of each pair of neighbouring query words, in the stemmed body. */
  private Query proximity(String words, Analyzer analyzer) {
    BooleanQuery.Builder pairs = new BooleanQuery.Builder();
    int count = 0;
    for (NearPair pair : nearPairs(words, analyzer)) {
      // Real positions keep a removed stopword's gap, so "heat of conduction" lines up exactly.
      PhraseQuery phrase =
          new PhraseQuery.Builder()
              .add(new Term(Schema.TEXT, pair.first().term()), 0)
              .add(
                  new Term(Schema.TEXT, pair.second().term()),
                  pair.second().position() - pair.first().position())
              .setSlop(proximitySlop)
              .build();
      pairs.add(phrase, Occur.SHOULD);
      count++;
    }
    return count == 0 ? null : pairs.build();
  }

  /**
   * Two neighbouring terms of a plain query, and the text they were analysed from (stop words
   * between them included), which any backend's analysis turns back into the same pair.
   */
  record NearPair(Token first, Token second, String text) {}

  /** The distinct neighbouring pairs of different terms in {@code words}, in order. */
  static List<NearPair> nearPairs(String words, Analyzer analyzer) {
    List<Token> tokens = tokens(analyzer, Schema.TEXT, words);
    Set<List<String>> seen = new HashSet<>();
    List<NearPair> pairs = new ArrayList<>();
    for (int i = 1; i < tokens.size(); i++) {
      Token first = tokens.get(i - 1);
      Token second = tokens.get(i);
      if (first.term().equals(second.term()) || !seen.add(List.of(first.term(), second.term()))) {
        continue;
      }
      pairs.add(new NearPair(first, second, words.substring(first.start(), second.end())));
    }
    return pairs;
  }

  /** How this ranking weighs {@code parsed}, for a backend that builds its own query. */
  ParsedQuery.Weighting weighting(ParsedQuery parsed, Analyzer analyzer) {
    boolean anyWord = anyWord(parsed, analyzer);
    ParsedQuery.Node root = LuceneQueries.topLevel(parsed.root(), anyWord);
    int should =
        anyWord && minimumShouldMatch > 0 && root instanceof ParsedQuery.Bool b
            ? (int) (minimumShouldMatch * b.clauses().size())
            : 0;
    List<String> near =
        parsed.plainWords() == null || proximityBoost == 0
            ? List.of()
            : nearPairs(String.join(" ", parsed.plainWords()), analyzer).stream()
                .map(NearPair::text)
                .toList();
    return new ParsedQuery.Weighting(
        root,
        should,
        anyWord,
        titleWeight,
        combinedFields,
        k1,
        b,
        proximityBoost,
        proximitySlop,
        near,
        feedbackDocs > 0);
  }

  private static Query combine(List<Query> queries, Occur occur) {
    if (queries.size() == 1) {
      return queries.get(0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    queries.forEach(q -> b.add(q, occur));
    return b.build();
  }

  /**
   * The words of {@code query} when it is plain words, with escapes removed; null when it uses any
   * query syntax (quotes, field:, operators, wildcards, grouping), which is then taken as written.
   */
  public static List<String> plainWords(String query) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean escaped = false;
    for (int i = 0; i <= query.length(); i++) {
      char c = i < query.length() ? query.charAt(i) : ' ';
      if (escaped) {
        word.append(c);
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (Character.isWhitespace(c)) {
        if (!word.isEmpty()) {
          String w = word.toString();
          word.setLength(0);
          if (w.equals("AND") || w.equals("OR") || w.equals("NOT")) {
            return null;
          }
          words.add(w);
        }
      } else if ("\"():*?~^[]{}/!&|".indexOf(c) >= 0
          || (word.isEmpty() && (c == '+' || c == '-'))) {
        return null;
      } else {
        word.append(c);
      }
    }
    return words;
  }

  private static boolean isTopical(String term) {
    return term.length() > 1 && !term.chars().allMatch(Character::isDigit);
  }

  private static int docFreq(IndexSearcher searcher, String term) {
    try {
      return searcher.getIndexReader().docFreq(new Term(Schema.TEXT, term));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int queryTerms(Query query) {
    Set<Term> terms = new LinkedHashSet<>();
    query.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            return Schema.TEXT.equals(field);
          }

          @Override
          public void consumeTerms(Query q, Term... found) {
            terms.addAll(List.of(found));
          }
        });
    return terms.size();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  record Token(String term, int position, int start, int end) {}

  private static List<Token> tokens(Analyzer analyzer, String field, String text) {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        tokens.add(new Token(term.toString(), position, offset.startOffset(), offset.endOffset()));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing a string cannot fail", e);
    }
    return tokens;
  }
}
