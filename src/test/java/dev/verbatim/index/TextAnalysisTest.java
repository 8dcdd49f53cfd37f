package dev.verbatim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.corpus.Article;
import dev.verbatim.corpus.CorpusReader;
import dev.verbatim.index.schema.Schema;
import dev.verbatim.quotes.Quote;
import dev.verbatim.quotes.QuoteExtractor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Field;
import org.junit.jupiter.api.Test;

class TextAnalysisTest {
  private static final Analyzer SCHEMA = Schema.analyzer();

  private final TextAnalysis analysis = new TextAnalysis();
  private final TextAnalysis.Tokens tokens = new TextAnalysis.Tokens();

  @Test
  void wholeTextsGetTheSchemaAnalyzersTerms() throws IOException {
    List<String> texts =
        List.of(
            "",
            "The BOARD'S decision: Smith\u2019s and JONES\u2019S shares",
            "Caf\u00e9 cre\u0300me and na\u00efve \u00c6sop, the \u00dfeer\u00df",
            "A \u201cquote\u201d with\u00a0non-breaking spaces and it's a 3.5% rise",
            "Word\u02b9s with a modifier prime, and x\u017f plus \u02bcs",
            "a".repeat(300) + " tail of the an to be");
    for (String text : texts) {
      analysis.analyse(text, tokens);
      for (String field : List.of(Schema.TEXT, Schema.TEXT_EXACT)) {
        Field replayed =
            analysis.whole(field, tokens, Schema.TEXT_UNSTORED, field.equals(Schema.TEXT));
        assertEquals(terms(field, text), replayedTerms(replayed), field + " of " + text);
      }
    }
  }

  @Test
  void namesGetTheSchemaAnalyzersTermsWithOrWithoutTheCharFilter() throws IOException {
    List<String> names =
        List.of(
            "",
            "Kim Kardashian",
            "Conan O\u2019Brien",
            "The\u00a0Guardian",
            "Ren\u00e9e Fleming",
            "Rene\u0301e Fleming",
            "\u201cThe Onion\u201d \u02bcs");
    for (String name : names) {
      for (String field : List.of(Schema.SPEAKER, Schema.SOURCE, Schema.AUTHOR)) {
        Field f = analysis.exact(field, name, Schema.TEXT_STORED);
        assertEquals(name, f.stringValue());
        assertEquals(terms(field, name), replayedTerms(f), field + " of " + name);
      }
    }
    assertNotEquals(
        Field.class,
        analysis.exact(Schema.SPEAKER, "Conan O\u2019Brien", Schema.TEXT_STORED).getClass());
    assertEquals(
        Field.class, analysis.exact(Schema.SPEAKER, "Rene\u0301e", Schema.TEXT_STORED).getClass());
  }

  @Test
  void quotesOfTheFixtureArticlesGetTheTermsOfTheirOwnAnalysis() throws IOException {
    QuoteExtractor extractor = new QuoteExtractor();
    int shared = 0;
    List<Article> articles = new ArrayList<>();
    for (String folder : List.of("fixture-corpus", "quotes")) {
      CorpusReader reader = new CorpusReader(Path.of("src/test/resources", folder));
      for (Path f : reader.files()) {
        articles.addAll(reader.read(f).articles());
      }
    }
    for (Article a : articles) {
      analysis.analyse(a.text(), tokens);
      // Indexing the article's own fields first records their terms; its quotes then replay those.
      for (String field : List.of(Schema.TEXT, Schema.TEXT_EXACT)) {
        Field whole = analysis.whole(field, tokens, Schema.TEXT_STORED, field.equals(Schema.TEXT));
        assertEquals(terms(field, a.text()), replayedTerms(whole), field + " of " + a.id());
      }
      for (Quote q : extractor.extract(a)) {
        for (String field : List.of(Schema.TEXT, Schema.TEXT_EXACT)) {
          Field f =
              analysis.span(
                  field,
                  tokens,
                  a.text(),
                  q.text(),
                  q.offset(),
                  Schema.TEXT_STORED,
                  field.equals(Schema.TEXT));
          assertEquals(q.text(), f.stringValue());
          assertEquals(terms(field, q.text()), replayedTerms(f), field + " of " + q);
          if (f.getClass() != Field.class) {
            shared++;
          }
        }
      }
    }
    assertTrue(shared > 20, "most quotes share their article's analysis, got " + shared);
  }

  @Test
  void spansThatCutATokenOrFollowDeletedMarksAreAnalysedOnTheirOwn() throws IOException {
    String text = "He said it's fine, and re\u0301sume\u0301 \"quoted\"";
    analysis.analyse("Prefix: don't stop", tokens);
    Field cut =
        analysis.span(
            Schema.TEXT, tokens, "Prefix: don't stop", "t stop", 8, Schema.TEXT_STORED, true);
    assertEquals(Field.class, cut.getClass(), "a span starting inside \"don't\" is analysed alone");
    assertEquals(terms(Schema.TEXT, "t stop"), replayedTerms(cut));

    analysis.analyse(text, tokens);
    Field marks =
        analysis.span(Schema.TEXT_EXACT, tokens, text, "quoted", 0, Schema.TEXT_STORED, false);
    assertEquals(Field.class, marks.getClass(), "combining marks move offsets: analysed alone");

    Field other =
        analysis.span(Schema.TEXT, tokens, "another text", "text", 0, Schema.TEXT_STORED, true);
    assertEquals(Field.class, other.getClass(), "tokens of another text are never replayed");

    String plain = "She said \"the plan works\" today";
    analysis.analyse(plain, tokens);
    Field quote =
        analysis.span(Schema.TEXT, tokens, plain, "the plan works", 9, Schema.TEXT_STORED, true);
    assertNotEquals(Field.class, quote.getClass());
    List<String> expected = List.of("plan 2 4-8", "work 1 9-14", "end 14");
    assertEquals(expected, replayedTerms(quote), "replayed through the stemmed tail");
    replayedTerms(analysis.whole(Schema.TEXT, tokens, Schema.TEXT_STORED, true));
    assertEquals(expected, replayedTerms(quote), "replayed from the article's recorded terms");

    analysis.analyse("the next text", tokens);
    assertThrows(
        IllegalStateException.class, () -> replayedTerms(quote), "tokens reused before indexing");
  }

  /** Each token as {@code term posInc start-end}, then {@code end finalOffset}. */
  private static List<String> terms(String field, String text) throws IOException {
    try (TokenStream ts = SCHEMA.tokenStream(field, text)) {
      return drain(ts);
    }
  }

  private static List<String> replayedTerms(Field f) throws IOException {
    try (TokenStream ts = f.tokenStream(SCHEMA, null)) {
      return drain(ts);
    }
  }

  private static List<String> drain(TokenStream ts) throws IOException {
    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
    PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
    OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
    List<String> out = new ArrayList<>();
    ts.reset();
    while (ts.incrementToken()) {
      out.add(
          term
              + " "
              + posInc.getPositionIncrement()
              + " "
              + offset.startOffset()
              + "-"
              + offset.endOffset());
    }
    ts.end();
    out.add("end " + offset.endOffset());
    return out;
  }
}
