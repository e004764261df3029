/**
 * The {@code samediff} engine: the zoo models as DL4J SameDiff graphs, translated from the zoo's own DL4J
 * configuration, with the same initial weights, loss and Adam as the {@code dl4j} engine. Dropout types are built from
 * noise placeholders (standard, spatial, Gaussian, alpha, DropConnect); LSTM layers are libnd4j's {@code lstmLayer};
 * weight regularizers are refused.
 */
package org.regbench.engine.samediff;
