package org.regbench.zoo.flops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.regbench.zoo.ModelKind;
import org.regbench.zoo.ModelZoo;
import org.regbench.zoo.Variant;

/** Exact counts worked out by hand from the layer sizes, and the properties every count must have. */
class FlopCountTest {

    @Test
    void mlpCountsByHand() {
        FlopCount c = FlopCount.of(Variant.parse("mlp/none"));
        // forward per example: products 2·nIn·nOut, then bias (nOut) and activation (ReLU 1, softmax 3 per unit)
        long dense1 = 2 * 784 * 128 + 128 + 128;             // 200,704 + 256 = 200,960
        long dense2 = 2 * 128 * 64 + 64 + 64;                // 16,384 + 128 = 16,512
        long output = 2 * 64 * 10 + 10 + 3 * 10;             // 1,280 + 40 = 1,320
        assertEquals(218_792, dense1 + dense2 + output);
        assertEquals(218_792, c.forward());
        assertEquals(218_792, c.forwardTrain(), "no batch norm: training forward is the same arithmetic");
        // backward: the first layer only needs its weight gradient; elementwise work costs twice its forward
        long back1 = 2 * 784 * 128 + 2 * (128 + 128);        // 200,704 + 512 = 201,216
        long back2 = 2 * (2 * 128 * 64) + 2 * (64 + 64);     // 32,768 + 256 = 33,024
        long backOut = 2 * (2 * 64 * 10) + 2 * (10 + 30);    // 2,560 + 80 = 2,640
        assertEquals(236_880, back1 + back2 + backOut);
        assertEquals(236_880, c.backward());
        assertEquals(3 * 10, c.lossPerExample());
        assertEquals(109_386, c.params());
        assertEquals(13 * 109_386, c.stepUpdate(), "Adam, 13 per parameter");
        assertEquals(0, c.stepScore());

        assertEquals(128L * 218_792, c.perBatch(Pass.INFERENCE, 128));                      // 28,005,376
        assertEquals(128L * 218_792, c.perBatch(Pass.FORWARD_TRAIN, 128));
        assertEquals(128L * (218_792 + 30 + 236_880), c.perBatch(Pass.FORWARD_BACKWARD, 128)); // 58,329,856
        assertEquals(58_329_856L + 1_422_018L, c.perBatch(Pass.TRAIN_STEP, 128));          // 59,751,874
        assertEquals(59_751_874.0 / 128, c.perExample(Pass.TRAIN_STEP, 128));
    }

    @Test
    void cnnCountsByHand() {
        FlopCount c = FlopCount.of(Variant.parse("cnn/none"));
        // conv1 3x3, 1 -> 32 on 28x28: out 26x26x32 = 21,632 values
        long conv1 = 2 * 9 * 1 * 21_632 + 21_632 + 21_632;   // 389,376 + 43,264 = 432,640
        long pool1 = 4 * (13 * 13 * 32);                     // 4 · 5,408 = 21,632
        // conv2 3x3, 32 -> 64 on 13x13: out 11x11x64 = 7,744 values
        long conv2 = 2 * 9 * 32 * 7_744 + 7_744 + 7_744;     // 4,460,544 + 15,488 = 4,476,032
        long pool2 = 4 * (5 * 5 * 64);                       // 4 · 1,600 = 6,400
        long dense = 2 * 1600 * 128 + 128 + 128;             // 409,600 + 256 = 409,856
        long output = 2 * 128 * 10 + 10 + 30;                // 2,560 + 40 = 2,600
        assertEquals(5_349_160, conv1 + pool1 + conv2 + pool2 + dense + output);
        assertEquals(5_349_160, c.forward());

        long back1 = 389_376 + 2 * 43_264;                   // first layer: weight gradient only; 475,904
        long backPool1 = 2 * 21_632;                         // 43,264
        long back2 = 2 * 4_460_544 + 2 * 15_488;             // 8,952,064
        long backPool2 = 2 * 6_400;                          // 12,800
        long backDense = 2 * 409_600 + 2 * 256;              // 819,712
        long backOut = 2 * 2_560 + 2 * 40;                   // 5,200
        assertEquals(10_308_944, back1 + backPool1 + back2 + backPool2 + backDense + backOut);
        assertEquals(10_308_944, c.backward());
        assertEquals(225_034, c.params());

        long fb = 32L * (5_349_160 + 30 + 10_308_944);       // 32 · 15,658,134 = 501,060,288
        assertEquals(501_060_288L, c.perBatch(Pass.FORWARD_BACKWARD, 32));
        assertEquals(fb + 13L * 225_034, c.perBatch(Pass.TRAIN_STEP, 32));                 // + 2,925,442
        // the figures results/README.md quotes, at batch 128
        assertEquals(128L * 5_349_160, c.perBatch(Pass.INFERENCE, 128));                  // 684,692,480
        assertEquals(128L * 15_658_134 + 2_925_442, c.perBatch(Pass.TRAIN_STEP, 128));    // 2,007,166,594
        assertEquals(2_007_166_594L, c.perBatch(Pass.TRAIN_STEP, 128));
    }

