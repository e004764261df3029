/**
 * Generalization sweeps: train each variant on real data, per epoch record loss and accuracy, and summarize which
 * drop rate generalizes best, at what training cost, with Monte-Carlo dropout beside ordinary inference.
 */
package org.regbench.bench.sweep;
