package dev.verbatim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.corpus.Article;
import dev.verbatim.corpus.CorpusReader;
import dev.verbatim.index.Indexer;
import dev.verbatim.index.schema.Schema;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's bare side defines its own fields, analysis and writer settings, so that it does not
 * reach into the library; this test (which may) keeps them equal to the library's, so the
 * comparison stays like for like.
 */
class BareLuceneTest {
  private static final String TRICKY =
      "The Mayor\u2019s “plan” for Zoe\u0308’s café: the committee's 2019 votes, Kardashian's"
          + " REPLY\u00A0and the harbour bridges re-opened";

  @Test
  void fieldsAndFacetsAreTheIndexs() {
    assertEquals(
        List.of(
            Schema.ID,
            Schema.TYPE,
            Schema.TITLE,
            Schema.TITLE_EXACT,
            Schema.TEXT,
            Schema.TEXT_EXACT,
            Schema.SPEAKER,
            Schema.TYPE_ARTICLE,
            Schema.TYPE_QUOTE,
            Schema.FACET_TYPE,
            Schema.FACET_SPEAKER,
            Schema.FACET_SOURCE,
            Schema.FACET_DATE),
        List.of(
            BareLucene.ID,
            BareLucene.TYPE,
            BareLucene.TITLE,
            BareLucene.TITLE_EXACT,
            BareLucene.TEXT,
            BareLucene.TEXT_EXACT,
            BareLucene.SPEAKER,
            BareLucene.TYPE_ARTICLE,
            BareLucene.TYPE_QUOTE,
            BareLucene.FACET_TYPE,
            BareLucene.FACET_SPEAKER,
            BareLucene.FACET_SOURCE,
            BareLucene.FACET_DATE));
    assertEquals(Schema.TEXT_STORED, BareLucene.TEXT_STORED);
    assertEquals(Schema.TEXT_UNSTORED, BareLucene.TEXT_UNSTORED);
    assertEquals(dims(Schema.facetsConfig()), dims(BareLucene.facetsConfig()));
  }

  /** Each configured dimension's settings, as text (DimConfig has no equals). */
  private static List<String> dims(FacetsConfig config) {
    List<String> out = new ArrayList<>();
    config
        .getDimConfigs()
        .forEach(
            (dim, c) ->
                out.add(
                    String.join(
                        " ",
                        dim,
                        c.indexFieldName,
                        String.valueOf(c.hierarchical),
                        String.valueOf(c.multiValued),
                        String.valueOf(c.requireDimCount),
                        String.valueOf(c.drillDownTermsIndexing))));
    out.sort(null);
    return out;
  }

  @Test
  void analysisIsTheIndexs() throws IOException {
    for (String field :
        List.of(BareLucene.TITLE, BareLucene.TEXT, BareLucene.TITLE_EXACT, BareLucene.TEXT_EXACT)) {
      assertEquals(tokens(Schema.analyzer(), field), tokens(BareLucene.analyzer(), field), field);
    }
    assertEquals(
        tokens(Schema.stemmedAnalyzer(), BareLucene.TEXT),
        tokens(BareLucene.stemmed(), BareLucene.TEXT));
    assertEquals(
        Schema.analyzer().normalize(BareLucene.TEXT, "Zoe\u0308’S"),
        BareLucene.analyzer().normalize(BareLucene.TEXT, "Zoe\u0308’S"));
  }

  @Test
  void writerSettingsAreTheIndexers() throws Exception {
    Method own = Indexer.class.getDeclaredMethod("writerConfig");
    own.setAccessible(true);
    IndexWriterConfig indexer = (IndexWriterConfig) own.invoke(null);
    IndexWriterConfig bare = BareLucene.writerConfig();
    assertEquals(indexer.getOpenMode(), bare.getOpenMode());
    assertEquals(indexer.getRAMBufferSizeMB(), bare.getRAMBufferSizeMB());
    assertEquals(indexer.getUseCompoundFile(), bare.getUseCompoundFile());
    assertEquals(indexer.getCommitOnClose(), bare.getCommitOnClose());
    assertEquals(indexer.getCodec().getName(), bare.getCodec().getName());
    assertEquals(indexer.getMergePolicy().getClass(), bare.getMergePolicy().getClass());
    assertEquals(
        ((TieredMergePolicy) indexer.getMergePolicy()).getNoCFSRatio(),
        ((TieredMergePolicy) bare.getMergePolicy()).getNoCFSRatio());
    for (String field : List.of(BareLucene.TITLE, BareLucene.TEXT_EXACT)) {
      assertEquals(tokens(indexer.getAnalyzer(), field), tokens(bare.getAnalyzer(), field), field);
    }
  }

  @Test
  void jsonLinesGiveTheReadersArticles(@TempDir Path dir) throws Exception {
    String lines =
        String.join(
            "\n",
            "{\"id\": \"a\", \"title\": \"Port\", \"text\": \"“Open,” she said.\"}",
            "",
            "{\"id\": \" b \", \"body\": \"Only a body.\", \"source\": \"Wire\"}",
            "{broken",
            "[1, 2]",
            "{\"title\": \"No id\", \"text\": \"x\"}",
            "{\"id\": \"c\", \"title\": \" \", \"text\": \"\"}",
            "{\"id\": \"d\", \"title\": \"Headline only\"}",
            "{\"id\": \"e\", \"title\": null, \"text\": \"Null title.\"}\r",
            "{\"id\": \"f\", \"text\": \"Last, no newline.\"}");
    Path plain = dir.resolve("feed.jsonl");
    Files.writeString(plain, lines);
    Path zipped = dir.resolve("feed.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(zipped))) {
      out.write(lines.getBytes(StandardCharsets.UTF_8));
    }
    CorpusReader reader = new CorpusReader(dir);
    for (Path file : List.of(plain, zipped)) {
      assertTrue(BareJsonLines.holds(file), file.toString());
      List<String> bare = new ArrayList<>();
      BareJsonLines.read(
          file, 3, batch -> BareJsonLines.parse(batch).forEach(a -> bare.add(fields(a))));
      List<String> library =
          reader.read(file).articles().stream().map(BareLuceneTest::fields).toList();
      assertEquals(
          List.of("a", "b", "d", "e", "f"), library.stream().map(s -> s.split("\\|")[0]).toList());
      assertEquals(library, bare, file.toString());
    }
    assertFalse(BareJsonLines.holds(dir.resolve("story.txt")));
  }

  /** What the bare loop indexes of an article. */
  private static String fields(Article a) {
    return a.id() + "|" + a.title() + "|" + a.text();
  }

  /** Each token of {@link #TRICKY} in {@code field}: term, offsets and position increment. */
  private static List<String> tokens(Analyzer analyzer, String field) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, TRICKY)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(
            term
                + "@"
                + offset.startOffset()
                + "-"
                + offset.endOffset()
                + "+"
                + inc.getPositionIncrement());
      }
      ts.end();
    }
    return out;
  }
}
