/**
 * The index layout that the indexer, the searcher and a search backend share: every field name,
 * field type and analyzer, defined once ({@link dev.verbatim.index.schema.Schema}). Not exported by
 * the module: programs read and write an index through {@code Indexer} and {@code Searcher}, and
 * the tools in the app define their own fields.
 */
package dev.verbatim.index.schema;
