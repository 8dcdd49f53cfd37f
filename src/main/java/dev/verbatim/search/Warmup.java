package dev.verbatim.search;

import dev.verbatim.index.schema.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;

/**
 * The searches a freshly opened {@link Searcher} runs before it serves: words of a few headlines
 * and quotes spread over the index, asked the ways the page and the API ask (a word, two words, a
 * phrase, quotes only, a speaker, with facets, newest first, a second page). Stateless.
 */
final class Warmup {
  // Documents read for words, spread evenly over the index.
  private static final int SAMPLED = 16;

  private Warmup() {}

  static List<SearchRequest> requests(IndexSearcher searcher) throws IOException {
    int maxDoc = searcher.getIndexReader().maxDoc();
    if (maxDoc == 0) {
      return List.of();
    }
    StoredFields stored = searcher.storedFields();
    Set<String> words = new LinkedHashSet<>();
    Set<String> speakers = new LinkedHashSet<>();
    for (int i = 0; i < SAMPLED; i++) {
      int doc = (int) ((long) maxDoc * i / SAMPLED);
      Document d = stored.document(doc, Set.of(Schema.TITLE, Schema.ARTICLE_TITLE, Schema.SPEAKER));
      String title =
          d.get(Schema.TITLE) != null ? d.get(Schema.TITLE) : d.get(Schema.ARTICLE_TITLE);
      if (title != null) {
        for (String w : title.split("[^\\p{L}]+")) {
          if (w.length() >= 4) {
            words.add(w.toLowerCase(Locale.ROOT));
          }
        }
      }
      if (d.get(Schema.SPEAKER) != null) {
        speakers.add(d.get(Schema.SPEAKER).replace("\"", ""));
      }
    }
    List<String> w = new ArrayList<>(words);
    List<SearchRequest> requests = new ArrayList<>();
    for (int i = 0; i < w.size(); i++) {
      String word = w.get(i);
      String next = w.get((i + 1) % w.size());
      requests.add(SearchRequest.of(word));
      requests.add(SearchRequest.builder(word).withFacets(true).build());
      requests.add(SearchRequest.of(word + " " + next));
      requests.add(SearchRequest.of("\"" + word + " " + next + "\""));
      requests.add(SearchRequest.builder(word).withType(SearchRequest.Type.QUOTE).build());
      requests.add(SearchRequest.builder(word).withSort(SearchRequest.SortOrder.DATE).build());
      requests.add(SearchRequest.builder(word).withOffset(SearchRequest.DEFAULT_LIMIT).build());
    }
    for (String speaker : speakers) {
      requests.add(SearchRequest.of("speaker:\"" + speaker + "\""));
    }
    return requests;
  }
}
