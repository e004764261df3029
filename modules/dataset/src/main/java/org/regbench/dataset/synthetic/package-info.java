/**
 * Seeded random tensors of any shape with one-hot labels, for throughput measurements where the content of the
 * data does not matter but its shape and reproducibility do.
 */
package org.regbench.dataset.synthetic;
