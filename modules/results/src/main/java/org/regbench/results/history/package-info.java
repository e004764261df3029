/**
 * Trends over all runs of one machine and backend, with change points found by E-divisive means so that a step in
 * a benchmark is attributed to the commit of the first run after it.
 */
package org.regbench.results.history;
