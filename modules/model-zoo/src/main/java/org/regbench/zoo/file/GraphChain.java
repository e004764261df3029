package org.regbench.zoo.file;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.preprocessor.ComposableInputPreProcessor;

/**
 * A {@code ComputationGraph} that is a chain (one input, one output, every vertex reading the one before it, layers
 * and preprocessors only) is the same network as a layer list: the same layers in the same order compute the same
 * function with the same parameters. A DL4J graph built with {@code graphBuilder()} for a plain stack, or a Keras
 * functional model without branches, therefore runs as a {@code MultiLayerNetwork}, which is what bench's and the
 * sweep's engine builds by default. Graphs with branches, merges or skip connections are not chains: they run as
 * DL4J's {@code ComputationGraph} ({@link ModelFile#graphConfiguration}).
 */
final class GraphChain {

    /** What {@code list}, {@code bench} and {@code sweep} say about such a graph. */
    static final String NOTE = "a ComputationGraph whose layers form a chain: run as a MultiLayerNetwork of the same"
            + " layers, in the same order";

    /** What they say about a graph that is not a chain. */
    static final String GRAPH_NOTE = "a ComputationGraph with branches, merges or skip connections: run as DL4J's"
            + " ComputationGraph; a layer's dropout masks what it reads, so after a merge it masks the merged"
            + " activation";

    private GraphChain() {
    }

    /** The layer list equal to {@code graph}, or empty when the graph is not a chain. */
    static Optional<MultiLayerConfiguration> toLayers(ComputationGraphConfiguration graph) {
        if (graph.getNetworkInputs().size() != 1 || graph.getNetworkOutputs().size() != 1) {
            return Optional.empty();
        }
        Map<String, List<String>> inputs = graph.getVertexInputs();
        Map<String, GraphVertex> vertices = graph.getVertices();
        List<NeuralNetConfiguration> confs = new ArrayList<>();
        Map<Integer, InputPreProcessor> pre = new java.util.HashMap<>();
        Set<String> visited = new HashSet<>();
        String current = graph.getNetworkInputs().get(0);
        InputPreProcessor pending = null;
        while (true) {
            List<String> next = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : inputs.entrySet()) {
                if (e.getValue().contains(current)) {
                    next.add(e.getKey());
                }
            }
            if (next.isEmpty()) {
                break;
            }
            String v = next.get(0);
            if (next.size() != 1 || inputs.get(v).size() != 1 || !visited.add(v)) {
                return Optional.empty();
            }
            GraphVertex vertex = vertices.get(v);
            if (vertex instanceof LayerVertex lv) {
                InputPreProcessor p = compose(pending, lv.getPreProcessor());
                if (p != null) {
                    pre.put(confs.size(), p);
                }
                pending = null;
                confs.add(lv.getLayerConf().clone());
            } else if (vertex instanceof PreprocessorVertex pv) {
                pending = compose(pending, pv.getPreProcessor());
            } else {
                return Optional.empty();
            }
            current = v;
        }
        if (pending != null || confs.isEmpty() || !current.equals(graph.getNetworkOutputs().get(0))
                || visited.size() != vertices.size()) {
            return Optional.empty();
        }
        return Optional.of(new MultiLayerConfiguration.Builder().confs(confs).inputPreProcessors(pre)
                .backpropType(graph.getBackpropType()).tBPTTForwardLength(graph.getTbpttFwdLength())
                .tBPTTBackwardLength(graph.getTbpttBackLength())
                .trainingWorkspaceMode(graph.getTrainingWorkspaceMode())
                .inferenceWorkspaceMode(graph.getInferenceWorkspaceMode()).cacheMode(graph.getCacheMode())
                .dataType(graph.getDataType()).validateOutputLayerConfig(false).build());
    }

    private static InputPreProcessor compose(InputPreProcessor first, InputPreProcessor second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : new ComposableInputPreProcessor(first, second);
    }
}
