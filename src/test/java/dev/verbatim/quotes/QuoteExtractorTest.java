package dev.verbatim.quotes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.corpus.Article;
import dev.verbatim.corpus.CorpusReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quote patterns on our own fixture articles in {@code src/test/resources/quotes/}. */
class QuoteExtractorTest {
  private final QuoteExtractor extractor = new QuoteExtractor();

  private record Fixture(Article article, List<Quote> quotes) {
    String body() {
      return article.text();
    }
  }

  private Fixture fixture(String name) throws Exception {
    Path file = Path.of(getClass().getResource("/quotes/" + name).toURI());
    CorpusReader.Result read = new CorpusReader(file.getParent()).read(file);
    Article article = read.articles().get(0);
    return new Fixture(article, extractor.extract(article));
  }

  /**
   * The one quote whose text starts with {@code start}, checked against the expected kind, speaker,
   * cue and mention, and placed where its opening mark is in the body.
   */
  private static Quote check(
      Fixture f, String start, Quote.Kind kind, String speaker, String cue, String mention) {
    List<Quote> hits = f.quotes().stream().filter(q -> q.text().startsWith(start)).toList();
    assertEquals(1, hits.size(), "quotes starting with '" + start + "': " + f.quotes());
    Quote q = hits.get(0);
    int at = f.body().indexOf(start) - 1;
    assertEquals(at, q.offset(), "offset of '" + start + "'");
    assertEquals(q.text(), f.body().substring(q.offset() + 1, q.offset() + 1 + q.text().length()));
    assertEquals(kind, q.kind(), "kind of '" + start + "'");
    assertEquals(speaker, q.speaker(), "speaker of '" + start + "'");
    assertEquals(cue, q.cue(), "cue of '" + start + "'");
    if (mention == null) {
      assertNull(q.mention(), "mention of '" + start + "'");
    } else {
      assertNotNull(q.mention(), "mention of '" + start + "'");
      assertEquals(mention, q.mention().text(), "mention of '" + start + "'");
      assertTrue(
          f.body().startsWith(mention, q.mention().offset()), "mention offset of '" + start + "'");
    }
    return q;
  }

  @Test
  void cuesBeforeAfterAndAround() throws Exception {
    Fixture f = fixture("cues.txt");
    assertEquals(8, f.quotes().size(), f.quotes().toString());
    Quote first = check(f, "The bridge will open", Quote.Kind.FULL, "Nora Quist", "said", "Quist");
    assertEquals("The bridge will open in May,".length() + 2, first.length());
    // no cue of its own, right after a quote by the same speaker
    check(f, "After that, my work", Quote.Kind.FULL, "Nora Quist", null, null);
    check(f, "I leave the harbour", Quote.Kind.FULL, "Nora Quist", "added", "she");
    // said X, a spokesman for Y: the person, not the company
    check(f, "We are ready", Quote.Kind.FULL, "Tom Baker", "said", "Tom Baker");
    // appositive before the verb, colon before the quote
    check(f, "The tides are", Quote.Kind.FULL, "Ian Moss", "said", "Ian Moss");
    // "X noted in a statement", surname resolved to the full name
    check(f, "It has served us well", Quote.Kind.FULL, "Elena Ruiz", "noted", "Ruiz");
    check(f, "Nobody asked the fishermen", Quote.Kind.FULL, "Sam Ode", "according to", "Sam Ode");
    // "she" is the subject of "told", never its object Peter Holt
    check(f, "I will miss the gulls", Quote.Kind.FULL, "Nora Quist", "noted", "she");
  }

  @Test
  void spansOverSentencesParagraphsMarksAndBrackets() throws Exception {
    Fixture f = fixture("spans.txt");
    check(
        f,
        "We planned for the worst. We hoped",
        Quote.Kind.FULL,
        "Rita Vance",
        "said",
        "Rita Vance");
    // a paragraph that opens a quote and does not close it goes on in the next: one span
    Quote joined = check(f, "Every cot was taken", Quote.Kind.FULL, "Rita Vance", "said", "Vance");
    assertTrue(
        joined.text().endsWith("brought a parrot.\n\n“By midnight we had opened the gym as well,"),
        joined.text());
    assertEquals(joined.text().length() + 2, joined.length());
    // "the mayor" is an office: nobody in the article is called so, whoever spoke last
    check(f, "did what the city could not", Quote.Kind.PARTIAL, null, "said", "The mayor");
    Quote nested =
        check(f, "He told me ‘stay inside’", Quote.Kind.FULL, "Omar Field", "said", "Omar Field");
    assertTrue(nested.text().contains("‘stay inside’"));
    check(f, "I would tell [Vance] the same", Quote.Kind.FULL, "Omar Field", null, null);
    check(f, "We had four trucks", Quote.Kind.FULL, "Lena Park", "replied", "Lena Park");
    // a quote split by its cue; the surname resolves to the full name
    check(f, "I saw the water rise", Quote.Kind.FULL, "Omar Field", "tells", "Field");
    check(f, "Then I saw it stop", Quote.Kind.FULL, "Omar Field", null, null);
    // inch marks are not quotes, and an unclosed mark does not swallow the next paragraphs
    assertTrue(
        f.quotes().stream().noneMatch(q -> q.text().contains("pipe")), f.quotes().toString());
    assertTrue(
        f.quotes().stream().noneMatch(q -> q.text().contains("slowest")), f.quotes().toString());
    assertEquals(8, f.quotes().size(), f.quotes().toString());
  }

