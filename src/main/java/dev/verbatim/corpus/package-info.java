/**
 * Reading news articles from a corpus folder: {@link dev.verbatim.corpus.Article}, the value every
 * later stage consumes, and {@link dev.verbatim.corpus.CorpusReader}, which walks a folder and
 * turns each supported file ({@code .txt}, {@code .md}, {@code .html}, {@code .jsonl}, {@code
 * .jsonl.gz}) into articles. No Lucene here; the only package that uses jsoup.
 */
package dev.verbatim.corpus;
