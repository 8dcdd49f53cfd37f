/**
 * The HTTP face of Verbatim: a Javalin server with the JSON API and the browser page (assets in
 * {@code src/main/resources/public}). Translates HTTP to {@link dev.verbatim.search.Searcher} calls
 * and back; holds no search logic and never imports Lucene.
 */
package dev.verbatim.web;
