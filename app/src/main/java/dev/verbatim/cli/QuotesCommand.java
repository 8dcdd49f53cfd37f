package dev.verbatim.cli;

import dev.verbatim.corpus.Article;
import dev.verbatim.corpus.CorpusReader;
import dev.verbatim.quotes.Quote;
import dev.verbatim.quotes.QuoteExtractor;
import dev.verbatim.web.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code verbatim quotes}: prints the quotes extracted from files or folders. */
@Command(
    name = "quotes",
    header = "Print every quotation found in files or folders, with its kind and speaker.",
    mixinStandardHelpOptions = true,
    description = {
      "Print every quoted span found in the given files or folders, with kind and speaker.",
      "Offsets (of the quote, its mention and the antecedent) count chars (UTF-16 units) from"
          + " the start of the whole file for .txt and .md, from the start of the extracted story"
          + " text for .html, and from the start of the text field for .jsonl.",
      "Article ids are paths below the folder given, without the extension (politics/255), or"
          + " the id field of a .jsonl line.",
      "With --json, rule says how the speaker was found (sieve/resolution, e.g."
          + " cue-after/pronoun) and antecedent where the article names the speaker that a"
          + " pronoun or role refers to."
    })
final class QuotesCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Corpus files or folders.")
  List<Path> paths;

  @Option(names = "--json", description = "One JSON object per line.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    QuoteExtractor extractor = new QuoteExtractor();
    for (Path root : paths) {
      CorpusReader reader = new CorpusReader(root);
      for (Path file : reader.files()) {
        CorpusReader.Result result = reader.read(file);
        result.skipped().forEach(s -> err.println("skipped " + s.where() + ": " + s.reason()));
        for (Article article : result.articles()) {
          for (Quote q : extractor.extract(article)) {
            out.println(json ? Json.write(record(article, q)) : line(article, q));
          }
        }
      }
    }
    out.flush();
    err.flush();
    return Main.OK;
  }

  private static Map<String, Object> record(Article a, Quote q) {
    int base = a.textOffset();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("article", a.id());
    m.put("file", a.file());
    m.put("offset", base + q.offset());
    m.put("length", q.length());
    m.put("text", q.text());
    m.put("kind", q.kind().label());
    m.put("speaker", q.speaker());
    m.put("cue", q.cue());
    m.put("mention", mention(base, q.mention()));
    if (q.evidence() != null) {
      m.put("rule", q.evidence().rule());
      m.put("antecedent", mention(base, q.evidence().antecedent()));
    }
    return m;
  }

  private static Map<String, Object> mention(int base, Quote.Mention mention) {
    if (mention == null) {
      return null;
    }
    // ordered, so that two runs print the same bytes (Map.of's order changes per JVM)
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("text", mention.text());
    m.put("offset", base + mention.offset());
    return m;
  }

  private static String line(Article a, Quote q) {
    String who = q.speaker() == null ? "?" : q.speaker();
    return a.id()
        + ":"
        + (a.textOffset() + q.offset())
        + " ["
        + q.kind().label()
        + "] "
        + who
        + (q.cue() == null ? "" : " (" + q.cue() + ")")
        + ": “"
        + q.text()
        + "”";
  }
}
