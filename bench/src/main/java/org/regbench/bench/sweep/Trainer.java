package org.regbench.bench.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.regbench.zoo.InputKind;
import org.regbench.zoo.ModelZoo;

/**
 * Trains one run epoch by epoch on flat [n, 784] data, reshaped for the model. Metrics are computed in inference
 * mode (dropout off) on the whole training subset, the validation split and, after the last epoch, the test split.
 * With early stopping the run ends when validation loss has not improved for {@code patience} epochs, and the test
 * accuracy is that of the best epoch's parameters.
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

    public record Outcome(List<EpochMetrics> epochs, MultiLayerNetwork net) {
    }

    public Outcome train(TrainingRun run, Consumer<EpochMetrics> onEpoch) {
        InputKind input = run.variant().model().input();
        Nd4j.getRandom().setSeed(run.seed());
        MultiLayerNetwork net = ModelZoo.build(run.variant(), run.seed());
        DataSet trainSet = reshape(train, input);
        DataSet valSet = reshape(validation, input);
        List<EpochMetrics> epochs = new ArrayList<>();
        double bestValLoss = Double.POSITIVE_INFINITY;
        INDArray bestParams = null;
        int sinceBest = 0;
        for (int epoch = 1; epoch <= run.epochs(); epoch++) {
            long start = System.nanoTime();
            DataSet shuffled = trainSet.copy();
            shuffled.shuffle(run.seed() * 1_000_003L + epoch);
            for (DataSet batch : shuffled.batchBy(run.batchSize())) {
                net.fit(batch);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] trainEval = evaluate(net, trainSet);
            double[] valEval = evaluate(net, valSet);
            boolean last = epoch == run.epochs();
            if (run.earlyStoppingPatience() > 0) {
                if (valEval[0] < bestValLoss) {
                    bestValLoss = valEval[0];
                    bestParams = net.params().dup();
                    sinceBest = 0;
                } else if (++sinceBest >= run.earlyStoppingPatience()) {
                    last = true;
                }
            }
            double testAcc = Double.NaN;
            if (last) {
                if (bestParams != null) {
                    net.setParams(bestParams);
                }
                testAcc = evaluate(net, reshape(test, input))[1];
            }
            EpochMetrics m = new EpochMetrics(epoch, trainEval[0], trainEval[1], valEval[0], valEval[1], testAcc, seconds);
            epochs.add(m);
            onEpoch.accept(m);
            if (last) {
                break;
            }
        }
        return new Outcome(epochs, net);
    }

    /** Mean loss (without regularization terms) and accuracy in inference mode. */
    static double[] evaluate(MultiLayerNetwork net, DataSet data) {
        double lossSum = 0;
        long correct = 0;
        long n = data.numExamples();
        for (DataSet part : data.batchBy(EVAL_BATCH)) {
            INDArray out = net.output(part.getFeatures(), false);
            lossSum += crossEntropySum(out, part.getLabels());
            correct += correct(out, part.getLabels());
        }
        return new double[] {lossSum / n, correct / (double) n};
    }

    /** Accuracy of the average of {@code k} stochastic (training-mode) passes: Monte-Carlo dropout. */
    public static double monteCarloAccuracy(MultiLayerNetwork net, DataSet flatTest, InputKind input, int k, long seed) {
        DataSet data = reshape(flatTest, input);
        Nd4j.getRandom().setSeed(seed);
        long correct = 0;
        for (DataSet part : data.batchBy(EVAL_BATCH)) {
            INDArray mean = null;
            for (int i = 0; i < k; i++) {
                INDArray out = net.output(part.getFeatures(), true);
                mean = mean == null ? out.dup() : mean.addi(out);
            }
            correct += correct(mean, part.getLabels());
        }
        return correct / (double) data.numExamples();
    }

    public static double accuracy(MultiLayerNetwork net, DataSet flat, InputKind input) {
        return evaluate(net, reshape(flat, input))[1];
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

    private static DataSet reshape(DataSet flat, InputKind input) {
        return input == InputKind.FLAT ? flat : new DataSet(input.fromFlat(flat.getFeatures()), flat.getLabels());
    }
}
