/**
 * The OpenSearch backend: the same index and searcher on a cluster. {@link
 * dev.verbatim.opensearch.ClusterIndex} loads a corpus into an index behind an alias (bulk requests
 * with back-pressure and retries, a full rebuild switched in atomically), with the mapping
 * generated from the library's schema; {@link dev.verbatim.opensearch.LocalCluster} starts local
 * nodes, each in its own JVM, for tests and for trying it out. The library does not depend on this
 * module: an embedding program that never talks to a cluster has no OpenSearch client on its
 * classpath.
 */
package dev.verbatim.opensearch;
