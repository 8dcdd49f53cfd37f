package dev.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.index.Indexer;
import dev.verbatim.index.schema.Schema;
import dev.verbatim.search.query.QueryParsing;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every operator of the query language, forgiving and strict, on a real index of our fixtures. */
class QueryLanguageTest {
  static final Set<String> ALL =
      Set.of("zoe", "rushed", "kardashian", "apostrophe", "zoe-plain", "clemency");

  @TempDir static Path indexDir;
  static Searcher searcher;

  @BeforeAll
  static void index() throws IOException, URISyntaxException {
    Path corpus = Path.of(QueryLanguageTest.class.getResource("/query-corpus").toURI());
    new Indexer(2).rebuild(corpus, indexDir);
    searcher = CompleteAnswers.open(indexDir);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  // --- the operators

  @Test
  void wordsAreAllRequiredAndStemmed() throws IOException {
    assertEquals(Set.of("kardashian", "clemency"), ids("pardons"));
    assertEquals(Set.of("kardashian"), ids("pardon rare"));
    assertEquals(Set.of(), ids("pardon festival"));
  }

  @Test
  void stopWordsDoNotEmptyTheResult() throws IOException {
    assertEquals(Set.of("kardashian", "clemency"), ids("the pardon"));
  }

  @Test
  void explicitAndNotAndParentheses() throws IOException {
    assertEquals(Set.of("clemency"), ids("pardon AND clemency"));
    assertEquals(Set.of("kardashian"), ids("pardon NOT clemency"));
    assertEquals(Set.of("kardashian"), ids("pardon -clemency"));
    assertEquals(Set.of("zoe-plain"), ids("(kardashian OR zoe) AND award"));
    assertEquals(Set.of("zoe", "zoe-plain", "kardashian", "apostrophe"), ids("zoe OR kardashian"));
  }

  @Test
  void aLoneExclusionMeansEverythingElse() throws IOException {
    assertEquals(Set.of("zoe", "rushed", "apostrophe", "zoe-plain"), ids("-pardon"));
    assertEquals(Set.of("zoe", "rushed", "apostrophe", "zoe-plain"), ids("NOT pardon"));
  }

  @Test
  void phrasesAreExactAndProximityWidensThem() throws IOException {
    assertEquals(Set.of("zoe"), ids("\"so unfair\""));
    assertEquals(Set.of("rushed"), ids("\"so unfairly\""));
    assertEquals(Set.of(), ids("\"schedule rushed\""));
    assertEquals(Set.of("rushed"), ids("\"schedule rushed\"~2"));
    // Curly quotes typed or pasted into the box delimit phrases too.
    assertEquals(Set.of("zoe"), ids("\u201Cso unfair\u201D"));
  }

  @Test
  void fieldsNarrowTheSearch() throws IOException {
    assertEquals(Set.of("zoe-plain", "clemency"), ids("source:\"valley post\""));
    assertEquals(Set.of("kardashian"), ids("title:pardon"));
    assertEquals(Set.of("kardashian", "clemency"), ids("text:pardoning"));
    assertEquals(Set.of("clemency"), ids("text:lawmakers"));
    assertEquals(Set.of("zoe-plain"), ids("author:lee"));
    SearchResult quotes = searcher.search(SearchRequest.of("kind:full"));
    assertEquals(searcher.stats().quotes(), quotes.total());
    assertTrue(quotes.hits().stream().allMatch(h -> h.type() == SearchRequest.Type.QUOTE));
    assertEquals(0, searcher.search(SearchRequest.of("kind:partial")).total());
    assertEquals(Set.of(), ids("type:quote"));
    assertEquals(
        Set.of("zoe"),
        searcher.search(SearchRequest.of("speaker:ortiz type:quote")).hits().stream()
            .map(SearchResult.Hit::articleId)
            .collect(Collectors.toSet()));
  }

  @Test
  void prefixSearchesUnstemmedWordsAndFoldsCaseAndAccents() throws IOException {
    assertEquals(Set.of("kardashian", "clemency"), ids("pard*"));
    assertEquals(Set.of("kardashian", "clemency"), ids("PARD*"));
    assertEquals(Set.of("zoe", "zoe-plain"), ids("Zoë*"));
  }

  @Test
  void wildcardAndFuzzyMatchesAreHighlighted() throws IOException {
    assertEquals(
        List.of(
            "Lawmakers debated clemency and <mark>pardoning</mark> powers late into the night."),
        searcher.search(SearchRequest.of("pard* date:2017")).hits().get(0).passages().stream()
            .map(SearchResult.Passage::html)
            .toList());
    assertEquals(
        List.of(
            "Lawmakers debated <mark>clemency</mark> and pardoning powers late into the night."),
        searcher.search(SearchRequest.of("clmncy~")).hits().get(0).passages().stream()
            .map(SearchResult.Passage::html)
            .toList());
  }

  @Test
  void fuzzyAllowsTwoEditsByDefaultAndOneWhenAsked() throws IOException {
    assertEquals(Set.of("clemency"), ids("clmncy~"));
    assertEquals(Set.of(), ids("clmncy~1"));
    assertEquals(Set.of("clemency"), ids("clmency~1"));
  }

  @Test
  void dateRangesYearsMonthsAndDays() throws IOException {
    assertEquals(
        Set.of("zoe", "rushed", "kardashian", "apostrophe"),
        ids("date:[2018-01-01 TO 2018-12-31]"));
    assertEquals(Set.of("zoe", "rushed", "kardashian", "apostrophe"), ids("date:2018"));
    assertEquals(Set.of("zoe", "rushed", "kardashian"), ids("date:2018-06"));
    assertEquals(Set.of("zoe"), ids("date:2018-06-06"));
    assertEquals(Set.of("zoe", "kardashian"), ids("date:[2018-06 TO 2018-06-07]"));
    assertEquals(Set.of("zoe-plain"), ids("date:[2019 TO *]"));
    assertEquals(Set.of("clemency"), ids("date:[* TO 2017]"));
    assertEquals(Set.of("zoe", "rushed", "kardashian", "apostrophe"), ids("date:{2017 TO 2019}"));
    assertEquals(Set.of("kardashian"), ids("pardon date:[2018 TO 2018]"));
  }

  @Test
  void aBadDateIsAClearErrorInBothModes() {
    for (boolean strict : new boolean[] {false, true}) {
      InvalidQueryException e =
          assertThrows(
              InvalidQueryException.class,
              () ->
                  searcher.search(
                      SearchRequest.builder("date:[2018-13 TO 2019]").withStrict(strict).build()));
      assertEquals(
          "'2018-13' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2018-06-06",
          e.getMessage());
    }
    assertThrows(
        InvalidQueryException.class, () -> searcher.search(SearchRequest.of("date:yesterday")));
    assertThrows(
        InvalidQueryException.class, () -> searcher.search(SearchRequest.of("date:2018-02-30")));
  }

  // --- analysis: the same folding for index and query

  @Test
  void accentsFoldBothWays() throws IOException {
    assertEquals(Set.of("zoe", "zoe-plain"), ids("Zoe"));
    assertEquals(Set.of("zoe", "zoe-plain"), ids("Zoë"));
    assertEquals(Set.of("zoe", "zoe-plain"), ids("\"zoë\""));
    // The same letter typed as e + combining diaeresis, as some keyboards and PDFs produce it.
    assertEquals(Set.of("zoe", "zoe-plain"), ids("Zoe\u0308"));
    assertEquals(Set.of("zoe", "zoe-plain"), ids("Zoe\u0308*"));
  }

  @Test
  void possessivesAndApostrophesOfEitherShape() throws IOException {
    Set<String> both = Set.of("kardashian", "apostrophe");
    assertEquals(both, ids("Kardashian"));
    assertEquals(both, ids("Kardashian’s"));
    assertEquals(both, ids("Kardashian's"));
    assertEquals(both, ids("Kardashian’s*"));
    assertEquals(both, ids("kardashian's~1"));
    assertEquals(Set.of("apostrophe"), ids("\"Kardashian’s lawyers\""));
    assertEquals(Set.of("kardashian"), ids("\"Kardashian's visit\""));
  }

  // --- forgiving by default, strict on request

  @Test
  void syntaxMistakesAreSearchedAsWordsWithANotice() throws IOException {
    assertForgiven(
        "\"so unfair", "Unbalanced quote ignored; searched as words: so unfair", Set.of("zoe"));
    assertForgiven(
        "(pardon OR clemency",
        "Unbalanced parenthesis ignored; searched as words: pardon OR clemency",
        Set.of("kardashian", "clemency"));
    assertForgiven(
        "pardon)",
        "Unbalanced parenthesis ignored; searched as words: pardon",
        Set.of("kardashian", "clemency"));
    assertForgiven(
        "Ortiz said: unfair",
        "Unknown field 'said:' searched as a word; searched as words: Ortiz said unfair",
        Set.of("zoe"));
    assertForgiven(
        "colour:rare",
        "Unknown field 'colour:' searched as a word; searched as words: colour rare",
        Set.of());
    assertForgiven(
        "pardon AND",
        "Dangling 'AND' ignored; searched as words: pardon",
        Set.of("kardashian", "clemency"));
    assertForgiven(
        "OR pardon",
        "Dangling 'OR' ignored; searched as words: pardon",
        Set.of("kardashian", "clemency"));
    assertForgiven(
        "pardon -",
        "Dangling '-' ignored; searched as words: pardon",
        Set.of("kardashian", "clemency"));
    assertForgiven(
        "title:text:pardon",
        "Field 'title:' before another field searched as a word; searched as words: title"
            + " text:pardon",
        Set.of());
    assertForgiven(
        "pardon title:",
        "Empty field 'title:' searched as a word; searched as words: pardon title",
        Set.of());
    assertForgiven(
        "*", "Lone '*' ignored; nothing was left to search, so everything is shown", ALL);
    assertForgiven("*ardons", "Leading wildcard ignored; searched as words: ardons", Set.of());
    assertForgiven(
        "pardon/clemency",
        "Slashes ignored (regular expressions are not supported); searched as words: pardon"
            + " clemency",
        Set.of("clemency"));
    assertForgiven(
        "\"pardon AND",
        "Unbalanced quote ignored; Dangling 'AND' ignored; searched as words: pardon",
        Set.of("kardashian", "clemency"));
    // What is valid stays valid around the mistake.
    assertForgiven(
        "\"so unfair\" OR pardon -clemency)",
        "Unbalanced parenthesis ignored; searched as words: \"so unfair\" OR pardon -clemency",
        Set.of("zoe", "kardashian"));
  }

  @Test
  void validQueriesCarryNoNotice() throws IOException {
    for (String q :
        new String[] {
          "pardon", "\"so unfair\"~2", "(a OR b) -c", "date:2018", "pard*", "*:*", ""
        }) {
      assertNull(searcher.search(SearchRequest.of(q)).notice(), q);
    }
  }

  @Test
  void strictModeReportsWhereAndWhat() {
    assertStrict("\"so unfair", "cannot parse query: the quote at character 1 is never closed");
    assertStrict("(pardon", "cannot parse query: the '(' at character 1 is never closed");
    assertStrict("pardon)", "cannot parse query: the ')' at character 7 has no matching '('");
    assertStrict(
        "Ortiz said: unfair",
        "cannot parse query: unknown field 'said' at character 7; searchable fields are author,"
            + " date, kind, source, speaker, text, title, type");
    assertStrict("pardon AND", "cannot parse query: 'AND' at character 8 has nothing to apply to");
    assertStrict(
        "*ardons", "cannot parse query: a word may not start with '*' or '?' (character 1)");
    assertStrict(
        "pardon^", "cannot parse query: unexpected end of query at character 8; expected a number");
  }

  @Test
  void leadingWildcardOnlyWhenTheRequestAllowsIt() throws IOException {
    SearchResult allowed =
        searcher.search(SearchRequest.builder("*ardons").withAllowLeadingWildcard(true).build());
    assertEquals(Set.of("kardashian"), articleIds(allowed));
    assertNull(allowed.notice());
  }

  // --- guard rails

  @Test
  void overlongQueriesAreRefused() {
    String longQuery = "a".repeat(QueryParsing.MAX_LENGTH + 1);
    InvalidQueryException e =
        assertThrows(
            InvalidQueryException.class, () -> searcher.search(SearchRequest.of(longQuery)));
    assertEquals("query is 4001 characters long; at most 4000 are allowed", e.getMessage());
  }

  @Test
  void tooManyTermsAreRefused() throws IOException {
    String many =
        IntStream.range(0, 16).mapToObj(i -> "w" + i + "*").collect(Collectors.joining(" "));
    InvalidQueryException e =
        assertThrows(InvalidQueryException.class, () -> searcher.search(SearchRequest.of(many)));
    assertEquals(
        "query is too complex: it needs more than 1024 clauses (each word or phrase searches up to"
            + " 3 fields, each wildcard or fuzzy word up to 64 terms per field); at most 1024 are"
            + " allowed, so use fewer words or wildcards",
        e.getMessage());
    // Plain words count too: each is at least a clause per field group it searches.
    InvalidQueryException counted =
        assertThrows(
            InvalidQueryException.class,
            () -> searcher.search(SearchRequest.of("w* " + "x ".repeat(600))));
    assertTrue(
        counted
            .getMessage()
            .matches(
                "query is too complex: it needs \\d{4} clauses .*; at most 1024 are allowed, .*"),
        counted.getMessage());
    // A paragraph pasted in quotes, to find who said it, is one phrase per field.
    String pasted = "\"" + "so unfair to the volunteers ".repeat(70).strip() + "\"";
    SearchResult paragraph = searcher.search(SearchRequest.of(pasted));
    assertEquals(0, paragraph.total());
    assertNull(paragraph.notice());
  }

  @Test
  void proximityIsCapped() throws IOException {
    assertForgiven("\"schedule rushed\"~500", "Proximity ~500 reduced to ~50", Set.of("rushed"));
    assertStrict(
        "\"schedule rushed\"~500", "cannot parse query: proximity ~500 is too wide; at most ~50");
  }

  @Test
  void fuzzyEditsAreCapped() throws IOException {
    assertForgiven("clmncy~5", "Fuzzy ~5 reduced to ~2", Set.of("clemency"));
    assertStrict(
        "clmncy~5", "cannot parse query: fuzzy 'clmncy~5' allows too many edits; use ~1 or ~2");
  }

  @Test
  void deepNestingIsFlattenedOrRefused() throws IOException {
    String deep = "(".repeat(30) + "pardon" + ")".repeat(30);
    SearchResult result = searcher.search(SearchRequest.of(deep));
    assertEquals(Set.of("kardashian", "clemency"), articleIds(result));
    assertEquals(
        "Nesting deeper than 20 levels flattened; searched as words: "
            + "(".repeat(20)
            + "pardon"
            + ")".repeat(20),
        result.notice());
    assertStrict(
        deep, "cannot parse query: parentheses nest deeper than 20 levels at character 21");
  }

  @Test
  void longFuzzyWordsAndManyWildcardsAreCutDown() throws IOException {
    String longWord = "x".repeat(1500);
    assertForgiven(
        longWord + "~", "Fuzzy '~' ignored on a word longer than 40 characters", Set.of());
    assertStrict(
        longWord + "~",
        "cannot parse query: fuzzy words may have at most 40 characters; 'xxxxxxxxxxxxxxxxxxxx...'"
            + " has 1500");
    assertForgiven("p*r*d*o*n*s*?*", "Wildcards ignored in a word with more than 6", Set.of());
    assertForgiven("p*r*d*?n*", null, Set.of("kardashian", "clemency"));
    assertStrict(
        "p*r*d*o*n*s*?*",
        "cannot parse query: 'p*r*d*o*n*s*?*' has 8 wildcards; at most 6 per word");
  }

  @Test
  void prefixExpansionIsBoundedToTheTopTerms(@TempDir Path corpus, @TempDir Path index)
      throws IOException {
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      jsonl.append(
          String.format(
              "{\"id\": \"d%03d\", \"title\": \"Doc %d\", \"text\": \"zed%03d\"}%n", i, i, i));
    }
    Files.writeString(corpus.resolve("many.jsonl"), jsonl);
    new Indexer(1).rebuild(corpus, index);
    try (Searcher many = Searcher.open(index)) {
      assertEquals(QueryParsing.MAX_EXPANSIONS, many.search(SearchRequest.of("zed*")).total());
      assertEquals(200, many.search(SearchRequest.of("doc")).total());
    }
  }

