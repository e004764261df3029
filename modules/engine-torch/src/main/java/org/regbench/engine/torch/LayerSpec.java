package org.regbench.engine.torch;

import java.util.List;
import org.regbench.zoo.ModelKind;

/**
 * One layer of a zoo model as the torch engine builds it, at its index in {@code ModelZoo}'s layer list (DL4J's layer
 * index, which names the parameters {@code <index>_W}, {@code <index>_b} and keys the dropout sites).
 *
 * @param in  input features (dense, LSTM) or channels (convolution); 0 for pooling
 * @param out output features, channels or LSTM units; 0 for pooling
 */
record LayerSpec(int index, Kind kind, long in, long out, Activation activation) {

    /** {@code LSTM_LAST} is an LSTM wrapped in DL4J's LastTimeStep: only its last step goes on. */
    enum Kind { DENSE, CONV3X3, MAXPOOL2, LSTM, LSTM_LAST }

    enum Activation { RELU, SELU, LOGITS }

    /** 64 maps of 5x5 reach the CNN's first dense layer: 28 -conv3-> 26 -pool2-> 13 -conv3-> 11 -pool2-> 5. */
    static final long CNN_FLAT = 64L * 5 * 5;

    /** The layers of {@code model}, as {@code ModelZoo.baseLayers} lists them. */
    static List<LayerSpec> of(ModelKind model) {
        return switch (model) {
            case MLP -> mlp(128, 64, Activation.RELU);
            case MLP_WIDE -> mlp(1024, 1024, Activation.RELU);
            case MLP_SELU -> mlp(128, 64, Activation.SELU);
            case CNN -> List.of(
                    new LayerSpec(0, Kind.CONV3X3, 1, 32, Activation.RELU),
                    new LayerSpec(1, Kind.MAXPOOL2, 0, 0, null),
                    new LayerSpec(2, Kind.CONV3X3, 32, 64, Activation.RELU),
                    new LayerSpec(3, Kind.MAXPOOL2, 0, 0, null),
                    new LayerSpec(4, Kind.DENSE, CNN_FLAT, 128, Activation.RELU),
                    new LayerSpec(5, Kind.DENSE, 128, 10, Activation.LOGITS));
            // 28 time steps of 28 features (image rows), tanh cells as DL4J's LSTM(64).activation(TANH)
            case LSTM -> List.of(
                    new LayerSpec(0, Kind.LSTM, 28, 64, null),
                    new LayerSpec(1, Kind.LSTM_LAST, 64, 64, null),
                    new LayerSpec(2, Kind.DENSE, 64, 10, Activation.LOGITS));
        };
    }

    private static List<LayerSpec> mlp(long first, long second, Activation activation) {
        return List.of(
                new LayerSpec(0, Kind.DENSE, 784, first, activation),
                new LayerSpec(1, Kind.DENSE, first, second, activation),
                new LayerSpec(2, Kind.DENSE, second, 10, Activation.LOGITS));
    }
}
