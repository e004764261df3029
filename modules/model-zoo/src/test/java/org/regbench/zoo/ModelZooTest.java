package org.regbench.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.SpatialDropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.weightnoise.DropConnect;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class ModelZooTest {

    @Test
    void parameterCountsMatchTheDocumentsKerasModels() {
        // Keras summary: Dense 100,480 + Dense 8,256 + Dense 650
        assertEquals(109_386, ModelZoo.parameterCount(Variant.parse("mlp/seed")));
        // Keras summary: Conv 320 + Conv 18,496 + Dense 204,928 (1600 -> 128) + Dense 1,290
        assertEquals(225_034, ModelZoo.parameterCount(Variant.parse("cnn/standard@0.5")));
        assertEquals(784 * 1024 + 1024 + 1024 * 1024 + 1024 + 1024 * 10 + 10,
                ModelZoo.parameterCount(Variant.parse("mlp-wide/paper")));
        // Keras LSTM(64) on 28 features: 4 * (64 * (28 + 64) + 64) = 23,808; second: 33,024; dense 650
        assertEquals(23_808 + 33_024 + 650, ModelZoo.parameterCount(Variant.parse("lstm/none")));
        assertEquals(109_386, ModelZoo.parameterCount(Variant.parse("mlp-selu/alpha@0.1")));
    }

    @Test
    void dropoutSitsOnTheInputOfTheLayerAfterTheKerasDropoutAndNowhereElse() {
        MultiLayerNetwork net = ModelZoo.build(Variant.parse("mlp/seed"), 1);
        assertNull(conf(net, 0).getIDropout(), "no dropout on the input in the documents' MLP");
        assertEquals(0.5, ((Dropout) conf(net, 1).getIDropout()).getP(), 1e-12);
        assertEquals(0.7, ((Dropout) conf(net, 2).getIDropout()).getP(), 1e-12);

        MultiLayerNetwork none = ModelZoo.build(Variant.parse("mlp/none"), 1);
        for (int i = 0; i < none.getnLayers(); i++) {
            assertNull(conf(none, i).getIDropout());
            assertNull(weightNoise(none, i));
        }
        MultiLayerNetwork cnn = ModelZoo.build(Variant.parse("cnn/spatial@0.4"), 1);
        assertInstanceOf(SpatialDropout.class, cnn.getLayer(2).conf().getLayer().getIDropout());
        assertEquals(0.6, ((SpatialDropout) cnn.getLayer(2).conf().getLayer().getIDropout()).getP(), 1e-12);
        MultiLayerNetwork dc = ModelZoo.build(Variant.parse("mlp/dropconnect@0.5"), 1);
        assertInstanceOf(InvertedDropConnect.class, weightNoise(dc, 1));
        assertNull(conf(dc, 1).getIDropout());
        assertInstanceOf(DropConnect.class, weightNoise(ModelZoo.build(Variant.parse("mlp/dropconnect-dl4j@0.5"), 1), 1));
    }

    /** Both DropConnect classes travel with the configuration's JSON, as DL4J's own weight noise does. */
    @Test
    void dropConnectConfigurationsRoundTripThroughJson() {
        for (String text : List.of("mlp/dropconnect@0.3", "mlp/dropconnect-dl4j@0.3", "cnn/dropconnect@0.5")) {
            org.deeplearning4j.nn.conf.MultiLayerConfiguration conf = ModelZoo.configuration(Variant.parse(text), 3);
            String json = conf.toJson();
            org.deeplearning4j.nn.conf.MultiLayerConfiguration back =
                    org.deeplearning4j.nn.conf.MultiLayerConfiguration.fromJson(json);
            assertEquals(conf, back, text);
            assertEquals(json, back.toJson(), text);
        }
        assertTrue(ModelZoo.configuration(Variant.parse("mlp/dropconnect@0.3"), 3).toJson()
                .contains(InvertedDropConnect.class.getName()));
    }

    @Test
    void alphaDropoutIsRefusedOnModelsWithoutSeluNamingTheReason() {
        for (ModelKind m : List.of(ModelKind.MLP, ModelKind.CNN, ModelKind.MLP_WIDE, ModelKind.LSTM)) {
            assertFalse(m.accepts(DropoutType.ALPHA), m.text());
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Variant.of(m, DropoutType.ALPHA, DropRate.of(0.1)));
            assertTrue(e.getMessage().contains("SELU"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
        assertTrue(ModelKind.MLP_SELU.accepts(DropoutType.ALPHA));
    }

    @Test
    void regularizersReachEveryWeightLayerAndBatchNormFollowsHiddenLayers() {
        MultiLayerNetwork net = ModelZoo.build(Variant.parse("mlp/standard@0.5+batchnorm+l2"), 1);
        assertEquals(5, net.getnLayers());
        assertInstanceOf(BatchNormalization.class, net.getLayer(1).conf().getLayer());
        assertInstanceOf(BatchNormalization.class, net.getLayer(3).conf().getLayer());
        // dropout of site 1 (second dense) follows the first batch-norm layer
        assertEquals(0.5, ((Dropout) conf(net, 2).getIDropout()).getP(), 1e-12);
        assertFalse(((BaseLayer) conf(net, 0)).getRegularization().isEmpty());
    }

    @Test
    void inferenceIsDeterministicAndEqualsTheSameWeightsWithoutDropout() {
        for (String text : List.of("mlp/seed", "cnn/standard@0.5", "lstm/standard@0.3", "mlp-selu/alpha@0.2",
                "mlp/gaussian@0.5", "mlp/dropconnect@0.5", "mlp/dropconnect-dl4j@0.5", "cnn/spatial@0.5")) {
            Variant v = Variant.parse(text);
            MultiLayerNetwork net = ModelZoo.build(v, 7);
            MultiLayerNetwork plain = ModelZoo.build(Variant.none(v.model()), 7);
            plain.setParams(net.params().dup());
            INDArray x = input((ModelKind) v.model(), 16, 3);
            INDArray a = net.output(x);
            assertEquals(a, net.output(x), text + ": inference must be deterministic");
            assertTrue(a.equalsWithEps(plain.output(x), 1e-5), text + ": inference must equal the no-dropout net");
            INDArray train = net.output(x, true);
            assertNotEquals(a, train, text + ": a training-mode pass must apply dropout");

            Nd4j.getRandom().setSeed(99);
            INDArray first = net.output(x, true);
            Nd4j.getRandom().setSeed(99);
            assertEquals(first, net.output(x, true), text + ": the same seed must draw the same masks");
        }
    }

    @Test
    void everyModelAndTypeTrainsOneStep() {
        for (ModelKind m : ModelKind.values()) {
            for (DropoutType t : DropoutType.values()) {
                if (!m.accepts(t)) {
                    continue;
                }
                MultiLayerNetwork net = ModelZoo.build(Variant.of(m, t, DropRate.of(0.3)), 3);
                DataSet batch = new DataSet(input(m, 8, 5), Nd4j.eye(10).getRows(0, 1, 2, 3, 4, 5, 6, 7));
                INDArray before = net.params().dup();
                net.fit(batch);
                assertNotEquals(before, net.params(), m + "/" + t);
                assertTrue(Double.isFinite(net.score()), m + "/" + t);
            }
        }
    }

    static INDArray input(ModelKind model, int batch, long seed) {
        return Nd4j.rand(Nd4j.getRandomFactory().getNewRandomInstance(seed), model.input().shape(batch))
                .castTo(DataType.FLOAT);
    }

    private static Object weightNoise(MultiLayerNetwork net, int i) {
        return conf(net, i) instanceof BaseLayer b ? b.getWeightNoise() : null;
    }

    private static org.deeplearning4j.nn.conf.layers.Layer conf(MultiLayerNetwork net, int i) {
        return net.getLayer(i).conf().getLayer();
    }
}
