package org.regbench.zoo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * The structure of a {@code ComputationGraph} configuration that model files, their dropout sites and the FLOP
 * counter read: an order in which every vertex follows its inputs, what each vertex is fed, and which vertices see
 * the output of a layer with weights (the graph's "hidden" activations).
 */
public final class GraphOrder {

    private GraphOrder() {
    }

    /**
     * The vertices in an order where each follows all of its inputs (Kahn's algorithm; among vertices ready at once,
     * the configuration's own order).
     *
     * @throws IllegalArgumentException for a graph with a cycle or an input that names no vertex
     */
    public static List<String> topological(ComputationGraphConfiguration conf) {
        Set<String> done = new HashSet<>(conf.getNetworkInputs());
        List<String> order = new ArrayList<>();
        List<String> pending = new ArrayList<>(conf.getVertices().keySet());
        while (!pending.isEmpty()) {
            String ready = null;
            for (String v : pending) {
                if (done.containsAll(inputs(conf, v))) {
                    ready = v;
                    break;
                }
            }
            if (ready == null) {
                throw new IllegalArgumentException("graph vertices " + pending + " wait for inputs that never come"
                        + " (a cycle, or an input that is no vertex)");
            }
            pending.remove(ready);
            done.add(ready);
            order.add(ready);
        }
        return order;
    }

    /** The names of the vertices (or network inputs) that feed {@code vertex}, in order. */
    public static List<String> inputs(ComputationGraphConfiguration conf, String vertex) {
        List<String> in = conf.getVertexInputs().get(vertex);
        return in == null ? List.of() : in;
    }

    /**
     * What each vertex is fed, for a graph with one input of type {@code input}: a layer vertex's one input after
     * its preprocessor (the type its layer sees), any other vertex's inputs as they arrive.
     */
    public static Map<String, List<InputType>> inputTypes(ComputationGraphConfiguration conf, InputType input) {
        Map<String, InputType> outputs = new HashMap<>();
        for (String in : conf.getNetworkInputs()) {
            outputs.put(in, input);
        }
        Map<String, List<InputType>> fed = new LinkedHashMap<>();
        int index = 0;
        for (String v : topological(conf)) {
            GraphVertex vertex = conf.getVertices().get(v);
            List<InputType> in = new ArrayList<>();
            inputs(conf, v).forEach(name -> in.add(outputs.get(name)));
            if (vertex instanceof LayerVertex lv) {
                InputType layerInput = in.get(0);
                InputPreProcessor pre = lv.getPreProcessor();
                if (pre != null) {
                    layerInput = pre.getOutputType(layerInput);
                }
                fed.put(v, List.of(layerInput));
                outputs.put(v, lv.getLayerConf().getLayer().getOutputType(index, layerInput));
            } else {
                fed.put(v, List.copyOf(in));
                outputs.put(v, vertex.getOutputType(index, in.toArray(new InputType[0])));
            }
            index++;
        }
        return fed;
    }

    /**
     * The vertices that a layer with weights lies upstream of: their input carries a hidden activation, so they are
     * the graph's hidden dropout sites; the others read the network's input (through weightless layers at most).
     */
    public static Set<String> belowWeights(ComputationGraphConfiguration conf) {
        Set<String> below = new HashSet<>();
        Set<String> weightedOrBelow = new HashSet<>();
        for (String v : topological(conf)) {
            boolean fed = inputs(conf, v).stream().anyMatch(weightedOrBelow::contains);
            if (fed) {
                below.add(v);
            }
            if (fed || conf.getVertices().get(v) instanceof LayerVertex lv && hasWeights(lv.getLayerConf().getLayer())) {
                weightedOrBelow.add(v);
            }
        }
        return below;
    }

    /**
     * Whether {@code layer} has weights: a dense, convolution, recurrent or output layer. DL4J's {@code DropoutLayer}
     * (a Keras {@code Dropout}) is a {@code BaseLayer} too, but without parameters, and is no weight layer.
     */
    public static boolean hasWeights(Layer layer) {
        return layer instanceof BaseLayer && layer.initializer().numParams(layer) > 0;
    }
}
