package org.regbench.bench.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.regbench.engine.Engine;
import org.regbench.engine.NetworkUnderTest;
import org.regbench.engine.SyntheticBatch;
import org.regbench.engine.Tensor;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.Model;

/**
 * Trains one run on flat [n, features] data (784 pixels, or a CSV file's columns), reshaped for the model,
 * checkpoint by checkpoint, through the engine
 * interface ({@link NetworkUnderTest}: batch in, train step, output, parameters), so that any engine that builds the
 * variant trains it with the same schedule, checkpoints and metrics. Metrics are computed in
 * inference mode (dropout off) on the whole training subset and the validation split at every checkpoint, and on the
 * test split once at the end: of the last weights, and with early stopping's restore, also of the weights with the
 * lowest validation loss, which are the ones the run reports. With a patience the run ends when validation loss has
 * not improved for that many checkpoints.
 *
 * <p>Minibatches come from a fresh permutation of the training data for every pass, drawn from the run's seed: each
 * is the next range of the permutation, gathered from the split held as Java arrays ({@link ExampleRows}), so that the
 * engine's own copy is the only native allocation of a step. Evaluation batches are built once per run.
 */
public final class Trainer {

    private static final int EVAL_BATCH = 1000;

    private final Engine engine;
    private final DataSet train;
    private final DataSet validation;
    private final DataSet test;

    public Trainer(Engine engine, DataSet train, DataSet validation, DataSet test) {
        this.engine = engine;
        this.train = train;
        this.validation = validation;
        this.test = test;
    }

    /** The run's checkpoints and the trained network, holding the tested weights; the caller closes it. */
    public record Outcome(List<EpochMetrics> epochs, NetworkUnderTest net, double finalTestLoss,
                          double finalTestAccuracy) {
    }