    @Test
    void lstmCountsByHand() {
        FlopCount c = FlopCount.of(Variant.parse("lstm/none"));
        // per step: 2·nIn·4h + 2·h·4h + 13h, over 28 steps
        long lstm1 = 28 * (2 * 28 * 256 + 2 * 64 * 256 + 13 * 64);   // 28 · (14,336 + 32,768 + 832) = 1,342,208
        long lstm2 = 28 * (2 * 64 * 256 + 2 * 64 * 256 + 13 * 64);   // 28 · 66,368 = 1,858,304
        long output = 2 * 64 * 10 + 10 + 30;                          // 1,320
        assertEquals(1_342_208 + 1_858_304 + 1_320, lstm1 + lstm2 + output);
        assertEquals(lstm1 + lstm2 + output, c.forward());
        // backward: first LSTM skips its input product's input gradient, the recurrent one never
        long back1 = 28 * (14_336 + 2 * 32_768 + 2 * 832);
        long back2 = 28 * (2 * 32_768 + 2 * 32_768 + 2 * 832);
        long backOut = 2 * 1_280 + 2 * 40;
        assertEquals(back1 + back2 + backOut, c.backward());
        assertEquals(13 * ModelZoo.parameterCount(Variant.parse("lstm/none")), c.stepUpdate());
    }

    @Test
    void regularizersAndBatchNormAddTheirWork() {
        FlopCount plain = FlopCount.of(Variant.parse("mlp/none"));
        long weights = 784 * 128 + 128 * 64 + 64 * 10;      // 109,184: l1, l2 and max-norm act on weights only
        FlopCount l2 = FlopCount.of(Variant.parse("mlp/none+l2"));
        assertEquals(2 * weights, l2.stepScore());
        assertEquals(plain.stepUpdate() + 2 * weights, l2.stepUpdate());
        assertEquals(plain.forward(), l2.forward());
        FlopCount l1 = FlopCount.of(Variant.parse("mlp/none+l1"));
        assertEquals(plain.stepUpdate() + 3 * weights, l1.stepUpdate());
        FlopCount maxnorm = FlopCount.of(Variant.parse("mlp/none+maxnorm"));
        assertEquals(plain.stepUpdate() + 3 * weights, maxnorm.stepUpdate());
        assertEquals(0, maxnorm.stepScore());

        FlopCount bn = FlopCount.of(Variant.parse("mlp/none+batchnorm"));
        // batch norm over 128 and over 64 features: 4 per value in inference, 8 in training, backward 2 · 8
        assertEquals(plain.forward() + 4 * (128 + 64), bn.forward());
        assertEquals(plain.forward() + 8 * (128 + 64), bn.forwardTrain());
        assertEquals(plain.backward() + 16 * (128 + 64), bn.backward());
        // Adam on gamma and beta only: running mean and variance have a no-op updater
        assertEquals(plain.stepUpdate() + 13 * 2 * (128 + 64), bn.stepUpdate());
        assertEquals(ModelZoo.parameterCount(Variant.parse("mlp/none+batchnorm")), bn.params());
    }

