/**
 * Speed measurements of Verbatim against bare Lucene on the same documents in the same run, and the
 * generated corpus they use. Sits with {@code cli} at the end of the pipeline: it may use every
 * other package, and nothing in the library uses it.
 */
package dev.verbatim.bench;
