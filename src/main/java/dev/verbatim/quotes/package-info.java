/**
 * Finding direct quotations in article text and who said them: {@link
 * dev.verbatim.quotes.QuoteExtractor} turns an {@link dev.verbatim.corpus.Article} into {@link
 * dev.verbatim.quotes.Quote}s with kind, speaker and the cue that names the speaker. No Lucene.
 */
package dev.verbatim.quotes;
