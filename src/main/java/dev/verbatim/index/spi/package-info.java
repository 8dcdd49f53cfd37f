/**
 * The seam between the indexer and where its documents go: {@link
 * dev.verbatim.index.spi.IndexTarget}, which the local index folder and the cluster backend ({@code
 * verbatim-opensearch}) implement, and {@link dev.verbatim.index.spi.Indexing}, which runs an
 * indexer into a target. Not API: the module does not export it, and it changes with the backends;
 * programs build an index through {@code Indexer}.
 */
package dev.verbatim.index.spi;
