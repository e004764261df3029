/**
 * Statistics on raw per-iteration scores: means with standard errors, ratio intervals by Fieller's theorem, the
 * dropout overhead against the same model without dropout, and the backward-only time derived from two phases.
 */
package org.regbench.results.stats;
