package dev.verbatim.index;

import static dev.verbatim.index.NearDupCorpus.copy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.verbatim.search.CompleteAnswers;
import dev.verbatim.search.Quotation;
import dev.verbatim.search.SearchRequest;
import dev.verbatim.search.SearchResult;
import dev.verbatim.search.Searcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Printings of one quotation with a small edit are one quote, over {@code neardup-corpus}: the
 * harbour pledge printed four ways (a changed word, an ellipsis for a dropped word, a bracketed
 * insertion and a dash), a budget line with two words changed and a short tax line with one.
 */
class QuoteGrouperTest {
  @TempDir Path tmp;

  @Test
  void fourPrintingsWithSmallEditsAreOneQuoteWithEverySource() throws IOException {
    Path index = tmp.resolve("index");
    new Indexer(1).rebuild(NearDupCorpus.folder(), index);
    try (Searcher searcher = CompleteAnswers.open(index)) {
      SearchResult result = quotes(searcher, "harbour OR harbor");
      assertEquals(1, result.total());
      SearchResult.Hit hit = result.hits().get(0);
      assertEquals(
          NearDupCorpus.HARBOUR,
          hit.sources().stream().map(SearchResult.Source::articleId).toList());
      Quotation q = searcher.quote(hit.quoteId()).orElseThrow();
      // The earliest printing is the one shown; every source keeps its own words and speaker.
      assertEquals("We will keep the harbour open all winter long,", q.text());
      assertEquals(
          NearDupCorpus.HARBOUR, q.sources().stream().map(SearchResult.Source::articleId).toList());
      assertEquals(
          List.of(
              "We will keep the harbour open all winter long,",
              "We will keep the harbor open all winter long,",
              "We will keep the harbour open … winter long,",
              "We [the city] will keep the harbour open — all winter long,"),
          q.sources().stream().map(SearchResult.Source::text).toList());
      assertEquals(
          List.of("Ada Quill", "Ada Quill", "Ada Quill", "Bo Tran"),
          q.sources().stream().map(SearchResult.Source::speaker).toList());
      // 8 articles; 8 quote documents, of which 5 distinct: the harbour pledge, two budget lines
      // two words apart, two tax lines too short for a changed word to be forgiven.
      assertEquals(13, searcher.search(SearchRequest.builder("").withLimit(1).build()).total());
      assertEquals(2, quotes(searcher, "budget").total());
      assertEquals(2, quotes(searcher, "taxes").total());
    }
  }

  @Test
  void twoWorkersGroupPrintingsThatAreEachOneEditApart() throws IOException {
    // a, b and d are pairwise within one word, so any order gives one group. (c is one word from
    // a but two from b: indexed before a, next to b, it starts a group of its own that a later
    // joins to b's, which QuoteMergesTest covers.)
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    for (String name : List.of("harbour-a", "harbour-b", "harbour-d", "budget-a", "budget-b")) {
      copy(name, corpus, name);
    }
    Path index = tmp.resolve("index");
    new Indexer(2).rebuild(corpus, index);
    try (Searcher searcher = CompleteAnswers.open(index)) {
      assertEquals(1, quotes(searcher, "harbour OR harbor").total());
      assertEquals(3, quotes(searcher, "harbour OR harbor").hits().get(0).sources().size());
      assertEquals(2, quotes(searcher, "budget").total());
    }
  }

  @Test
  void aVariantAddedByALaterRunJoinsTheGroupAndDeletingTheFirstKeepsTheRest() throws IOException {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Path index = tmp.resolve("index");
    copy("harbour-a", corpus, "harbour-a");
    copy("budget-a", corpus, "budget-a");
    new Indexer(1).update(corpus, index);
    String id = quoteIdOfHarbour(index);

    copy("harbour-b", corpus, "harbour-b");
    copy("harbour-d", corpus, "harbour-d");
    new Indexer(2).update(corpus, index);
    try (Searcher searcher = CompleteAnswers.open(index)) {
      SearchResult.Hit hit = quotes(searcher, "harbour OR harbor").hits().get(0);
      assertEquals(1, quotes(searcher, "harbour OR harbor").total());
      assertEquals(id, hit.quoteId());
      assertEquals(
          List.of("harbour-a", "harbour-b", "harbour-d"),
          articleIds(searcher.quote(id).orElseThrow()));
    }

    Files.delete(corpus.resolve("harbour-a.jsonl"));
    copy("harbour-c", corpus, "harbour-c");
    new Indexer(1).update(corpus, index);
    try (Searcher searcher = CompleteAnswers.open(index)) {
      assertEquals(1, quotes(searcher, "harbour OR harbor").total());
      assertEquals(
          List.of("harbour-b", "harbour-c", "harbour-d"),
          articleIds(searcher.quote(id).orElseThrow()));
    }
  }

