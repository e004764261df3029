package org.regbench.zoo.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * Imports a Keras 2 HDF5 model through DL4J's {@code KerasModelImport} (Sequential models as a layer list, functional
 * ones as a graph) and corrects the dropout the importer gets wrong ({@link KerasDropoutFix}).
 */
final class KerasModelReader {

    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private KerasModelReader() {
    }

    static LoadedModel read(Path file) {
        checkHdf5(file);
        JsonNode config = modelConfig(file);
        boolean sequential = "Sequential".equals(config.path("class_name").asText());
        Map<String, JsonNode> kerasLayers = layers(config);
        try {
            if (sequential) {
                MultiLayerNetwork net = KerasModelImport.importKerasSequentialModelAndWeights(file.toString(), false);
                MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
                List<Layer> layers = new ArrayList<>();
                conf.getConfs().forEach(c -> layers.add(c.getLayer()));
                List<String> corrections = new ArrayList<>(KerasDropoutFix.correct(kerasLayers, layers));
                KerasOutputFix.correct(file, conf, trainingLoss(file)).ifPresent(corrections::add);
                // the import does not apply training_config's optimizer either: train as the zoo's models do
                conf.getConfs().forEach(c -> {
                    if (c.getLayer() instanceof org.deeplearning4j.nn.conf.layers.BaseLayer b) {
                        b.setIUpdater(org.regbench.zoo.ModelZoo.updater());
                        b.setBiasUpdater(null);
                    }
                });
                return new LoadedModel(conf, null, inputType(file, kerasLayers), net.numParams(), corrections);
            }
            ComputationGraph net = KerasModelImport.importKerasModelAndWeights(file.toString(), false);
            ComputationGraphConfiguration conf = net.getConfiguration();
            List<Layer> layers = new ArrayList<>();
            for (GraphVertex v : conf.getVertices().values()) {
                if (v instanceof LayerVertex lv) {
                    layers.add(lv.getLayerConf().getLayer());
                }
            }
            List<String> corrections = KerasDropoutFix.correct(kerasLayers, layers);
            if (conf.getNetworkInputs().size() != 1) {
                throw new ModelFileException(file, "a model with " + conf.getNetworkInputs().size()
                        + " inputs; regbench feeds one");
            }
            java.util.Optional<MultiLayerConfiguration> chain = GraphChain.toLayers(conf);
            if (chain.isPresent()) {
                // a functional model without branches: the Sequential model's corrections apply to its layer list
                MultiLayerConfiguration layerList = chain.get();
                List<String> all = new ArrayList<>(corrections);
                all.add(GraphChain.NOTE);
                KerasOutputFix.correct(file, layerList, trainingLoss(file)).ifPresent(all::add);
                layerList.getConfs().forEach(c -> {
                    if (c.getLayer() instanceof org.deeplearning4j.nn.conf.layers.BaseLayer b) {
                        b.setIUpdater(org.regbench.zoo.ModelZoo.updater());
                        b.setBiasUpdater(null);
                    }
                });
                return new LoadedModel(layerList, null, inputType(file, kerasLayers), net.numParams(), all);
            }
            // branches, merges or skip connections: the same corrections, on the graph's output vertex and layers
            List<String> all = new ArrayList<>(corrections);
            all.add(GraphChain.GRAPH_NOTE);
            KerasOutputFix.correct(file, conf, trainingLoss(file)).ifPresent(all::add);
            for (GraphVertex v : conf.getVertices().values()) {
                if (v instanceof LayerVertex lv
                        && lv.getLayerConf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.BaseLayer b) {
                    b.setIUpdater(org.regbench.zoo.ModelZoo.updater());
                    b.setBiasUpdater(null);
                }
            }
            return new LoadedModel(null, conf, inputType(file, kerasLayers), net.numParams(), all);
        } catch (UnsupportedKerasConfigurationException e) {
            throw new ModelFileException(file, unsupportedLayer(kerasLayers, e) + "is not supported by DL4J's Keras"
                    + " import: " + ZipModelReader.oneLine(e));
        } catch (ModelFileException e) {
            throw e;
        } catch (Exception e) {
            throw new ModelFileException(file, "cannot be imported as a Keras model: " + ZipModelReader.oneLine(e));
        }
    }

    /** "layer NAME (CLASS) " for the Keras layer the importer's message names, or "" when none matches. */
    private static String unsupportedLayer(Map<String, JsonNode> kerasLayers, Exception e) {
        String message = String.valueOf(e.getMessage());
        for (Map.Entry<String, JsonNode> l : kerasLayers.entrySet()) {
            String cls = l.getValue().path("class_name").asText();
            if (!cls.isEmpty() && message.matches("(?s).*\\b" + java.util.regex.Pattern.quote(cls) + "\\b.*")) {
                return "layer " + l.getKey() + " (" + cls + ") ";
            }
        }
        return "a layer ";
    }

