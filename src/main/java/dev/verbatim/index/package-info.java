/**
 * The Lucene side of Verbatim: {@link dev.verbatim.index.Schema} names every field and analyzer
 * once, and {@link dev.verbatim.index.Indexer} turns a corpus folder into an index (articles and
 * their quotes as separate documents), incrementally and in one commit per run, reporting to an
 * {@link dev.verbatim.index.IndexProgress}. Printings of one quote that differ by a small edit get
 * one group key as they are added ({@code QuoteGrouper}), so searches group them for free.
 */
package dev.verbatim.index;
