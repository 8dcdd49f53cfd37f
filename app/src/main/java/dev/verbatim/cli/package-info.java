/**
 * The {@code verbatim} command line (picocli): {@code index}, {@code search}, {@code quotes},
 * {@code serve}. Wiring only: every command calls the library and prints what it returns.
 */
package dev.verbatim.cli;
