package dev.verbatim.cli;

import dev.verbatim.corpus.Article;
import dev.verbatim.corpus.CorpusReader;
import dev.verbatim.corpus.ReadResult;
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
      "Offsets are chars in the whole file for .txt, in the text field for .jsonl."
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
        ReadResult result = reader.read(file);
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
    if (q.mention() == null) {
      m.put("mention", null);
    } else {
      // ordered, so that two runs print the same bytes (Map.of's order changes per JVM)
      Map<String, Object> mention = new LinkedHashMap<>();
      mention.put("text", q.mention().text());
      mention.put("offset", base + q.mention().offset());
      m.put("mention", mention);
    }
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