  @Test
  void forgivingModeNeverFailsOnSyntax() throws IOException {
    String[] pieces = {
      "pardon",
      "Zoë",
      "\"",
      "(",
      ")",
      ":",
      "*",
      "?",
      "~",
      "~2",
      "^",
      "^2",
      "[",
      "]",
      "{",
      "}",
      "/",
      "\\",
      "-",
      "+",
      "!",
      "&&",
      "||",
      "AND",
      "OR",
      "NOT",
      "TO",
      " ",
      " ",
      " ",
      "title:",
      "speaker:",
      "date:",
      "2018",
      "’s",
      "\u0000",
      "\uD800",
      "\uD83D\uDE00",
      "\u0308",
      "\u201C",
      "\u00A0",
      "<script>"
    };
    java.util.Random random = new java.util.Random(20261124);
    int noticed = 0;
    for (int n = 0; n < 200; n++) {
      StringBuilder q = new StringBuilder();
      for (int k = random.nextInt(9); k >= 0; k--) {
        q.append(pieces[random.nextInt(pieces.length)]);
      }
      try {
        SearchResult result = searcher.search(SearchRequest.of(q.toString()));
        noticed += result.notice() == null ? 0 : 1;
        if (result.notice() == null) {
          // Whatever needed no mending must also pass strict mode unchanged.
          searcher.search(SearchRequest.builder(q.toString()).withStrict(true).build());
        }
      } catch (InvalidQueryException e) {
        // Only a bad date may refuse a forgiving search of a short query.
        assertTrue(e.getMessage().contains("is not a date"), q + " -> " + e.getMessage());
      }
    }
    // The generator must produce plenty of broken queries, or the test proves nothing.
    assertTrue(noticed > 60, "queries mended: " + noticed);
  }