    @Test
    void dropoutAddsNoCountedWork() {
        for (String v : List.of("mlp/standard@0.5", "mlp/dropconnect@0.5", "mlp/gaussian:paper")) {
            assertEquals(FlopCount.of(Variant.parse("mlp/none")), FlopCount.of(Variant.parse(v)), v);
        }
        assertEquals(FlopCount.of(Variant.parse("cnn/none")), FlopCount.of(Variant.parse("cnn/spatial@0.5")));
    }

    @Test
    void phasesAreOrderedAndParametersMatchDl4j() {
        for (ModelKind model : ModelKind.values()) {
            for (String suffix : List.of("", "+batchnorm+l2+maxnorm")) {
                Variant v = Variant.parse(model.text() + "/none" + suffix);
                FlopCount c = FlopCount.of(v);
                assertEquals(ModelZoo.parameterCount(v), c.params(), v.text());
                for (int batch : new int[] {1, 32, 512}) {
                    long inference = c.perBatch(Pass.INFERENCE, batch);
                    long forwardTrain = c.perBatch(Pass.FORWARD_TRAIN, batch);
                    long forwardBackward = c.perBatch(Pass.FORWARD_BACKWARD, batch);
                    long trainStep = c.perBatch(Pass.TRAIN_STEP, batch);
                    String what = v.text() + " b" + batch;
                    assertTrue(0 < inference && inference <= forwardTrain, what);
                    assertTrue(forwardTrain < forwardBackward && forwardBackward < trainStep, what);
                    if (!suffix.isEmpty()) {
                        assertTrue(inference < forwardTrain, what + ": batch statistics cost in training");
                    }
                }
            }
        }
    }

    @Test
    void perExampleWorkIsLinearInTheBatchAndPerStepWorkIsNot() {
        FlopCount c = FlopCount.of(Variant.parse("cnn/none+l2"));
        for (Pass p : List.of(Pass.INFERENCE, Pass.FORWARD_TRAIN)) {
            assertEquals(4 * c.perBatch(p, 32), c.perBatch(p, 128), p.text());
            assertEquals(c.perExample(p, 1), c.perExample(p, 512), p.text());
        }
        for (Pass p : List.of(Pass.FORWARD_BACKWARD, Pass.TRAIN_STEP)) {
            long step = p == Pass.TRAIN_STEP ? c.stepScore() + c.stepUpdate() : c.stepScore();
            long perExample = c.forwardTrain() + c.lossPerExample() + c.backward();
            for (int batch : new int[] {1, 32, 128, 512}) {
                assertEquals(batch * perExample + step, c.perBatch(p, batch), p.text() + " b" + batch);
            }
            // affine in the batch: equal steps in batch size add equal work
            assertEquals(c.perBatch(p, 256) - c.perBatch(p, 128), c.perBatch(p, 384) - c.perBatch(p, 256));
        }
        FlopCount mlp = FlopCount.of(Variant.parse("mlp/none"));
        assertEquals(4 * mlp.perBatch(Pass.FORWARD_BACKWARD, 32), mlp.perBatch(Pass.FORWARD_BACKWARD, 128),
                "no regularizer: nothing per step before the update");
        assertThrows(IllegalArgumentException.class, () -> mlp.perBatch(Pass.INFERENCE, 0));
    }

    @Test
    void passNamesAreThePhaseNames() {
        assertEquals(Pass.FORWARD_BACKWARD, Pass.parse("forward-backward"));
        assertEquals(List.of("inference", "forward-train", "forward-backward", "train-step"),
                java.util.Arrays.stream(Pass.values()).map(Pass::text).toList());
    }
}
