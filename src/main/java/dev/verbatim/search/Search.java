package dev.verbatim.search;

import dev.verbatim.index.schema.Schema;
import dev.verbatim.quotes.Quote;
import dev.verbatim.search.query.QueryParsing;
import dev.verbatim.search.query.Ranking;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * One request being answered on one point-in-time view of the index: the request, a searcher over
 * that view that scores as the request's ranking says and stops collecting at its time limit, the
 * view's {@link ReaderState} and quote groups, and the {@link SearchTimeLimit.Budget} that decides
 * what is cut short. {@link #answer} runs the phases in turn (match, hits, facets, suggestion);
 * {@link Paging} and {@link Facets} read what they need from it. Made by {@link Searcher} for each
 * request; confined to the request's thread.
 */
final class Search {
  private static final Set<String> HIT_FIELDS = Set.copyOf(Schema.HIT_FIELDS);

  private static final String FACETS_SKIPPED = "Facet counts left out at the time limit";
  // Beyond this many terms, marking a page costs enough to be done a few hits at a time.
  private static final int MANY_TERMS = 64;
  private static final String MARKS_SKIPPED = "Matches not marked: the time limit was reached";
  private static final String SUGGESTION_SKIPPED =
      "No spelling suggestion: the time limit was reached";

  private final SearchRequest request;
  private final Ranking ranking;
  private final IndexSearcher searcher;
  private final ReaderState state;
  private final QuoteGroups groups;
  private final SearchTimeLimit.Budget budget;
  private final Analyzer analyzer;
  private final Highlighting highlighting;

  /**
   * A search for {@code request} on the view {@code shared} (a searcher that other requests share)
   * whose reader state is {@code state}.
   */
  Search(
      SearchRequest request,
      IndexSearcher shared,
      ReaderState state,
      SearchTimeLimit.Budget budget,
      Analyzer analyzer,
      Highlighting highlighting) {
    this(request, Ranking.of(request.relevance()), shared, state, budget, analyzer, highlighting);
  }

  /** As above, ranked by {@code ranking} rather than the request's (for measuring rankings). */
  Search(
      SearchRequest request,
      Ranking ranking,
      IndexSearcher shared,
      ReaderState state,
      SearchTimeLimit.Budget budget,
      Analyzer analyzer,
      Highlighting highlighting) {
    this.request = request;
    this.ranking = ranking;
    this.searcher = budget.bounded(ranking.searcher(shared));
    this.state = state;
    this.groups = new QuoteGroups(searcher, state);
    this.budget = budget;
    this.analyzer = analyzer;
    this.highlighting = highlighting;
  }

  SearchRequest request() {
    return request;
  }

  /** The request's searcher: scores by its ranking, stops collecting at its time limit. */
  IndexSearcher searcher() {
    return searcher;
  }

  ReaderState state() {
    return state;
  }

  QuoteGroups groups() {
    return groups;
  }

  /** {@code query} restricted by the request's type and filters. */
  Query filtered(Query query) {
    return Filtering.apply(query, request);
  }

  /** The answer to the request, whose query was parsed into {@code interpretation}. */
  SearchResult answer(Ranking.Interpretation interpretation) throws IOException {
    Matched matched = match(interpretation.query());
    List<SearchResult.Hit> hits = hits(matched);
    Map<String, List<SearchResult.FacetValue>> facets = facets(matched);
    String suggestion = suggestion(matched.page(), interpretation.parsed().searched());
    Paging.Page page = matched.page();
    return new SearchResult(
        request.query(),
        page.total(),
        page.totalExact() && !budget.wasStopped(),
        budget.tookMs(),
        hits,
        facets,
        page.nextCursor(),
        notice(interpretation.parsed().notice(), budget.notes()),
        suggestion,
        budget.wasStopped());
  }

  /**
   * What matching found.
   *
   * @param expanded the parsed query after feedback, unfiltered: what facets count
   * @param marked the filtered query as rewritten (wildcards and fuzzy words replaced by the terms
   *     they matched): what highlighting marks
   * @param page the page of hits
   */
  private record Matched(Query expanded, Query marked, Paging.Page page) {}

  private Matched match(Query parsed) throws IOException {
    Query query = filtered(parsed);
    Query marked = query;
    Paging.Page page;
    try {
      parsed = ranking.expand(searcher, parsed, this::filtered, analyzer);
      // Rewritten once: wildcards and fuzzy words become the terms they matched, which is also
      // what highlighting marks, instead of walking the vocabulary again for every hit.
      Query filtered = filtered(parsed);
      query = QueryBackstop.search(() -> searcher.rewrite(filtered));
      Query rewritten = query;
      // Marks are the words' own: the proximity clause ranks, it is not shown.
      Query unboosted = ranking.withoutProximity(parsed);
      marked =
          unboosted == parsed
              ? rewritten
              : QueryBackstop.search(() -> searcher.rewrite(filtered(unboosted)));
      // Two phases: the first pass finds the candidates and can skip, the ranking's own query
      // re-ranks them (see Ranking#firstPass).
      Query firstPass = ranking.firstPass(parsed);
      Query retrieval =
          firstPass == null
              ? null
              : QueryBackstop.search(() -> searcher.rewrite(filtered(firstPass)));
      page =
          QueryBackstop.search(
              () -> new Paging(this, rewritten, retrieval, ranking.candidates()).page());
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidQueryException(
          "query expands to too many terms (at most "
              + IndexSearcher.getMaxClauseCount()
              + "); make wildcards or fuzzy terms more specific",
          e);
    } catch (ExitableDirectoryReader.ExitingReaderException e) {
      // Expanding wildcards or fuzzy words, or walking the hits, ran out of time.
      page = Paging.Page.NONE;
      budget.stopped();
    }
    if (searcher.timedOut()) {
      budget.stopped();
    }
    budget.lap("match");
    budget.finishing();
    return new Matched(parsed, marked, page);
  }

  private List<SearchResult.Hit> hits(Matched matched) throws IOException {
    Paging.Page page = matched.page();
    StoredFields stored = searcher.storedFields();
    int n = page.hits().size();
    Document[] docs = new Document[n];
    List<Highlighting.Target> targets = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Document d = stored.document(page.hits().get(i).doc, HIT_FIELDS);
      docs[i] = d;
      boolean isQuote = Schema.TYPE_QUOTE.equals(d.get(Schema.TYPE));
      targets.add(
          new Highlighting.Target(
              page.hits().get(i).doc,
              isQuote,
              d.get(Schema.TEXT),
              title(d),
              d.get(Schema.SPEAKER)));
    }
    Highlighting.Marked[] marked = mark(matched.marked(), targets);
    budget.unbounded();
    List<SearchResult.Hit> hits = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Document d = docs[i];
      // Stored with the quote: cheaper here than its doc value, which needs a dictionary lookup.
      String fingerprint = d.get(Schema.FINGERPRINT);
      Highlighting.Marked m = marked[i];
      hits.add(
          SearchResult.Hit.builder(
                  SearchRequest.Type.fromLabel(d.get(Schema.TYPE)), d.get(Schema.ID))
              .withScore(page.hits().get(i).score)
              .withArticleId(d.get(Schema.ARTICLE_ID))
              .withTitle(title(d))
              .withSource(d.get(Schema.SOURCE))
              .withDate(d.get(Schema.DATE))
              .withSpeaker(d.get(Schema.SPEAKER))
              .withCue(d.get(Schema.CUE))
              .withEvidence(
                  ArticleLookup.mention(d, Schema.MENTION, Schema.MENTION_OFFSET),
                  d.get(Schema.RULE),
                  ArticleLookup.mention(d, Schema.ANTECEDENT, Schema.ANTECEDENT_OFFSET))
              .withKind(kind(d))
              .withText(d.get(Schema.TEXT))
              .withPassages(m.passages())
              .withTitleHtml(m.titleHtml())
              .withSpeakerHtml(m.speakerHtml())
              .withQuoteId(fingerprint == null ? null : groups.quoteId(fingerprint))
              .withSources(
                  fingerprint == null
                      ? List.of()
                      : groups.sources(fingerprint, page.hits().get(i).doc, d))
              .build());
    }
    budget.lap("hits");
    budget.finishing();
    return hits;
  }

  /**
   * Marks the page's hits; a few at a time when the query has many terms (marking seeks each term
   * in each hit), so that the deadline is checked between them. Hits left when it passes are shown
   * unmarked.
   */
  private Highlighting.Marked[] mark(Query query, List<Highlighting.Target> targets)
      throws IOException {
    SearchRequest.Snippets snippets = request.snippets();
    int n = targets.size();
    int chunk = termCount(query) > MANY_TERMS ? 2 : Math.max(1, n);
    Highlighting.Marked[] out = new Highlighting.Marked[n];
    long slowest = 0;
    for (int from = 0; from < n; from += chunk) {
      List<Highlighting.Target> some = targets.subList(from, Math.min(n, from + chunk));
      long started = System.nanoTime();
      // A chunk is not started when one like it would not finish in time.
      Highlighting.Marked[] part =
          budget.finishLeftNanos() <= slowest
              ? unmarked(some)
              : budget.orElse(
                  () -> highlighting.mark(searcher, state.fieldInfos(), query, some, snippets),
                  () -> Highlighting.unmarked(some, snippets),
                  MARKS_SKIPPED);
      slowest = Math.max(slowest, System.nanoTime() - started);
      System.arraycopy(part, 0, out, from, part.length);
    }
    return out;
  }

  private Highlighting.Marked[] unmarked(List<Highlighting.Target> targets) {
    budget.skipped(MARKS_SKIPPED);
    return Highlighting.unmarked(targets, request.snippets());
  }

  /** The facet counts asked for, unless the time is up. */
  private Map<String, List<SearchResult.FacetValue>> facets(Matched matched) throws IOException {
    Map<String, List<SearchResult.FacetValue>> facets;
    if (matched.page().matches() == null) {
      facets = Map.of();
    } else if (budget.finishOver()) {
      budget.skipped(FACETS_SKIPPED);
      facets = Map.of();
    } else {
      facets =
          budget.orElse(
              () -> Facets.sideways(this, matched.expanded(), matched.page().matches()),
              Map::of,
              FACETS_SKIPPED);
    }
    budget.lap("facets");
    return facets;
  }

  /**
   * A respelling of the query as it was {@code searched} (so a mended mistake is not suggested
   * again) that has hits, when this page has none. Respelling costs a fuzzy scan per unknown word:
   * only tried while matching's time is left.
   */
  private String suggestion(Paging.Page page, String searched) throws IOException {
    String suggestion = null;
    if (page.total() == 0 && !budget.wasStopped()) {
      if (budget.searchOver()) {
        budget.skipped(SUGGESTION_SKIPPED);
      } else {
        suggestion =
            budget.orElse(
                () ->
                    QueryCorrector.suggest(
                        searcher,
                        analyzer,
                        searched,
                        corrected ->
                            filtered(
                                Ranking.DEFAULT.query(
                                    QueryParsing.interpret(
                                        corrected, analyzer, false, request.allowLeadingWildcard()),
                                    analyzer)),
                        budget::finishOver),
                () -> null,
                SUGGESTION_SKIPPED);
      }
    }
    budget.lap("suggest");
    return suggestion;
  }

  private static String notice(String interpretation, List<String> timeLimit) {
    List<String> all = new ArrayList<>();
    if (interpretation != null) {
      all.add(interpretation);
    }
    all.addAll(timeLimit);
    return all.isEmpty() ? null : String.join("; ", all);
  }

  private static int termCount(Query query) {
    int[] terms = {0};
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query q, Term... t) {
            terms[0] += t.length;
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    return terms[0];
  }

  /** The kind stored with a quote document; null for an article. */
  private static Quote.Kind kind(Document d) {
    String label = d.get(Schema.KIND);
    return label == null ? null : Quote.Kind.fromLabel(label);
  }

  private static String title(Document d) {
    return Schema.TYPE_QUOTE.equals(d.get(Schema.TYPE))
        ? d.get(Schema.ARTICLE_TITLE)
        : d.get(Schema.TITLE);
  }
}
