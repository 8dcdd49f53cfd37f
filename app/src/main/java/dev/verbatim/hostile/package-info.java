/**
 * The hostile-input suite behind {@code verbatim hostile}: thousands of malformed and abusive
 * queries over HTTP, path-traversal probes, a reindex killed at random moments, searches during a
 * reindex, a damaged index and a full disk, and a bounded load soak, summed up in one table. It
 * drives the library and the server from outside, as an attacker or a crash would, and uses neither
 * Lucene nor Javalin directly.
 */
package dev.verbatim.hostile;