  @Test
  void titlesNicknamesAndScareQuotesAreNotQuotes() throws Exception {
    Fixture f = fixture("kinds.txt");
    check(f, "Evening Courier", Quote.Kind.NOT_A_QUOTE, null, null, null);
    check(f, "Hammer", Quote.Kind.NOT_A_QUOTE, null, null, null);
    check(f, "Quiet River", Quote.Kind.NOT_A_QUOTE, null, null, null);
    check(f, "reform", Quote.Kind.NOT_A_QUOTE, null, null, null);
    check(f, "puzzled", Quote.Kind.NOT_A_QUOTE, null, null, null);
    check(f, "3-1", Quote.Kind.NOT_A_QUOTE, null, null, null);
    check(f, "by the skin of its teeth", Quote.Kind.PARTIAL, "Greta Lind", "said", "Greta Lind");
    check(f, "and will stay slow", Quote.Kind.PARTIAL, "Ledger", "reported", "The Ledger");
    assertEquals(8, f.quotes().size());
  }

  @Test
  void organisationsRolesAndWeakEvidence() throws Exception {
    Fixture f = fixture("speakers.txt");
    check(
        f,
        "This route connects",
        Quote.Kind.FULL,
        "Brightwave Ltd",
        "told",
        "a spokesperson for the company");
    check(f, "We have waited a decade", Quote.Kind.FULL, "Town Hall", "said", "the Town Hall");
    check(f, "Forty minutes", Quote.Kind.FULL, "Brightwave Ltd", "claims", "the video");
    // "he" with no man in the article, and a quote with no cue and nobody before it: no speaker
    check(f, "It is a good day", Quote.Kind.FULL, null, "said", "he");
    check(f, "Nobody will miss", Quote.Kind.FULL, null, null, null);
  }

  @Test
  void followOnQuotesKeepTheirSpeaker() throws Exception {
    Fixture f = fixture("inheritance.txt");
    check(f, "The wind turned", Quote.Kind.FULL, "Tara Nolan", "said", "Nolan");
    check(f, "I just kept my head down", Quote.Kind.FULL, "Tara Nolan", null, null);
    // "he" is Mark Hale: Tara Nolan is a woman by her name
    check(f, "She was the better sailor", Quote.Kind.FULL, "Mark Hale", "said", "he");
    check(f, "Next year the course", Quote.Kind.FULL, "Paul Sims", "said", "Paul Sims");
    check(f, "We expect twice as many", Quote.Kind.FULL, "Paul Sims", "added", "Sims");
  }

  @Test
  void wireCopyWithStraightMarksAndWrappedLines() throws Exception {
    Fixture f = fixture("wire.txt");
    assertEquals(9, f.quotes().size(), f.quotes().toString());
    // a quote over a wrapped line; the organisation named in the cue sentence
    check(
        f,
        "higher\ndredging costs",
        Quote.Kind.PARTIAL,
        "Kestrel Harbour Authority",
        "said",
        "The Kestrel Harbour Authority");
    check(f, "We held fees flat", Quote.Kind.FULL, "Victor Hale", "said", "Victor Hale");
    check(f, "The grant fell", Quote.Kind.FULL, "Victor Hale", "added", "he");
    // passive "were told": speech, but nobody named
    check(f, "unavoidable.", Quote.Kind.PARTIAL, null, null, null);
    // "the authority": the one named in full before
    check(
        f,
        "a fair split.",
        Quote.Kind.PARTIAL,
        "Kestrel Harbour Authority",
        "said",
        "the\nauthority");
    check(f, "a blow to the smaller", Quote.Kind.PARTIAL, "Ruth Amble", "said", "Ruth Amble");
    check(f, "We will ask for", Quote.Kind.FULL, "Ruth Amble", "adding", "Ruth Amble");
    // "he" is the unnamed ship broker, not Victor Hale
    check(f, "Nobody is leaving", Quote.Kind.FULL, null, "said", "he");
    check(f, "the harbour pays", Quote.Kind.PARTIAL, "Victor Hale", "saying", "Hale");
  }

  @Test
  void strayMarkDoesNotSwallowTheArticle() {
    String text =
        "He said \"oops " + "word ".repeat(2000) + "and then \"Real words here,\" Ann Lee said.";
    List<Quote> quotes = extractor.extract(Article.of("stray", "Stray", text));
    assertEquals(1, quotes.size(), quotes.toString());
    assertEquals("Real words here,", quotes.get(0).text());
    assertEquals("Ann Lee", quotes.get(0).speaker());
    assertEquals(text.indexOf("\"Real"), quotes.get(0).offset());
  }

  @Test
  void firstQuoteWithoutCueHasNoSpeaker() {
    String text = "“Nobody saw it coming.”\n\nThe flood reached the square by noon.";
    List<Quote> quotes = extractor.extract(Article.of("nocue", "Flood", text));
    assertEquals(1, quotes.size(), quotes.toString());
    assertEquals(Quote.Kind.FULL, quotes.get(0).kind());
    assertNull(quotes.get(0).speaker());
    assertNull(quotes.get(0).cue());
  }

  @Test
  void articleWithoutMarksHasNoQuotes() {
    assertTrue(
        extractor
            .extract(Article.of("none", "None", "Prices rose 3 pct, the bank said."))
            .isEmpty());
  }
}
