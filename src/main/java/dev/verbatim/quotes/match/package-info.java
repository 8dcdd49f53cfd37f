/**
 * Telling printings of one quotation apart from other quotes: {@link
 * dev.verbatim.quotes.match.QuoteMatch}, shared by the extractor ({@code dev.verbatim.quotes}) and
 * the indexer's quote groups ({@code dev.verbatim.index}). Not API: the module does not export it.
 */
package dev.verbatim.quotes.match;