  @Test
  void theOrderOfIndexingDoesNotMatterForAPair() throws IOException {
    for (List<String> order :
        List.of(List.of("harbour-a", "harbour-b"), List.of("harbour-b", "harbour-a"))) {
      Path corpus = Files.createDirectories(tmp.resolve("corpus-" + order.get(0)));
      // Files are read in name order: 1 first, then 2.
      copy(order.get(0), corpus, "1");
      copy(order.get(1), corpus, "2");
      Path index = tmp.resolve("index-" + order.get(0));
      new Indexer(1).rebuild(corpus, index);
      try (Searcher searcher = CompleteAnswers.open(index)) {
        SearchResult result = quotes(searcher, "harbour OR harbor");
        assertEquals(1, result.total(), order.toString());
        assertEquals(2, result.hits().get(0).sources().size(), order.toString());
      }
    }
  }

  @Test
  void aQuoteMatchingTwoGroupsJoinsTheSmallerKeyAndRecordsTheOther() throws IOException {
    try (QuoteGrouper grouper = QuoteGrouper.fresh()) {
      QuoteGrouper.Group b = grouper.assign("We will keep the harbor open all winter long,");
      QuoteGrouper.Group c = grouper.assign("We will keep the harbour open … winter long,");
      assertNotEquals(b.key(), c.key());
      assertEquals(List.of(), c.merges());
      QuoteGrouper.Group a = grouper.assign("We will keep the harbour open all winter long,");
      String smaller = b.key().compareTo(c.key()) < 0 ? b.key() : c.key();
      String larger = smaller.equals(b.key()) ? c.key() : b.key();
      assertEquals(smaller, a.key());
      assertEquals(List.of(larger), a.merges());
      // A later printing one word from a and from b joins the smaller key and merges nothing new
      // that a did not: it matches both groups, so it records the larger key too.
      QuoteGrouper.Group d =
          grouper.assign("We [the city] will keep the harbour open — all winter long,");
      assertEquals(smaller, d.key());
      assertEquals(List.of(larger), d.merges());
    }
  }

  @Test
  void theIdOfAQuotePrintedOnceDependsOnlyOnItsWords() throws IOException {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    copy("budget-a", corpus, "budget-a");
    assertNotEquals(null, quoteIdOf(corpus, tmp.resolve("one"), "budget"));
    assertEquals(
        quoteIdOf(corpus, tmp.resolve("one"), "budget"),
        quoteIdOf(NearDupCorpus.folder(), tmp.resolve("all"), "balanced"));
  }

  @Test
  void variantsAreFoundAmongThousandsOfQuotes() throws IOException {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    List<String> quotes = new java.util.ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder q = new StringBuilder();
      for (int w = 0; w < 6 + i % 15; w++) {
        // Letters only: a word with a digit must never differ.
        q.append(w == 0 ? "" : " ").append(letters(random.nextInt(5000)));
      }
      quotes.add(q.toString());
    }
    try (QuoteGrouper grouper = QuoteGrouper.fresh()) {
      List<String> keys = new java.util.ArrayList<>();
      for (String q : quotes) {
        keys.add(grouper.assign(q).key());
      }
      assertEquals(3000, new java.util.HashSet<>(keys).size());
      for (int i : new int[] {7, 1234, 2999}) {
        String q = quotes.get(i);
        assertEquals(
            keys.get(i),
            grouper.assign("[He said] " + q.replaceFirst(" \\S+$", " changed")).key(),
            q);
        assertEquals(keys.get(i), grouper.assign(q.replaceFirst("^\\S+ ", "")).key(), q);
        assertNotEquals(
            keys.get(i), grouper.assign(q.replaceFirst("^\\S+ \\S+ ", "ca cb ")).key(), q);
        assertNotEquals(keys.get(i), grouper.assign(q.replaceFirst(" \\S+ ", " 42 ")).key(), q);
      }
    }
  }

  private static String letters(int n) {
    StringBuilder word = new StringBuilder("w");
    for (; n > 0; n /= 26) {
      word.append((char) ('a' + n % 26));
    }
    return word.toString();
  }

  private static String quoteIdOf(Path corpus, Path index, String query) throws IOException {
    new Indexer(1).rebuild(corpus, index);
    try (Searcher searcher = CompleteAnswers.open(index)) {
      return quotes(searcher, query).hits().get(0).quoteId();
    }
  }

  private static String quoteIdOfHarbour(Path index) throws IOException {
    try (Searcher searcher = CompleteAnswers.open(index)) {
      return quotes(searcher, "harbour").hits().get(0).quoteId();
    }
  }

  private static List<String> articleIds(Quotation q) {
    return q.sources().stream().map(SearchResult.Source::articleId).toList();
  }

  @Test
  void wordHashesAreThoseOfTheSplitWords() {
    for (String compared :
        List.of(
            "",
            " ",
            "a",
            "we will keep 2 harbours open",
            " lead",
            "trail  ",
            "two  spaces",
            "x9 y")) {
      String[] words = compared.isEmpty() ? new String[0] : compared.split(" ");
      int[] expected = new int[words.length];
      for (int i = 0; i < words.length; i++) {
        boolean digit = words[i].chars().anyMatch(Character::isDigit);
        expected[i] = (words[i].hashCode() << 1) | (digit ? 1 : 0);
      }
      org.junit.jupiter.api.Assertions.assertArrayEquals(
          expected, QuoteGrouper.wordHashes(compared), compared);
    }
  }

  private static SearchResult quotes(Searcher searcher, String query) throws IOException {
    return searcher.search(SearchRequest.builder(query).withType(SearchRequest.Type.QUOTE).build());
  }
}
