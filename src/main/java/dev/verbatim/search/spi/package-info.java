/**
 * The seam between the search API and the backends in other Verbatim artifacts ({@code
 * verbatim-opensearch}): what {@code Searcher.connect} finds with {@code ServiceLoader} ({@link
 * dev.verbatim.search.spi.Backend}), and how a backend marks its passages as the local searcher
 * does ({@link dev.verbatim.search.spi.PassageMarker}). Not API: the module does not export it, and
 * it changes with the backends; programs search through {@code Searcher}.
 */
package dev.verbatim.search.spi;
