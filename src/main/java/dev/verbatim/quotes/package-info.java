/**
 * Finding direct quotations in article text and who said them: {@link
 * dev.verbatim.quotes.QuoteExtractor} turns an {@link dev.verbatim.corpus.Article} into {@link
 * dev.verbatim.quotes.Quote}s with kind, speaker and the cue that names the speaker. No Lucene. The
 * key and the rule that spot the same quotation across articles, small edits included, are in
 * {@code dev.verbatim.quotes.match}, which the module does not export: the extractor and the
 * indexer share them.
 *
 * <p>Inside, one linear pass per article: paragraphs and balanced marks ({@code SpanFinder}),
 * tokens and sentences ({@code Tokens}), the article's names and their canonical forms ({@code
 * Names}), cues around each quote ({@code CueFinder}), then kinds and speakers in text order
 * ({@code ArticleQuotes}), with closed word lists in {@code Lexicon}. Rules, not a model: each rule
 * is general news English, and a speaker is left null when the evidence is weak.
 */
package dev.verbatim.quotes;
