package dev.verbatim.cli;

import dev.verbatim.index.Indexer;
import dev.verbatim.search.InvalidQueryException;
import dev.verbatim.search.SearchRequest;
import dev.verbatim.search.SearchResult;
import dev.verbatim.search.Searcher;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code verbatim eval-ranking}: measures the ranking on a test collection, searching it exactly as
 * a user's words would be searched.
 */
@Command(
    name = "eval-ranking",
    header = "Measure ranking quality (MAP, nDCG@10, P@10, Recall@100) on a test collection.",
    mixinStandardHelpOptions = true,
    description = {
      "Index a test collection into a temporary folder, run every query through the searcher"
          + " (articles only, top 1000) and print MAP, nDCG@10, P@10 and Recall@100 over the"
          + " judged queries.",
      "Grades >= 1 are relevant; nDCG gains are the grades."
    })
final class EvalRankingCommand implements Callable<Integer> {
  /** Hits ranked per query, as TREC runs do. */
  static final int DEPTH = 1000;

  @Option(
      names = "--docs",
      required = true,
      paramLabel = "DOCS.jsonl",
      description = "Documents: one JSON object per line with id, title, text.")
  Path docs;

  @Option(
      names = "--queries",
      required = true,
      paramLabel = "QUERIES.tsv",
      description = "Queries: qid<TAB>text per line.")
  Path queries;

  @Option(
      names = "--qrels",
      required = true,
      paramLabel = "QRELS.trec",
      description = "Judgments: qid 0 docid grade per line.")
  Path qrels;

  @Option(
      names = "--run",
      paramLabel = "OUT",
      description = "Also write the ranking as a TREC run file.")
  Path run;

  @Option(
      names = "--config",
      paramLabel = "NAME",
      description =
          "default (what users get), rm3 (default plus feedback) or bare-bm25 (plain BM25, one"
              + " field) (default: ${DEFAULT-VALUE}).")
  String config = "default";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    SearchRequest.Relevance relevance = relevance(config);
    Map<String, String> topics = readQueries(queries);
    RelevanceJudgments judgments = RelevanceJudgments.read(qrels);
    PrintWriter out = spec.commandLine().getOut();
    Path index = Files.createTempDirectory("verbatim-eval-");
    try {
      Indexer.Summary summary = new Indexer().rebuild(docs, index);
      if (!summary.skipped().isEmpty()) {
        IndexCommand.printSummary(out, summary, index);
      }
      long start = System.nanoTime();
      Map<String, List<SearchResult.Hit>> results = new LinkedHashMap<>();
      Main.quietSlowSearchNotes();
      try (Searcher searcher = Searcher.open(index, Main.ONE_SHOT_TIME_LIMIT)) {
        for (Map.Entry<String, String> topic : topics.entrySet()) {
          try {
            results.put(topic.getKey(), rank(searcher, topic.getValue(), relevance));
          } catch (InvalidQueryException e) {
            // What a user would get: nothing. It scores 0 rather than leaving the mean.
            out.printf(Locale.ROOT, "query %s refused: %s%n", topic.getKey(), e.getMessage());
            results.put(topic.getKey(), List.of());
          }
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (run != null) {
        writeRun(run, results);
      }
      Map<String, List<String>> ids = new LinkedHashMap<>();
      results.forEach((q, hits) -> ids.put(q, hits.stream().map(SearchResult.Hit::id).toList()));
      RelevanceJudgments.Scores mean = judgments.mean(ids);
      out.printf(
          Locale.ROOT,
          "config %s: %d documents (and %d quotes found in them), %d queries (%d judged), searched"
              + " in %.1f s%n",
          config,
          summary.articles(),
          summary.quotes(),
          topics.size(),
          judgments.judgedQueries().size(),
          seconds);
      out.printf(
          Locale.ROOT,
          "MAP %.4f  nDCG@10 %.4f  P@10 %.4f  R@100 %.4f%n",
          mean.map(),
          mean.ndcg10(),
          mean.p10(),
          mean.recall100());
      out.flush();
    } finally {
      deleteTree(index);
    }
    return Main.OK;
  }

  static SearchRequest.Relevance relevance(String name) {
    return switch (name) {
      case "default" -> SearchRequest.Relevance.DEFAULT;
      case "rm3" -> SearchRequest.Relevance.FEEDBACK;
      case "bare-bm25" -> SearchRequest.Relevance.BASELINE;
      default ->
          throw new IllegalArgumentException(
              "unknown config '" + name + "'; expected default, rm3 or bare-bm25");
    };
  }

  /**
   * The top {@link #DEPTH} articles for {@code text}, paged through the public API as a client
   * would.
   */
  private static List<SearchResult.Hit> rank(
      Searcher searcher, String text, SearchRequest.Relevance relevance) throws IOException {
    SearchRequest.Builder request =
        SearchRequest.ofWords(text).toBuilder()
            .withType(SearchRequest.Type.ARTICLE)
            .withRelevance(relevance)
            .withLimit(SearchRequest.MAX_LIMIT)
            .withFacets(false);
    List<SearchResult.Hit> hits = new ArrayList<>();
    for (int offset = 0; offset < DEPTH; offset += SearchRequest.MAX_LIMIT) {
      List<SearchResult.Hit> page = searcher.search(request.withOffset(offset).build()).hits();
      hits.addAll(page);
      if (page.size() < SearchRequest.MAX_LIMIT) {
        break;
      }
    }
    return hits;
  }

  static Map<String, String> readQueries(Path file) throws IOException {
    Map<String, String> topics = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab <= 0) {
        throw new IllegalArgumentException(
            file + ":" + (i + 1) + ": expected 'qid<TAB>text', got '" + line + "'");
      }
      topics.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
    }
    return topics;
  }

  private static void writeRun(Path file, Map<String, List<SearchResult.Hit>> results)
      throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, List<SearchResult.Hit>> e : results.entrySet()) {
        List<SearchResult.Hit> hits = e.getValue();
        for (int i = 0; i < hits.size(); i++) {
          w.write(
              String.format(
                  Locale.ROOT,
                  "%s Q0 %s %d %.6f verbatim%n",
                  e.getKey(),
                  hits.get(i).id(),
                  i + 1,
                  hits.get(i).score()));
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
