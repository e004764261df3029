/**
 * Cells shared by the CSV files bench writes besides the run files: provenance columns and number formatting.
 */
package org.regbench.bench.csv;
