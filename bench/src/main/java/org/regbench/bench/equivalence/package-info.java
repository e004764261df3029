/**
 * Numerical equivalence before speed: {@link org.regbench.bench.equivalence.EquivalenceProbe} (parent) starts
 * {@link org.regbench.bench.equivalence.EquivalenceMain} in a fork of the configuration under test, which compares it
 * with the default path on the same weights, batch and dropout masks.
 */
package org.regbench.bench.equivalence;
