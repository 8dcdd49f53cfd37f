/**
 * A search request read once into Verbatim's own terms, shared by the local searcher and the
 * backends in other Verbatim artifacts ({@code verbatim-opensearch}): the query model ({@link
 * dev.verbatim.search.query.ParsedQuery}, read by {@code QueryParsing} and {@code QuerySyntax}),
 * the rankings that weigh it ({@code Ranking}; {@code LuceneQueries} makes the local Lucene queries
 * of it) and the paging cursors ({@code Cursor}, {@code OffsetCursor}). Not API: the module does
 * not export it, its types are public only for the search package and the backends, and they change
 * with them; programs search through {@code Searcher}.
 */
package dev.verbatim.search.query;
