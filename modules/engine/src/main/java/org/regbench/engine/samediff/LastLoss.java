package org.regbench.engine.samediff;

import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.ListenerVariables;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * The loss of the last {@code fit} iteration, before its update. In 1.0.0-M2.1 {@code fit} never runs the loss op:
 * backpropagation starts at {@code softmax_cross_entropy_loss_grad}, which reads the logits, so the {@code Loss} that
 * listeners get reads 0. The listener takes the training logits as they are computed and evaluates the same mean
 * cross-entropy, {@code mean(logsumexp(z) - sum(y * z))}, on 128 x 10 numbers: no extra pass through the network.
 */
final class LastLoss extends BaseListener {

    private final String logits;
    private double last = Double.NaN;

    LastLoss(String logits) {
        this.logits = logits;
    }

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public ListenerVariables requiredVariables(SameDiff sd) {
        return ListenerVariables.builder().trainingVariables(logits).build();
    }

    @Override
    public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, String varName,
                                    INDArray activation) {
        if (varName.equals(logits)) {
            last = crossEntropy(activation, batch.getLabels(0));
        }
    }

    /** The loss of the last iteration; NaN before the first. */
    double value() {
        return last;
    }

    /** Mean over the rows of {@code -sum(labels * log(softmax(z)))}, in double precision. */
    static double crossEntropy(INDArray z, INDArray labels) {
        float[] x = z.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] y = labels.castTo(DataType.FLOAT).dup('c').data().asFloat();
        int rows = (int) z.size(0);
        int cols = (int) z.size(1);
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, x[r * cols + c]);
            }
            double exp = 0;
            double dot = 0;
            double mass = 0;
            for (int c = 0; c < cols; c++) {
                exp += Math.exp(x[r * cols + c] - max);
                dot += y[r * cols + c] * x[r * cols + c];
                mass += y[r * cols + c];
            }
            sum += mass * (max + Math.log(exp)) - dot;
        }
        return sum / rows;
    }
}
