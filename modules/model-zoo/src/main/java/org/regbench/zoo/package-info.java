/**
 * The documents' models as DL4J networks, with every dropout type, placement and rate grid the suite measures.
 *
 * <p>Rates are always drop rates, the documents' (Keras, PyTorch) convention. DL4J's activation dropout classes
 * take a retain probability; {@link org.regbench.zoo.DropRate#retainProbability()} is the only place that converts.
 * A {@link org.regbench.zoo.Variant} names one configuration with a stable text form used on the command line and
 * in CSV files.
 */
package org.regbench.zoo;
