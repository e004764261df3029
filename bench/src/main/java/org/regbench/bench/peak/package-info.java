/**
 * The host's measured FLOAT matrix-product peak, the denominator of {@code percent_of_peak}: a large sgemm through
 * ND4J itself, in a JVM forked with the benchmark forks' arguments, once per bench session.
 */
package org.regbench.bench.peak;
