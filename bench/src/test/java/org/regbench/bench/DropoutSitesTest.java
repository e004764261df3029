package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.regbench.bench.opcost.DropoutSite;
import org.regbench.bench.opcost.DropoutSites;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.ModelKind;
import org.regbench.zoo.ModelZoo;
import org.regbench.zoo.Placement;
import org.regbench.zoo.Variant;

/** The shapes opcost times are the shapes the zoo's models hand to dropout, checked against real forward passes. */
class DropoutSitesTest {

    @Test
    void theMlpSitesAreItsInputAndTheOutputsOfItsHiddenLayers128And64() {
        List<DropoutSite> sites = DropoutSites.of(ModelKind.MLP, DropoutType.STANDARD, 128);
        assertEquals(List.of(0, 1, 2), sites.stream().map(DropoutSite::layer).toList());
        assertEquals(List.of("128x784", "128x128", "128x64"), sites.stream().map(DropoutSite::shapeText).toList());
        assertEquals(List.of(100_352L, 16_384L, 8_192L), sites.stream().map(DropoutSite::elements).toList());
        assertEquals(List.of("DenseLayer", "DenseLayer", "OutputLayer"),
                sites.stream().map(DropoutSite::layerClass).toList());
    }

    @Test
    void theCnnTakesSpatialDropoutOnTheFeatureMapsOfItsFirstConvolutionOnly() {
        List<DropoutSite> spatial = DropoutSites.of(ModelKind.CNN, DropoutType.SPATIAL, 128);
        assertEquals(1, spatial.size());
        assertEquals(2, spatial.get(0).layer());
        // 28 - 3 + 1 = 26 after the first 3x3 convolution, 13 after 2x2 pooling, 32 channels
        assertArrayEquals(new long[] {128, 32, 13, 13}, spatial.get(0).activationShape());
        List<DropoutSite> standard = DropoutSites.of(ModelKind.CNN, DropoutType.STANDARD, 128);
        assertEquals(List.of("128x1x28x28", "128x128"), standard.stream().map(DropoutSite::shapeText).toList());
    }

    @Test
    void spatialDropoutHasNoSiteInTheMlp() {
        assertEquals(List.of(), DropoutSites.of(ModelKind.MLP, DropoutType.SPATIAL, 128));
        assertThrows(IllegalArgumentException.class, () -> DropoutSites.of(ModelKind.MLP, DropoutType.NONE, 128));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DropoutSites.find(ModelKind.MLP, DropoutType.STANDARD, 7, 128));
        assertTrue(e.getMessage().contains("layer 7"), e.getMessage());
    }

    @Test
    void dropConnectSitesAreTheWeightArraysOfTheBuiltNetwork() {
        List<DropoutSite> mlp = DropoutSites.of(ModelKind.MLP, DropoutType.DROPCONNECT, 128);
        assertEquals(List.of("784x128", "128x64", "64x10"), mlp.stream().map(DropoutSite::shapeText).toList());
        // W then RW: 4 gates of 64 units each
        List<DropoutSite> lstm = DropoutSites.of(ModelKind.LSTM, DropoutType.DROPCONNECT, 128);
        assertEquals("28x256+64x256", lstm.get(0).shapeText());
        assertEquals(28 * 256 + 64 * 256, lstm.get(0).elements());
    }

    /**
     * For every model and activation dropout type: the derived sites are exactly the layers the zoo puts dropout on,
     * and each shape is the array that layer receives in a real forward pass (after its preprocessor).
     */
    @ParameterizedTest
    @EnumSource(value = ModelKind.class)
    void derivedShapesMatchAForwardPassAndTheConfiguredDropoutLayers(ModelKind model) {
        int batch = 3;
        MultiLayerNetwork net = ModelZoo.build(Variant.none(model), 1L);
        long[] inShape = model.input().shape(batch);
        INDArray x = Nd4j.rand(DataType.FLOAT, inShape);
        List<INDArray> acts = net.feedForward(x, false);
        for (DropoutType type : List.of(DropoutType.STANDARD, DropoutType.GAUSSIAN, DropoutType.ALPHA,
                DropoutType.SPATIAL)) {
            if (!model.accepts(type)) {
                continue;
            }
            Map<Integer, long[]> derived = new TreeMap<>();
            for (DropoutSite s : DropoutSites.of(model, type, batch)) {
                derived.put(s.layer(), s.activationShape());
            }
            MultiLayerConfiguration conf = ModelZoo.configuration(
                    Variant.of(model, type, Placement.INPUT_HIDDEN, DropRate.of(0.5), List.of()), 1L);
            for (int i = 0; i < conf.getConfs().size(); i++) {
                Layer layer = conf.getConf(i).getLayer();
                if (layer instanceof BaseWrapperLayer w) {
                    layer = w.getUnderlying();
                }
                String where = model + " " + type + " layer " + i;
                if (!derived.containsKey(i)) {
                    assertNull(layer.getIDropout(), where + " has dropout but no derived site");
                    continue;
                }
                assertNotNull(layer.getIDropout(), where + " is a derived site without dropout");
                INDArray in = acts.get(i);
                InputPreProcessor pre = conf.getInputPreProcess(i);
                if (pre != null) {
                    in = pre.preProcess(in, batch, LayerWorkspaceMgr.noWorkspaces());
                }
                assertArrayEquals(in.shape(), derived.get(i), where + ": forward pass gives "
                        + Arrays.toString(in.shape()));
            }
        }
        net.close();
    }
}