  // --- did you mean

  @Test
  void misspelledQueriesSuggestWordsTheIndexHolds() throws IOException {
    assertSuggests("clemncy", "clemency");
    assertSuggests("Clemncy", "Clemency");
    assertSuggests("\"harbor festival\"", "\"harbour festival\"");
    assertSuggests("title:festivl", "title:festival");
    assertSuggests("speaker:Ortis", "speaker:Ortiz");
    assertSuggests("sentence -clemency lawers", "sentence -clemency lawyers");
    // A mended query is respelled as it was searched.
    SearchResult mended = searcher.search(SearchRequest.of("\"so unfiar"));
    assertEquals("Unbalanced quote ignored; searched as words: so unfiar", mended.notice());
    assertEquals("so unfair", mended.suggestion());
  }

  @Test
  void noSuggestionUnlessTheCorrectionFindsSomething() throws IOException {
    SearchResult none = searcher.search(SearchRequest.of("clemncy festival"));
    assertEquals(0, none.total());
    assertNull(none.suggestion());
    assertNull(searcher.search(SearchRequest.of("pardon festival")).suggestion());
    assertNull(searcher.search(SearchRequest.of("clemency")).suggestion());
    // Past a handful of unknown words the query is not a typo but noise: no fuzzy scans for it.
    try (Directory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      assertEquals(
          "clemency festival",
          QueryCorrector.correct(reader, Schema.analyzer(), "clemncy festival"));
      String noise = "clemncy " + "qqxv ".repeat(QueryCorrector.MAX_UNKNOWN_WORDS);
      assertNull(QueryCorrector.correct(reader, Schema.analyzer(), noise));
    }
  }

