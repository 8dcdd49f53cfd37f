/**
 * Building an index: {@link dev.verbatim.index.Indexer} turns a corpus folder into an index
 * (articles and their quotes as separate documents), incrementally and in one commit per run,
 * reporting to an {@link dev.verbatim.index.Indexer.Progress} and summing up in an {@link
 * dev.verbatim.index.Indexer.Summary}. Printings of one quote that differ by a small edit get one
 * group key as they are added ({@code QuoteGrouper}), so searches group them for free. Field names
 * and analyzers are defined once in {@code dev.verbatim.index.schema}, which the module does not
 * export.
 */
package dev.verbatim.index;
