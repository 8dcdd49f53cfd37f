package dev.verbatim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** {@link FacetFields} writes exactly the fields {@code Schema.facetsConfig().build} makes. */
class FacetFieldsTest {
  @Test
  void sameFieldsAsFacetsConfigForFlatAndHierarchicalLabels() throws IOException {
    FacetFields facets = new FacetFields();
    // Twice each, so the second document is built from the kept labels.
    for (int round = 0; round < 2; round++) {
      Document ours = new Document();
      facets.add(ours, Schema.FACET_TYPE, Schema.TYPE_QUOTE);
      facets.add(ours, Schema.FACET_SOURCE, "Le Monde \u001F \u001E édition");
      facets.add(ours, Schema.FACET_DATE, "2020", "05");
      facets.add(ours, Schema.FACET_SPEAKER, "Kim Kardashian");
      Document theirs = new Document();
      theirs.add(new SortedSetDocValuesFacetField(Schema.FACET_TYPE, Schema.TYPE_QUOTE));
      theirs.add(new SortedSetDocValuesFacetField(Schema.FACET_SOURCE, "Le Monde \u001F \u001E édition"));
      theirs.add(new SortedSetDocValuesFacetField(Schema.FACET_DATE, "2020", "05"));
      theirs.add(new SortedSetDocValuesFacetField(Schema.FACET_SPEAKER, "Kim Kardashian"));
      assertEquals(describe(Schema.facetsConfig().build(theirs)), describe(ours));
    }
  }

  /** Each field's name, kind of indexing and value, sorted: order within a document does not count. */
  private static List<String> describe(Document doc) {
    List<String> out = new ArrayList<>();
    for (IndexableField f : doc) {
      BytesRef value = f.binaryValue() != null ? f.binaryValue() : new BytesRef(f.stringValue());
      out.add(f.name() + " " + f.fieldType().indexOptions() + " " + f.fieldType().docValuesType()
          + " norms omitted " + f.fieldType().omitNorms() + " stored " + f.fieldType().stored()
          + " " + value.utf8ToString());
    }
    out.sort(null);
    return out;
  }
}
