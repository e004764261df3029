package org.regbench.zoo.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Reads a {@code MultiLayerNetwork} or {@code ComputationGraph} saved with DL4J's {@code ModelSerializer}: a zip
 * with {@code configuration.json} and {@code coefficients.bin}. The whole network is restored, so a truncated
 * parameter file is found here and not in a benchmark fork.
 */
final class ZipModelReader {

    private static final String CONFIGURATION = "configuration.json";

    private ZipModelReader() {
    }

    static LoadedModel read(Path file) {
        String json = configurationJson(file);
        boolean graph = json.contains("\"vertices\"");
        try {
            if (graph) {
                ComputationGraph net = ModelSerializer.restoreComputationGraph(file.toFile(), false);
                ComputationGraphConfiguration conf = net.getConfiguration();
                if (conf.getNetworkInputs().size() != 1) {
                    throw new ModelFileException(file, "a graph with " + conf.getNetworkInputs().size()
                            + " inputs; regbench feeds one");
                }
                InputType in = graphInput(file, conf);
                java.util.Optional<MultiLayerConfiguration> chain = GraphChain.toLayers(conf);
                if (chain.isPresent()) {
                    return new LoadedModel(chain.get(), null, in, net.numParams(), List.of(GraphChain.NOTE));
                }
                return new LoadedModel(null, conf, in, net.numParams(), List.of(GraphChain.GRAPH_NOTE));
            }
            MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
            MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
            return new LoadedModel(conf, null, inputOf(file, conf), net.numParams(), List.of());
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(file, "cannot be restored by ModelSerializer (truncated, or a layer this"
                    + " DL4J does not know): " + oneLine(e));
        }
    }

    /**
     * The input a layer list takes, from its first layer: a dense layer's nIn, or the image a flat-to-image
     * preprocessor reshapes to. A convolution or recurrent first layer does not record its input's height, width
     * or length, so such files are refused with the reason.
     */
    static InputType inputOf(Path file, MultiLayerConfiguration conf) {
        return inputOf(file, conf.getConf(0).getLayer(), conf.getInputPreProcess(0));
    }

    private static InputType inputOf(Path file, Layer first, InputPreProcessor pre) {
        if (pre instanceof FeedForwardToCnnPreProcessor cnn) {
            return InputType.feedForward(cnn.getInputHeight() * cnn.getInputWidth() * cnn.getNumChannels());
        }
        if (pre == null && first.getClass() == org.deeplearning4j.nn.conf.layers.DenseLayer.class) {
            return InputType.feedForward(((FeedForwardLayer) first).getNIn());
        }
        throw new ModelFileException(file, "its first layer (" + first.getClass().getSimpleName() + ") does not"
                + " record the input's shape; save the network with setInputType(InputType.convolutionalFlat(...))"
                + " or a dense first layer");
    }

    /** As {@link #inputOf}, from the first layer vertex that reads the graph's input. */
    static InputType graphInput(Path file, ComputationGraphConfiguration conf) {
        String input = conf.getNetworkInputs().get(0);
        for (java.util.Map.Entry<String, java.util.List<String>> e : conf.getVertexInputs().entrySet()) {
            if (e.getValue().contains(input)
                    && conf.getVertices().get(e.getKey()) instanceof org.deeplearning4j.nn.conf.graph.LayerVertex lv) {
                return inputOf(file, lv.getLayerConf().getLayer(), lv.getPreProcessor());
            }
        }
        throw new ModelFileException(file, "no layer reads the graph's input " + input);
    }

    private static String configurationJson(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file, Files.exists(file) ? "not a regular file" : "no such file");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(CONFIGURATION);
            if (entry == null) {
                throw new ModelFileException(file, "a zip without " + CONFIGURATION
                        + ": not a model saved with DL4J's ModelSerializer");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (ZipException e) {
            throw new ModelFileException(file, "not a DL4J model zip (truncated or not a zip archive: "
                    + oneLine(e) + ")");
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot be read: " + oneLine(e));
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = m.lines().findFirst().orElse("").trim();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
