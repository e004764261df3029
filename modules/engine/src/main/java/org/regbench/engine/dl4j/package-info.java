/** The {@code dl4j} engine: DL4J's MultiLayerNetwork, as the model zoo builds it, and ComputationGraph for graph model files. */
package org.regbench.engine.dl4j;
