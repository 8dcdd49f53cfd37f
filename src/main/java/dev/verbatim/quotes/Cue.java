package dev.verbatim.quotes;

/**
 * The words that attribute one quote: the cue ({@code said}, {@code according to}) at token {@code
 * verb} and the phrase naming the speaker.
 *
 * @param verb token index of the cue's (first) word
 * @param cueText the cue as written
 * @param speaker the tokens naming the speaker ({@code she}, {@code a spokesman for Apple})
 */
record Cue(int verb, String cueText, Phrase speaker) {}
