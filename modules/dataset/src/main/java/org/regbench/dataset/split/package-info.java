/**
 * Seeded, stratified train/validation/test splits and training subsets, computed on label arrays only so that the
 * same indices can be applied to any representation of the data.
 *
 * <p>Same seed and labels give identical indices on every machine: shuffling uses {@link java.util.Random} with an
 * explicit seed and an own Fisher-Yates loop, not ND4J's backend-dependent generators.
 */
package org.regbench.dataset.split;
