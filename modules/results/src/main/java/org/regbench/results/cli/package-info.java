/**
 * picocli commands the bench CLI registers as subcommands: {@code baseline save}, {@code compare}, {@code history}
 * and {@code report}. Each returns its exit code (0 ok, 1 regression, 2 unusable input) and reports unusable input
 * itself in one line, so it behaves the same when run on its own in a test.
 */
package org.regbench.results.cli;
