package dev.verbatim.quotes;

/**
 * The words that attribute one quote: the cue ({@code said}, {@code according to}) at token {@code
 * verb}, and the phrase naming the speaker at tokens {@code [npFirst, npLast]}.
 *
 * @param verb token index of the cue's (first) word
 * @param cueText the cue as written
 * @param npFirst first token of the speaker phrase
 * @param npLast last token of the speaker phrase
 */
record Cue(int verb, String cueText, int npFirst, int npLast) {}
