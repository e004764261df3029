package org.regbench.zoo.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Writes the fixtures of {@code sweep --data}: {@code examples/data/blobs.csv}, a synthetic problem small enough to
 * commit (300 rows, 100 per class, of 4 features drawn from a unit normal around one of three centres 4 apart, the
 * class 0..2 in the last column, column 4), and {@code examples/models/blobs-mlp.zip}, a network that takes it:
 * 4-16-16-3, ReLU, standard dropout 0.2 and 0.3 on the inputs of the second hidden layer and the output layer
 * (DL4J's retain probabilities 0.8 and 0.7), Adam 0.01. Run by {@code scripts/make-model-fixtures.sh}.
 */
public final class CsvFixtures {

    static final double[][] CENTRES = {{0, 0, 0, 0}, {4, 0, 4, 0}, {0, 4, 0, 4}};

    private CsvFixtures() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Path data = root.resolve("examples/data");
        Path models = root.resolve("examples/models");
        Files.createDirectories(data);
        Files.createDirectories(models);
        Files.write(data.resolve("blobs.csv"), blobs(300, 15), StandardCharsets.UTF_8);
        ModelSerializer.writeModel(blobsMlp(), models.resolve("blobs-mlp.zip").toFile(), true);
    }

    /** {@code rows} lines, the classes in turn, features with four decimals. */
    static List<String> blobs(int rows, long seed) {
        Random rng = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int c = i % CENTRES.length;
            StringBuilder sb = new StringBuilder();
            for (double centre : CENTRES[c]) {
                sb.append(String.format(Locale.ROOT, "%.4f", centre + rng.nextGaussian())).append(',');
            }
            lines.add(sb.append(c).toString());
        }
        return lines;
    }

    static MultiLayerNetwork blobsMlp() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(15).dataType(DataType.FLOAT)
                .updater(new Adam(0.01)).weightInit(WeightInit.XAVIER_UNIFORM).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(16).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(16).activation(Activation.RELU).dropOut(new Dropout(0.8)).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).dropOut(new Dropout(0.7)).build())
                .setInputType(InputType.feedForward(4))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
