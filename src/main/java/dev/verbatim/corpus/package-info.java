/**
 * Reading news articles from a corpus folder: {@link dev.verbatim.corpus.Article}, the value every
 * later stage consumes, and {@link dev.verbatim.corpus.CorpusReader}, which walks a folder and
 * turns each supported file into articles. No Lucene here.
 */
package dev.verbatim.corpus;
