/**
 * The {@code samediff} engine: the zoo models as DL4J SameDiff graphs, translated from the zoo's own DL4J
 * configuration, with the same initial weights, loss and Adam as the {@code dl4j} engine. Dropout types are built from
 * noise placeholders (standard, spatial, Gaussian, alpha, DropConnect); the LSTM model and weight regularizers are
 * refused.
 */
package org.regbench.engine.samediff;
