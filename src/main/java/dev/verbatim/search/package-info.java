/**
 * The embeddable search API: open a {@link dev.verbatim.search.Searcher} on an index folder, send
 * it a {@link dev.verbatim.search.SearchRequest}, read the immutable {@link
 * dev.verbatim.search.SearchResult}. Depends on Lucene and the index schema only; no web or CLI.
 */
package dev.verbatim.search;
