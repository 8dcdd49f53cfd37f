package dev.verbatim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verbatim.index.schema.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** {@link FacetFields} writes exactly the fields {@code Schema.facetsConfig().build} makes. */
class FacetFieldsTest {
  @Test
  void sameFieldsAsFacetsConfigForFlatAndHierarchicalLabels() throws IOException {
    assertSameFields(Schema.facetsConfig());
  }

  @Test
  void sameFieldsAsFacetsConfigForEveryWayOfIndexingDrillDownTerms() throws IOException {
    for (FacetsConfig.DrillDownTermsIndexing way : FacetsConfig.DrillDownTermsIndexing.values()) {
      FacetsConfig config = Schema.facetsConfig();
      config.setHierarchical("deep", true);
      for (String dim :
          List.of(
              Schema.FACET_TYPE,
              Schema.FACET_SOURCE,
              Schema.FACET_DATE,
              Schema.FACET_SPEAKER,
              "deep")) {
        config.setDrillDownTermsIndexing(dim, way);
      }
      assertSameFields(config);
    }
  }

  private static void assertSameFields(FacetsConfig config) throws IOException {
    FacetFields facets = new FacetFields(config);
    // Twice each, so the second document is built from the kept labels.
    for (int round = 0; round < 2; round++) {
      Document ours = new Document();
      facets.add(ours, Schema.FACET_TYPE, Schema.TYPE_QUOTE);
      facets.add(ours, Schema.FACET_SOURCE, "Le Monde \u001F \u001E édition");
      facets.add(ours, Schema.FACET_DATE, "2020", "05");
      facets.add(ours, Schema.FACET_SPEAKER, "Kim Kardashian");
      if (config.getDimConfig("deep").hierarchical) {
        facets.add(ours, "deep", "a", "b", "c");
      }
      Document theirs = new Document();
      theirs.add(new SortedSetDocValuesFacetField(Schema.FACET_TYPE, Schema.TYPE_QUOTE));
      theirs.add(
          new SortedSetDocValuesFacetField(Schema.FACET_SOURCE, "Le Monde \u001F \u001E édition"));
      theirs.add(new SortedSetDocValuesFacetField(Schema.FACET_DATE, "2020", "05"));
      theirs.add(new SortedSetDocValuesFacetField(Schema.FACET_SPEAKER, "Kim Kardashian"));
      if (config.getDimConfig("deep").hierarchical) {
        theirs.add(new SortedSetDocValuesFacetField("deep", "a", "b", "c"));
      }
      assertEquals(
          describe(config.build(theirs)),
          describe(ours),
          config.getDimConfig("deep").drillDownTermsIndexing.toString());
    }
  }

  /**
   * Each field's name, kind of indexing and value, sorted: order within a document does not count.
   */
  private static List<String> describe(Document doc) {
    List<String> out = new ArrayList<>();
    for (IndexableField f : doc) {
      BytesRef value = f.binaryValue() != null ? f.binaryValue() : new BytesRef(f.stringValue());
      out.add(
          f.name()
              + " "
              + f.fieldType().indexOptions()
              + " "
              + f.fieldType().docValuesType()
              + " norms omitted "
              + f.fieldType().omitNorms()
              + " stored "
              + f.fieldType().stored()
              + " "
              + value.utf8ToString());
    }
    out.sort(null);
    return out;
  }
}
