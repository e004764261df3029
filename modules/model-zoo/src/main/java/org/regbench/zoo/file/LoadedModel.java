package org.regbench.zoo.file;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;

/**
 * What a reader got out of a model file: exactly one of a layer list or a graph, the input it takes, its parameter
 * count as saved, and what the reader had to correct (one line each, said to the user).
 */
record LoadedModel(MultiLayerConfiguration layers, ComputationGraphConfiguration graph, InputType input,
                   long parameterCount, List<String> corrections) {

    LoadedModel {
        if ((layers == null) == (graph == null)) {
            throw new IllegalArgumentException("a model is a layer list or a graph");
        }
        corrections = List.copyOf(corrections);
    }
}