    public Outcome train(TrainingRun run, Consumer<EpochMetrics> onEpoch) {
        Model input = run.variant().model();
        NetworkUnderTest net = engine.build(run.variant(), run.seed(), run.batchSize(), BuildOptions.DEFAULT);
        ExampleRows trainRows = ExampleRows.of(train, input);
        List<SyntheticBatch> trainEval = trainRows.batches(EVAL_BATCH);
        List<SyntheticBatch> validationEval = ExampleRows.of(validation, input).batches(EVAL_BATCH);
        int n = trainRows.size();
        int batch = run.batchSize();
        int steps = run.stepsPerCheckpoint() > 0 ? run.stepsPerCheckpoint() : (n + batch - 1) / batch;
        List<EpochMetrics> epochs = new ArrayList<>();
        double bestValLoss = Double.POSITIVE_INFINITY;
        int bestIndex = -1;
        List<Tensor> bestParams = null;
        int sinceBest = 0;
        long updates = 0;
        int pass = 0;
        int position = n;
        int[] order = null;
        for (int epoch = 1; epoch <= run.epochs(); epoch++) {
            long start = System.nanoTime();
            for (int s = 0; s < steps && (run.maxUpdates() == 0 || updates < run.maxUpdates()); s++) {
                if (position >= n) {
                    pass++;
                    order = permutation(n, run.seed() * 1_000_003L + pass);
                    position = 0;
                }
                int end = Math.min(n, position + batch);
                net.setBatch(trainRows.gather(order, position, end));
                net.trainStep();
                position = end;
                updates++;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] trainMetrics = evaluate(net, trainEval);
            double[] valEval = evaluate(net, validationEval);
            EpochMetrics m = new EpochMetrics(epoch, updates, pass - 1 + position / (double) n, trainMetrics[0],
                    trainMetrics[1], valEval[0], valEval[1], Double.NaN, Double.NaN, seconds);
            epochs.add(m);
            onEpoch.accept(m);
            boolean done = run.maxUpdates() > 0 && updates >= run.maxUpdates();
            if (run.restoreBest()) {
                if (valEval[0] < bestValLoss) {
                    bestValLoss = valEval[0];
                    bestIndex = epochs.size() - 1;
                    bestParams = net.parameters();
                    sinceBest = 0;
                } else if (run.earlyStoppingPatience() > 0 && ++sinceBest >= run.earlyStoppingPatience()) {
                    break;
                }
            }
            if (done) {
                break;
            }
        }
        List<SyntheticBatch> testEval = ExampleRows.of(test, input).batches(EVAL_BATCH);
        double[] finalTest = evaluate(net, testEval);
        int tested = epochs.size() - 1;
        double[] testedEval = finalTest;
        if (bestParams != null) {
            net.setParameters(bestParams);
            tested = bestIndex;
            testedEval = evaluate(net, testEval);
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

    /** Mean loss (without regularization terms) and accuracy in inference mode. */
    static double[] evaluate(NetworkUnderTest net, List<SyntheticBatch> batches) {
        double lossSum = 0;
        long correct = 0;
        long n = 0;
        for (SyntheticBatch b : batches) {
            net.setBatch(b);
            float[] out = net.output(false).data();
            float[] labels = b.labels().data();
            lossSum += crossEntropySum(out, labels);
            correct += correct(out, labels, classes(b));
            n += b.size();
        }
        return new double[] {lossSum / n, correct / (double) n};
    }

    /** Accuracy of the average of {@code k} stochastic (training-mode) passes: Monte-Carlo dropout. */
    public static double monteCarloAccuracy(NetworkUnderTest net, DataSet flatTest, Model input, int k,
                                            long seed) {
        net.reseedMasks(seed);
        long correct = 0;
        long n = 0;
        for (SyntheticBatch b : ExampleRows.of(flatTest, input).batches(EVAL_BATCH)) {
            net.setBatch(b);
            float[] sum = null;
            for (int i = 0; i < k; i++) {
                float[] out = net.output(true).data();
                if (sum == null) {
                    sum = out;
                } else {
                    for (int c = 0; c < sum.length; c++) {
                        sum[c] += out[c];
                    }
                }
            }
            correct += correct(sum, b.labels().data(), classes(b));
            n += b.size();
        }
        return correct / (double) n;
    }

    public static double accuracy(NetworkUnderTest net, DataSet flat, Model input) {
        return evaluate(net, ExampleRows.of(flat, input).batches(EVAL_BATCH))[1];
    }

    /**
     * Flat rows in the shape {@code model} takes: MNIST images as {@link org.regbench.zoo.InputKind} shapes them
     * (images NCHW, sequences with the image rows as time steps); any other input (a model file fed by a CSV file) a
     * row-major reshape to its own feature shape, so a CSV row holds the example's values in the model's layout.
     */
    static INDArray shaped(INDArray flat, Model model) {
        return model.mnistInput().map(k -> k.fromFlat(flat)).orElseGet(() ->
                flat.reshape('c', model.featureShape(Math.toIntExact(flat.size(0)), CNN2DFormat.NCHW)));
    }

    /** How many rows' highest output is the labelled class (the first of equal highest outputs, as argMax). */
    private static long correct(float[] outputs, float[] labels, int classes) {
        long correct = 0;
        for (int row = 0; row < outputs.length / classes; row++) {
            if (argMax(outputs, row * classes, classes) == argMax(labels, row * classes, classes)) {
                correct++;
            }
        }
        return correct;
    }

    private static int classes(SyntheticBatch b) {
        return Math.toIntExact(b.labels().shape()[1]);
    }

    private static int argMax(float[] a, int from, int length) {
        int best = 0;
        for (int i = 1; i < length; i++) {
            if (a[from + i] > a[from + best]) {
                best = i;
            }
        }
        return best;
    }

    /** Summed cross-entropy of probabilities against one-hot labels, in double, probabilities floored at 1e-12. */
    private static double crossEntropySum(float[] probabilities, float[] labels) {
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            if (labels[i] != 0) {
                sum -= labels[i] * Math.log(Math.max(probabilities[i], 1e-12));
            }
        }
        return sum;
    }
}
