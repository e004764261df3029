package org.regbench.bench.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.regbench.zoo.InputKind;
import org.regbench.zoo.ModelZoo;

/**
 * Trains one run on flat [n, 784] data, reshaped for the model, checkpoint by checkpoint. Metrics are computed in
 * inference mode (dropout off) on the whole training subset and the validation split at every checkpoint, and on the
 * test split once at the end: of the last weights, and with early stopping's restore, also of the weights with the
 * lowest validation loss, which are the ones the run reports. With a patience the run ends when validation loss has
 * not improved for that many checkpoints.
 *
 * <p>Minibatches come from a fresh permutation of the training data for every pass, drawn from the run's seed, and
 * are contiguous row ranges of the permuted copy (one native gather per pass), not DataSet.batchBy, which splits a
 * data set into one object per example.
 */
public final class Trainer {

    private static final int EVAL_BATCH = 1000;

    private final DataSet train;
    private final DataSet validation;
    private final DataSet test;

    public Trainer(DataSet train, DataSet validation, DataSet test) {
        this.train = train;
        this.validation = validation;
        this.test = test;
    }

    public record Outcome(List<EpochMetrics> epochs, MultiLayerNetwork net, double finalTestLoss,
                          double finalTestAccuracy) {
    }

    public Outcome train(TrainingRun run, Consumer<EpochMetrics> onEpoch) {
        InputKind input = run.variant().model().input();
        Nd4j.getRandom().setSeed(run.seed());
        MultiLayerNetwork net = ModelZoo.build(run.variant(), run.seed());
        INDArray features = train.getFeatures();
        INDArray labels = train.getLabels();
        int n = (int) features.size(0);
        int batch = run.batchSize();
        int steps = run.stepsPerCheckpoint() > 0 ? run.stepsPerCheckpoint() : (n + batch - 1) / batch;
        List<EpochMetrics> epochs = new ArrayList<>();
        double bestValLoss = Double.POSITIVE_INFINITY;
        int bestIndex = -1;
        INDArray bestParams = null;
        int sinceBest = 0;
        long updates = 0;
        int pass = 0;
        int position = n;
        INDArray passFeatures = null;
        INDArray passLabels = null;
        for (int epoch = 1; epoch <= run.epochs(); epoch++) {
            long start = System.nanoTime();
            for (int s = 0; s < steps && (run.maxUpdates() == 0 || updates < run.maxUpdates()); s++) {
                if (position >= n) {
                    if (passFeatures != null) {
                        passFeatures.close();
                        passLabels.close();
                    }
                    pass++;
                    int[] order = permutation(n, run.seed() * 1_000_003L + pass);
                    passFeatures = Nd4j.pullRows(features, 1, order);
                    passLabels = Nd4j.pullRows(labels, 1, order);
                    position = 0;
                }
                int end = Math.min(n, position + batch);
                INDArray x = passFeatures.get(NDArrayIndex.interval(position, end), NDArrayIndex.all());
                INDArray y = passLabels.get(NDArrayIndex.interval(position, end), NDArrayIndex.all());
                net.fit(new DataSet(input.fromFlat(x), y));
                position = end;
                updates++;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] trainEval = evaluate(net, train, input);
            double[] valEval = evaluate(net, validation, input);
            EpochMetrics m = new EpochMetrics(epoch, updates, pass - 1 + position / (double) n, trainEval[0],
                    trainEval[1], valEval[0], valEval[1], Double.NaN, Double.NaN, seconds);
            epochs.add(m);
            onEpoch.accept(m);
            boolean done = run.maxUpdates() > 0 && updates >= run.maxUpdates();
            if (run.restoreBest()) {
                if (valEval[0] < bestValLoss) {
                    bestValLoss = valEval[0];
                    bestIndex = epochs.size() - 1;
                    if (bestParams != null) {
                        bestParams.close();
                    }
                    bestParams = net.params().dup();
                    sinceBest = 0;
                } else if (run.earlyStoppingPatience() > 0 && ++sinceBest >= run.earlyStoppingPatience()) {
                    break;
                }
            }
            if (done) {
                break;
            }
        }
        if (passFeatures != null) {
            passFeatures.close();
            passLabels.close();
        }
        double[] finalTest = evaluate(net, test, input);
        int tested = epochs.size() - 1;
        double[] testedEval = finalTest;
        if (bestParams != null) {
            net.setParams(bestParams);
            tested = bestIndex;
            testedEval = evaluate(net, test, input);
        }
        epochs.set(tested, epochs.get(tested).withTest(testedEval[0], testedEval[1]));
        return new Outcome(epochs, net, finalTest[0], finalTest[1]);
    }

    /** A uniformly random order of 0..n-1 (Fisher-Yates), the same for the same seed on every machine. */
    static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random rng = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Mean loss (without regularization terms) and accuracy in inference mode, on flat data. */
    static double[] evaluate(MultiLayerNetwork net, DataSet flat, InputKind input) {
        double lossSum = 0;
        long correct = 0;
        long n = flat.numExamples();
        for (long from = 0; from < n; from += EVAL_BATCH) {
            long to = Math.min(n, from + EVAL_BATCH);
            INDArray x = flat.getFeatures().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            INDArray y = flat.getLabels().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            INDArray out = net.output(input.fromFlat(x), false);
            lossSum += crossEntropySum(out, y);
            correct += correct(out, y);
        }
        return new double[] {lossSum / n, correct / (double) n};
    }

    /** Accuracy of the average of {@code k} stochastic (training-mode) passes: Monte-Carlo dropout. */
    public static double monteCarloAccuracy(MultiLayerNetwork net, DataSet flatTest, InputKind input, int k, long seed) {
        Nd4j.getRandom().setSeed(seed);
        long correct = 0;
        long n = flatTest.numExamples();
        for (long from = 0; from < n; from += EVAL_BATCH) {
            long to = Math.min(n, from + EVAL_BATCH);
            INDArray x = input.fromFlat(flatTest.getFeatures().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()));
            INDArray y = flatTest.getLabels().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            INDArray mean = null;
            for (int i = 0; i < k; i++) {
                INDArray out = net.output(x, true);
                mean = mean == null ? out.dup() : mean.addi(out);
            }
            correct += correct(mean, y);
        }
        return correct / (double) n;
    }

    public static double accuracy(MultiLayerNetwork net, DataSet flat, InputKind input) {
        return evaluate(net, flat, input)[1];
    }

    /** How many rows' highest output is the labelled class. */
    private static long correct(INDArray outputs, INDArray labels) {
        return outputs.argMax(1).eq(labels.argMax(1)).castTo(DataType.INT64).sumNumber().longValue();
    }

    private static double crossEntropySum(INDArray probabilities, INDArray labels) {
        INDArray p = Transforms.max(probabilities.castTo(DataType.DOUBLE), 1e-12);
        return -Transforms.log(p, false).muli(labels.castTo(DataType.DOUBLE))
                .sumNumber().doubleValue();
    }
}
