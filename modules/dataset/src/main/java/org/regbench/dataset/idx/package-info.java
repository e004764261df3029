/**
 * The IDX format of MNIST (big-endian header, magic 2051 for images and 2049 for labels, unsigned-byte payload),
 * plain or gzipped, and the in-memory {@link org.regbench.dataset.idx.LabeledImages} it decodes to.
 *
 * <p>Pixels stay bytes in memory (a quarter of the float size); conversion to normalized floats happens once, when
 * an ND4J {@code DataSet} is built.
 */
package org.regbench.dataset.idx;
