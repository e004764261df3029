package org.regbench.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Workspace mode and CNN layout change how DL4J computes, not what: the same parameters and the same image, permuted,
 * give the same numbers. One caveat is part of DL4J's NHWC: flattening the last feature maps for the dense layer
 * runs over (h, w, c) instead of (c, h, w), so that layer's weight rows are permuted between the two layouts.
 */
class BuildOptionsTest {

    /** The CNN's first dense layer, fed by the flattened 64 maps of 5 x 5 after the second pooling layer. */
    private static final int DENSE = 4;

    private static final BuildOptions NHWC = new BuildOptions(WorkspaceMode.ENABLED, CNN2DFormat.NHWC);
    private static final BuildOptions NO_WORKSPACES = new BuildOptions(WorkspaceMode.NONE, CNN2DFormat.NCHW);

    @Test
    void nhwcAndNchwGiveTheSameOutputsForTheSameParametersAndThePermutedImage() {
        for (String text : new String[] {"cnn/none", "cnn/standard@0.5", "cnn/dropconnect@0.5"}) {
            Variant v = Variant.parse(text);
            MultiLayerNetwork nchw = ModelZoo.build(v, 7);
            MultiLayerNetwork nhwc = ModelZoo.build(v, 7, NHWC);
            assertEquals(nchw.params(), nhwc.params(), text + ": the seed must draw the same parameters in NHWC");
            INDArray x = image(16, 3);
            assertTrue(!nchw.output(x).equalsWithEps(nhwc.output(x.permute(0, 2, 3, 1).dup('c')), 1e-5),
                    "without the row permutation the dense layer reads the maps in another order");
            nhwc.getLayer(DENSE).setParam("W", toNhwcRows(nchw.getLayer(DENSE).getParam("W")));
            INDArray xNhwc = x.permute(0, 2, 3, 1).dup('c');
            assertArrayEquals(new long[] {16, 28, 28, 1}, xNhwc.shape());
            INDArray a = nchw.output(x);
            INDArray b = nhwc.output(xNhwc);
            assertTrue(a.equalsWithEps(b, 1e-5), text + ": NCHW " + a.getRow(0) + " vs NHWC " + b.getRow(0));
        }
    }

    @Test
    void aTrainingStepInNhwcMovesTheParametersExactlyAsInNchw() {
        Variant v = Variant.parse("cnn/none");
        MultiLayerNetwork nchw = ModelZoo.build(v, 11);
        MultiLayerNetwork nhwc = ModelZoo.build(v, 11, NHWC);
        nhwc.getLayer(DENSE).setParam("W", toNhwcRows(nchw.getLayer(DENSE).getParam("W")));
        INDArray x = image(8, 5);
        INDArray y = Nd4j.eye(10).getRows(0, 1, 2, 3, 4, 5, 6, 7).castTo(DataType.FLOAT);
        INDArray before = nchw.params().dup();
        nchw.fit(new DataSet(x, y));
        nhwc.fit(new DataSet(x.permute(0, 2, 3, 1).dup('c'), y));
        assertTrue(!before.equalsWithEps(nchw.params(), 1e-7), "the step must change the parameters");
        nchw.getLayer(DENSE).setParam("W", toNhwcRows(nchw.getLayer(DENSE).getParam("W")));
        assertTrue(nchw.params().equalsWithEps(nhwc.params(), 1e-5), "the same gradients in both layouts");
    }

    /** Dense weight rows from (c, h, w) flattening order to (h, w, c): row c*25 + h*5 + w moves to h*320 + w*64 + c. */
    private static INDArray toNhwcRows(INDArray w) {
        long out = w.size(1);
        return w.dup('c').reshape('c', 64, 5, 5, out).permute(1, 2, 0, 3).dup('c').reshape('c', 1600, out);
    }

    @Test
    void nhwcReachesEveryConvolutionAndPoolingLayerAndTheInputShape() {
        MultiLayerNetwork net = ModelZoo.build(Variant.parse("cnn/none"), 1, NHWC);
        int layouts = 0;
        for (int i = 0; i < net.getnLayers(); i++) {
            Object conf = net.getLayer(i).conf().getLayer();
            if (conf instanceof ConvolutionLayer c) {
                assertEquals(CNN2DFormat.NHWC, c.getCnn2dDataFormat(), "layer " + i);
                layouts++;
            } else if (conf instanceof SubsamplingLayer s) {
                assertEquals(CNN2DFormat.NHWC, s.getCnn2dDataFormat(), "layer " + i);
                layouts++;
            }
        }
        assertEquals(4, layouts);
        assertArrayEquals(new long[] {5, 28, 28, 1}, InputKind.IMAGE.shape(5, CNN2DFormat.NHWC));
        INDArray flat = Nd4j.arange(2 * 784).castTo(DataType.FLOAT).reshape(2, 784);
        INDArray img = InputKind.IMAGE.fromFlat(flat, CNN2DFormat.NHWC);
        assertEquals(784 + 3 * 28 + 5, img.getDouble(1, 3, 5, 0), 0.0);
    }

    @Test
    void modelsWithoutConvolutionsIgnoreTheLayout() {
        assertEquals(CNN2DFormat.NCHW, NHWC.formatFor(ModelKind.MLP));
        assertEquals(CNN2DFormat.NHWC, NHWC.formatFor(ModelKind.CNN));
        MultiLayerNetwork mlp = ModelZoo.build(Variant.parse("mlp/none"), 3, NHWC);
        INDArray x = Nd4j.rand(Nd4j.getRandomFactory().getNewRandomInstance(2), 4, 784).castTo(DataType.FLOAT);
        assertEquals(ModelZoo.build(Variant.parse("mlp/none"), 3).output(x), mlp.output(x));
    }

    @Test
    void workspaceModeNoneComputesTheSameAsEnabled() {
        MultiLayerNetwork on = ModelZoo.build(Variant.parse("cnn/none"), 5);
        MultiLayerNetwork off = ModelZoo.build(Variant.parse("cnn/none"), 5, NO_WORKSPACES);
        assertEquals(WorkspaceMode.NONE, off.getLayerWiseConfigurations().getTrainingWorkspaceMode());
        assertEquals(WorkspaceMode.NONE, off.getLayerWiseConfigurations().getInferenceWorkspaceMode());
        INDArray x = image(4, 9);
        assertTrue(on.output(x).equalsWithEps(off.output(x), 1e-6));
    }

    @Test
    void spatialDropoutRefusesNhwcBecauseItWouldMaskImageRows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelZoo.build(Variant.parse("cnn/spatial@0.5"), 1, NHWC));
        assertTrue(e.getMessage().contains("cnn/spatial@0.5"), e.getMessage());
    }

    private static INDArray image(int batch, long seed) {
        return Nd4j.rand(Nd4j.getRandomFactory().getNewRandomInstance(seed), InputKind.IMAGE.shape(batch))
                .castTo(DataType.FLOAT);
    }
}
