package org.regbench.zoo.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.InputKind;
import org.regbench.zoo.ModelZoo;
import org.regbench.zoo.Variant;

/**
 * What DL4J 1.0.0-M2.1's Keras import does with Keras 2 dropout layers, and what regbench makes of it. The first test
 * pins the importer's own output (so a DL4J upgrade that changes it shows up here), the others the corrected rates.
 */
class KerasImportPitfallsTest {

    @AfterEach
    void forget() {
        ModelFiles.clear();
    }

    /** Each layer's dropout as the importer leaves it, by layer name. */
    private static Map<String, String> readings(MultiLayerConfiguration conf) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < conf.getConfs().size(); i++) {
            Layer l = conf.getConf(i).getLayer();
            out.put(l.getLayerName(), DropoutReading.of(l.getIDropout()).map(DropoutReading::toString).orElse("?"));
        }
        return out;
    }

    @Test
    void theImporterLosesDropoutsRateAndInvertsGaussianDropouts() throws Exception {
        MultiLayerNetwork raw = KerasModelImport.importKerasSequentialModelAndWeights(
                Fixtures.model("mlp-dropout.h5").toString(), false);
        Map<String, String> r = readings(raw.getLayerWiseConfigurations());
        // Keras: Dropout(0.2), GaussianDropout(0.3), AlphaDropout(0.1)
        assertEquals("standard@0 (drops nothing, still draws a mask)", r.get("dropout_1"),
                "Dropout's rate is read from the key 'dropout', not Keras 2's 'rate': " + r);
        assertEquals("gaussian@0.7", r.get("gaussian_dropout_1"), "1 - rate handed to a class that takes the rate: " + r);
        assertEquals("alpha@0.1", r.get("alpha_dropout_1"), r.toString());
        raw.close();
    }

    @Test
    void theMlpsCorrectedRatesAreKerasDropRates() {
        ModelFile mlp = ModelFiles.load(Fixtures.model("mlp-dropout.h5"), ModelFile.Source.KERAS);
        Map<String, String> dropout = new LinkedHashMap<>();
        mlp.layers().forEach(l -> dropout.put(l.name(), l.dropout()));
        assertEquals("standard@0.2", dropout.get("dropout_1"), dropout.toString());
        assertEquals("gaussian@0.3", dropout.get("gaussian_dropout_1"), dropout.toString());
        assertEquals("alpha@0.1", dropout.get("alpha_dropout_1"), dropout.toString());
        for (String dense : List.of("dense_1", "dense_2", "dense_3", "dense_4")) {
            assertEquals("none", dropout.get(dense), dense + ": " + dropout);
        }
        assertEquals(784L * 64 + 64 + 64L * 32 + 32 + 32L * 16 + 16 + 16L * 10 + 10, mlp.parameterCount());
        assertEquals(7, mlp.layers().size(), dropout.toString());
        assertEquals(InputKind.FLAT, mlp.input());
        assertTrue(mlp.corrections().contains("dropout_1 (Keras Dropout rate 0.2): DL4J's import set standard@0"
                + " (drops nothing, still draws a mask), corrected to standard@0.2"), mlp.corrections().toString());
        assertTrue(mlp.corrections().contains("gaussian_dropout_1 (Keras GaussianDropout rate 0.3): DL4J's import set"
                + " gaussian@0.7, corrected to gaussian@0.3"), mlp.corrections().toString());
        assertTrue(mlp.corrections().contains("dense_4 (the last Keras Dense): DL4J's import left a DenseLayer"
                + " without a loss; made it an OutputLayer with loss MCXENT (Keras loss categorical_crossentropy)"),
                mlp.corrections().toString());
        assertEquals("OutputLayer", mlp.layers().get(6).kind());
        // the new output layer must not leave initialization settings unset (a NaN bias init gave NaN outputs)
        MultiLayerNetwork net = ModelZoo.build(Variant.parse("mlp-dropout/none"), 5L);
        org.nd4j.linalg.api.ndarray.INDArray out = net.output(org.nd4j.linalg.factory.Nd4j.rand(
                org.nd4j.linalg.api.buffer.DataType.FLOAT, 4, 784));
        for (int i = 0; i < 4; i++) {
            assertEquals(1.0, out.getRow(i).sumNumber().doubleValue(), 1e-4, "softmax row " + i + ": " + out);
        }
        net.close();
        assertTrue(mlp.accepts(DropoutType.ALPHA), "dense_3 is SELU");
        assertEquals(3, mlp.ownSites().size());
        // all-hidden: the inputs of the later Dense layers; the imported DropoutLayers have no weights
        assertEquals(java.util.Set.of(2, 4, 6),
                Variant.parse("mlp-dropout/standard@0.5:all-hidden").siteRates().keySet());
    }

    @Test
    void theCnnsSpatialDropoutKeepsItsRateAndItsDenseDropoutIsCorrected() {
        ModelFile cnn = ModelFiles.load(Fixtures.model("cnn-dropout.h5"), ModelFile.Source.KERAS);
        Map<String, String> dropout = new LinkedHashMap<>();
        cnn.layers().forEach(l -> dropout.put(l.name(), l.dropout()));
        assertEquals("spatial@0.25", dropout.get("spatial_dropout2d_1"), dropout.toString());
        assertEquals("standard@0.5", dropout.get("dropout_1"), dropout.toString());
        assertEquals(80 + 1168 + 4010, cnn.parameterCount());
        assertEquals("28x28x1 (NHWC)", cnn.shapeText());
        assertEquals(2, cnn.ownSites().size());
        // a variant replaces both sites' dropout; the file's layout stays
        Variant v = Variant.parse("cnn-dropout/standard@0.4");
        MultiLayerConfiguration conf = ModelZoo.configuration(v, 3L);
        long withDropout = conf.getConfs().stream().filter(c -> c.getLayer().getIDropout() != null).count();
        assertEquals(2, withDropout);
    }
}
