package org.regbench.zoo.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.SpatialDropout;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Writes the DL4J fixtures of {@code examples/models/} with {@code ModelSerializer}, as a user saves a network:
 * {@code mlp-dl4j.zip} (784-64-32-10, standard dropout 0.3 and 0.5 after the hidden layers), {@code cnn-dl4j.zip}
 * (two 3x3 convolutions, spatial dropout 0.2 on the second one's input, dropout 0.5 before the output, built with
 * {@code InputType.convolutionalFlat} so that it takes 784 values) and {@code graph-dl4j.zip} (a ComputationGraph
 * 784-16-10 with dropout 0.25, a chain) and {@code skip-dl4j.zip} (a ComputationGraph with a skip connection:
 * 784-32, then a dense 32 with dropout 0.3 whose output is added to its input, then the output layer with dropout
 * 0.5 on the sum). DL4J's classes take retain probabilities: 0.7 is a drop rate of 0.3. Run by
 * {@code scripts/make-model-fixtures.sh}.
 */
public final class Dl4jFixtures {

    private Dl4jFixtures() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "examples/models");
        Files.createDirectories(dir);
        ModelSerializer.writeModel(mlp(), dir.resolve("mlp-dl4j.zip").toFile(), true);
        ModelSerializer.writeModel(cnn(), dir.resolve("cnn-dl4j.zip").toFile(), true);
        ModelSerializer.writeModel(graph(), dir.resolve("graph-dl4j.zip").toFile(), true);
        ModelSerializer.writeModel(skip(), dir.resolve("skip-dl4j.zip").toFile(), true);
    }

    static MultiLayerNetwork mlp() {
        MultiLayerConfiguration conf = base().list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(64).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(32).activation(Activation.RELU).dropOut(new Dropout(0.7)).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).dropOut(new Dropout(0.5)).build())
                .setInputType(InputType.feedForward(784))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    static MultiLayerNetwork cnn() {
        MultiLayerConfiguration conf = base().list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(16).activation(Activation.RELU)
                        .dropOut(new SpatialDropout(0.8)).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).dropOut(new Dropout(0.5)).build())
                .setInputType(InputType.convolutionalFlat(28, 28, 1))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    static ComputationGraph graph() {
        return initialized(base().graphBuilder()
                .addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nOut(16).activation(Activation.RELU).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).dropOut(new Dropout(0.75)).build(), "hidden"));
    }

    static ComputationGraph skip() {
        return initialized(base().graphBuilder()
                .addInputs("in")
                .addLayer("dense_1", new DenseLayer.Builder().nOut(32).activation(Activation.RELU).build(), "in")
                .addLayer("dense_2", new DenseLayer.Builder().nOut(32).activation(Activation.RELU)
                        .dropOut(new Dropout(0.7)).build(), "dense_1")
                .addVertex("add", new ElementWiseVertex(ElementWiseVertex.Op.Add), "dense_1", "dense_2")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).dropOut(new Dropout(0.5)).build(), "add"));
    }

    /** A graph of 784 inputs whose output vertex is {@code out}, built and initialized. */
    private static ComputationGraph initialized(ComputationGraphConfiguration.GraphBuilder graph) {
        ComputationGraph net = new ComputationGraph(graph.setOutputs("out").setInputTypes(InputType.feedForward(784))
                .build());
        net.init();
        return net;
    }

    private static NeuralNetConfiguration.Builder base() {
        return new NeuralNetConfiguration.Builder().seed(15).dataType(DataType.FLOAT).updater(new Adam(1e-3))
                .weightInit(WeightInit.XAVIER_UNIFORM);
    }
}
