package org.regbench.zoo.file;

import java.nio.file.Path;
import java.util.Optional;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Gives an imported layer list or functional graph the output layer it needs to train. DL4J 1.0.0-M2.1's import with
 * {@code enforceTrainingConfig = false} does not apply Keras' {@code training_config}, so a Sequential model's last
 * {@code Dense} stays a {@code DenseLayer} and the network cannot compute a loss (no training step, no sweep). The
 * last dense layer becomes an {@code OutputLayer} with the same sizes, activation and weights layout, and the loss
 * the Keras file names (or, without one, cross-entropy after a softmax and squared error otherwise).
 */
final class KerasOutputFix {

    private KerasOutputFix() {
    }

    static Optional<String> correct(Path file, MultiLayerConfiguration conf, Optional<String> kerasLoss) {
        return correct(file, conf.getConf(conf.getConfs().size() - 1), kerasLoss);
    }

    /** As for a layer list, on a functional model's output vertex (the graph's one output). */
    static Optional<String> correct(Path file, ComputationGraphConfiguration graph, Optional<String> kerasLoss) {
        String output = graph.getNetworkOutputs().get(0);
        if (!(graph.getVertices().get(output) instanceof LayerVertex lv)) {
            throw new ModelFileException(file, "its output " + output + " is not a layer, which regbench can train"
                    + " as the output");
        }
        return correct(file, lv.getLayerConf(), kerasLoss);
    }

    private static Optional<String> correct(Path file, NeuralNetConfiguration c, Optional<String> kerasLoss) {
        Layer layer = c.getLayer();
        if (layer instanceof BaseOutputLayer || layer instanceof LossLayer) {
            return Optional.empty();
        }
        if (layer.getClass() != DenseLayer.class) {
            throw new ModelFileException(file, "its last layer " + layer.getLayerName() + " ("
                    + layer.getClass().getSimpleName() + ") is not a dense layer, which regbench can train as"
                    + " the output");
        }
        DenseLayer dense = (DenseLayer) layer;
        LossFunction loss = kerasLoss.map(KerasOutputFix::loss).orElse(
                dense.getActivationFn() instanceof ActivationSoftmax ? LossFunction.MCXENT : LossFunction.MSE);
        OutputLayer output = (OutputLayer) new OutputLayer.Builder(loss).nIn(dense.getNIn()).nOut(dense.getNOut())
                .activation(dense.getActivationFn()).hasBias(dense.hasBias()).weightInit(dense.getWeightInitFn())
                .updater(dense.getIUpdater()).biasUpdater(dense.getBiasUpdater()).name(dense.getLayerName())
                // a builder outside a NeuralNetConfiguration leaves these NaN/null for the global one to fill in
                .biasInit(dense.getBiasInit()).gainInit(dense.getGainInit())
                .regularization(dense.getRegularization()).regularizationBias(dense.getRegularizationBias())
                .gradientNormalization(dense.getGradientNormalization())
                .gradientNormalizationThreshold(dense.getGradientNormalizationThreshold())
                .build();
        output.setIDropout(dense.getIDropout());
        c.setLayer(output);
        return Optional.of(dense.getLayerName() + " (the last Keras Dense): DL4J's import left a DenseLayer without a"
                + " loss; made it an OutputLayer with loss " + loss + kerasLoss.map(l -> " (Keras loss " + l + ")")
                .orElse(" (no Keras training_config)"));
    }

    private static LossFunction loss(String keras) {
        return switch (keras) {
            case "categorical_crossentropy" -> LossFunction.MCXENT;
            case "binary_crossentropy" -> LossFunction.XENT;
            case "mean_squared_error", "mse" -> LossFunction.MSE;
            case "mean_absolute_error", "mae" -> LossFunction.L1;
            default -> throw new IllegalArgumentException("Keras loss " + keras + " is not supported by regbench;"
                    + " categorical_crossentropy, binary_crossentropy, mse and mae are");
        };
    }
}
