/**
 * The bench CSV: one row per measured point, written atomically, read back with validation that names the file,
 * row and column of the first problem so that a corrupt file is reported in one line instead of a stack trace.
 */
package org.regbench.results.csv;
