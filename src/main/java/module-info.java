/**
 * Verbatim's library: read a corpus of news articles ({@code dev.verbatim.corpus}), find the
 * quotations in them and who said them ({@code dev.verbatim.quotes}), index articles and quotes
 * ({@code dev.verbatim.index}) and search them ({@code dev.verbatim.search}, whose {@code Searcher}
 * is the facade an embedding program uses). Only those four packages are exported; the index layout
 * ({@code dev.verbatim.index.schema}), the query model ({@code dev.verbatim.search.query}), JSON
 * Lines in batches for the indexer's workers ({@code dev.verbatim.corpus.lines}), the
 * same-quotation key and rule the extractor and the indexer share ({@code
 * dev.verbatim.quotes.match}) and the seams the backends in other Verbatim artifacts implement and
 * call ({@code dev.verbatim.index.spi}, {@code dev.verbatim.search.spi}) stay inside: the backends
 * run on the class path, where those are public.
 */
module dev.verbatim {
  requires com.fasterxml.jackson.databind;
  requires org.apache.lucene.analysis.common;
  requires org.apache.lucene.core;
  requires org.apache.lucene.facet;
  requires org.apache.lucene.highlighter;
  requires org.apache.lucene.queryparser;
  requires org.apache.lucene.suggest;
  requires org.jsoup;

  exports dev.verbatim.corpus;
  exports dev.verbatim.quotes;
  exports dev.verbatim.index;
  exports dev.verbatim.search;

  uses dev.verbatim.search.spi.Backend;
}
