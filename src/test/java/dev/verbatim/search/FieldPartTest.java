package dev.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.verbatim.index.schema.Schema;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

class FieldPartTest {
  private static final Query TITLE =
      new BoostQuery(new PhraseQuery(Schema.TITLE_EXACT, "so", "unfair"), 3f);
  private static final Query BODY = new PhraseQuery(Schema.TEXT_EXACT, "so", "unfair");
  private static final Query SPEAKER = new PhraseQuery(Schema.SPEAKER, "so", "unfair");

  private static Query any(Query... clauses) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query q : clauses) {
      b.add(q, Occur.SHOULD);
    }
    return b.build();
  }

  @Test
  void aPhraseKeepsOnlyTheClauseOfTheFieldBeingMarked() {
    Query filtered =
        new BooleanQuery.Builder()
            .add(any(TITLE, BODY, SPEAKER), Occur.MUST)
            .add(new TermQuery(new Term(Schema.TYPE, Schema.TYPE_ARTICLE)), Occur.FILTER)
            .build();
    assertEquals(any(any(BODY)), FieldPart.of(filtered, Schema.TEXT_EXACT::equals));
    assertEquals(any(any(TITLE)), FieldPart.of(filtered, Schema.TITLE_EXACT::equals));
    assertNull(FieldPart.of(filtered, Schema.TEXT::equals), "the stemmed body is not searched");
  }

  @Test
  void anOptionalClauseIsKeptWholeAndRequiredOnesBecomeOptional() {
    // speaker:"ann lee" +(word in the body or the speaker): the speaker is marked though the word
    // matched elsewhere, so the required word clause must not be required of the speaker.
    Query word =
        any(
            new TermQuery(new Term(Schema.TEXT, "harbour")),
            new TermQuery(new Term(Schema.SPEAKER, "harbour")));
    Query nameOrWord =
        new BooleanQuery.Builder()
            .add(new PhraseQuery(Schema.SPEAKER, "ann", "lee"), Occur.MUST)
            .add(word, Occur.MUST)
            .add(new TermQuery(new Term(Schema.SPEAKER, "bob")), Occur.MUST_NOT)
            .build();
    assertEquals(
        any(
            new PhraseQuery(Schema.SPEAKER, "ann", "lee"),
            any(new TermQuery(new Term(Schema.SPEAKER, "harbour")))),
        FieldPart.of(nameOrWord, Schema.SPEAKER::equals));
    Query optional =
        any(BODY, new BooleanQuery.Builder().add(TITLE, Occur.MUST).add(BODY, Occur.MUST).build());
    assertEquals(
        optional, FieldPart.of(optional, Schema.TEXT_EXACT::equals), "optional clauses whole");
  }

  @Test
  void aLeafNamingNoFieldMayMatchAnywhere() {
    Query all = new MatchAllDocsQuery();
    assertEquals(any(all), FieldPart.of(any(all, SPEAKER), Schema.TEXT::equals));
  }
}