    /**
     * The HDF5 signature and, from the superblock, the file's end-of-file address: a file shorter than that is
     * truncated. Checked here because the HDF5 library reports such files on stderr, many lines long.
     */
    static void checkHdf5(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file, Files.exists(file) ? "not a regular file" : "no such file");
        }
        byte[] head = new byte[64];
        int n;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
            size = Files.size(file);
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot be read: " + ZipModelReader.oneLine(e));
        }
        for (int i = 0; i < HDF5_SIGNATURE.length; i++) {
            if (i >= n || head[i] != HDF5_SIGNATURE[i]) {
                throw new ModelFileException(file, "not an HDF5 file (a Keras model saved with model.save('.h5'))");
            }
        }
        ByteBuffer b = ByteBuffer.wrap(head, 0, n).order(ByteOrder.LITTLE_ENDIAN);
        int version = n > 8 ? head[8] : -1;
        // superblock versions 0/1: offset size at byte 13, EOF address after base and free-space addresses
        // (byte 24 + 2 * offset size, 4 more in version 1); versions 2/3: offset size at byte 9, EOF at 12 + 2 * size
        int offsetSize = version <= 1 ? (n > 13 ? head[13] : 0) : (n > 9 ? head[9] : 0);
        int eofAt = version <= 1 ? 24 + (version == 1 ? 4 : 0) + 2 * offsetSize : 12 + 2 * offsetSize;
        if (offsetSize != 8 || eofAt + 8 > n) {
            throw new ModelFileException(file, "truncated HDF5 file (superblock incomplete)");
        }
        long eof = b.getLong(eofAt);
        if (size < eof) {
            throw new ModelFileException(file, "truncated HDF5 file: " + size + " bytes of " + eof);
        }
    }

    /** The Keras loss of {@code training_config}, or empty for a model saved without one (not compiled). */
    private static java.util.Optional<String> trainingLoss(Path file) {
        try (Hdf5Archive archive = new Hdf5Archive(file.toString())) {
            if (!archive.hasAttribute("training_config")) {
                return java.util.Optional.empty();
            }
            JsonNode loss = new ObjectMapper().readTree(archive.readAttributeAsJson("training_config")).path("loss");
            return loss.isTextual() ? java.util.Optional.of(loss.asText()) : java.util.Optional.empty();
        } catch (Exception e) {
            return java.util.Optional.empty();
        }
    }

    private static JsonNode modelConfig(Path file) {
        try (Hdf5Archive archive = new Hdf5Archive(file.toString())) {
            if (!archive.hasAttribute("model_config")) {
                throw new ModelFileException(file, "no model_config attribute: not a whole Keras model (a file of"
                        + " weights only?)");
            }
            return new ObjectMapper().readTree(archive.readAttributeAsJson("model_config"));
        } catch (ModelFileException e) {
            throw e;
        } catch (Exception e) {
            throw new ModelFileException(file, "its model_config cannot be read: " + ZipModelReader.oneLine(e));
        }
    }

    /** The Keras layers by name, in order, each as its {class_name, config} node. */
    static Map<String, JsonNode> layers(JsonNode modelConfig) {
        JsonNode config = modelConfig.path("config");
        JsonNode list = config.isArray() ? config : config.path("layers");
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode l : list) {
            out.put(l.path("config").path("name").asText(l.path("name").asText()), l);
        }
        return out;
    }

    /**
     * The input from the first {@code batch_input_shape} (Keras' shape without the batch dimension): one number is
     * a vector, three an image (channels last unless the layer says channels_first), two a sequence (time, features).
     */
    static InputType inputType(Path file, Map<String, JsonNode> kerasLayers) {
        for (JsonNode l : kerasLayers.values()) {
            JsonNode shape = l.path("config").path("batch_input_shape");
            if (!shape.isArray()) {
                continue;
            }
            long[] s = new long[shape.size() - 1];
            for (int i = 1; i < shape.size(); i++) {
                if (!shape.get(i).canConvertToLong()) {
                    throw new ModelFileException(file, "input shape " + shape + " has an open dimension; regbench"
                            + " needs every size fixed");
                }
                s[i - 1] = shape.get(i).asLong();
            }
            boolean channelsFirst = "channels_first".equals(l.path("config").path("data_format").asText());
            return switch (s.length) {
                case 1 -> InputType.feedForward(s[0]);
                case 2 -> InputType.recurrent(s[1], s[0]);
                case 3 -> channelsFirst ? InputType.convolutional(s[1], s[2], s[0], CNN2DFormat.NCHW)
                        : InputType.convolutional(s[0], s[1], s[2], CNN2DFormat.NHWC);
                default -> throw new ModelFileException(file, "input shape " + shape + " is not a vector, sequence"
                        + " or image");
            };
        }
        throw new ModelFileException(file, "no layer gives batch_input_shape: the input's shape is unknown");
    }
}
