/**
 * The Lucene side of Verbatim: {@link dev.verbatim.index.Schema} names every field and analyzer
 * once, and {@link dev.verbatim.index.Indexer} turns a corpus folder into an index (articles and
 * their quotes as separate documents).
 */
package dev.verbatim.index;
