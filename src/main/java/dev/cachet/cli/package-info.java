/**
 * The {@code cachet} command line (picocli): one class per command, a shared error handler that
 * turns every failure into one line and an exit code, and nothing else. Business logic lives in
 * the core packages.
 */
package dev.cachet.cli;
