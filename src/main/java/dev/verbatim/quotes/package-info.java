/**
 * Finding direct quotations in article text and who said them: {@link
 * dev.verbatim.quotes.QuoteExtractor} turns an {@link dev.verbatim.corpus.Article} into {@link
 * dev.verbatim.quotes.Quote}s with kind, speaker and the cue that names the speaker, and gives a
 * {@link dev.verbatim.quotes.QuoteExtractor#fingerprint fingerprint} and {@link
 * dev.verbatim.quotes.QuoteExtractor#sameQuotation sameQuotation} to spot the same quotation across
 * articles, small edits included. No Lucene.
 *
 * <p>Inside, one linear pass per article: paragraphs and balanced marks ({@code SpanFinder}),
 * tokens and sentences ({@code Tokens}), the article's names and their canonical forms ({@code
 * Names}), cues around each quote ({@code CueFinder}), then kinds and speakers in text order
 * ({@code ArticleQuotes}), with closed word lists in {@code Lexicon}. Rules, not a model: each rule
 * is general news English, and a speaker is left null when the evidence is weak.
 */
package dev.verbatim.quotes;