  // --- helpers

  private static void assertForgiven(String query, String notice, Set<String> expected)
      throws IOException {
    SearchResult result =
        searcher.search(
            SearchRequest.builder(query)
                .withType(SearchRequest.Type.ARTICLE)
                .withLimit(50)
                .build());
    assertEquals(notice, result.notice(), query);
    assertEquals(expected, articleIds(result), query);
  }

  private static void assertStrict(String query, String message) {
    InvalidQueryException e =
        assertThrows(
            InvalidQueryException.class,
            () -> searcher.search(SearchRequest.builder(query).withStrict(true).build()),
            query);
    assertEquals(message, e.getMessage(), query);
  }

  private static void assertSuggests(String query, String suggestion) throws IOException {
    SearchResult result = searcher.search(SearchRequest.of(query));
    assertEquals(0, result.total(), query);
    assertEquals(suggestion, result.suggestion(), query);
  }

  private static Set<String> ids(String query) throws IOException {
    return articleIds(
        searcher.search(
            SearchRequest.builder(query)
                .withType(SearchRequest.Type.ARTICLE)
                .withLimit(50)
                .build()));
  }

  private static Set<String> articleIds(SearchResult result) {
    return result.hits().stream().map(SearchResult.Hit::articleId).collect(Collectors.toSet());
  }
}
