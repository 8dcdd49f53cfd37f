/**
 * JSON Lines files in batches of raw lines, for the indexer's pipeline (one thread reads, the
 * workers parse): {@link dev.verbatim.corpus.lines.JsonLines}. Not API: the module does not export
 * it; programs read a file with {@code CorpusReader.read}.
 */
package dev.verbatim.corpus.lines;
