package org.regbench.results.stats;

import org.regbench.results.BenchRow;
import org.regbench.results.Direction;

/**
 * The backward pass alone is not measured directly: it is forward-backward minus forward-train (same model, variant
 * and batch). The two phases run in different JMH benchmarks, so their means are independent and their variances add;
 * each mean is over fork levels, the unit of evidence.
 */
public final class BackwardTime {

    private BackwardTime() {
    }

    /** Time per batch of the backward pass, in the unit of the two inputs, with Welch degrees of freedom. */
    public static Estimate estimate(Estimate forwardBackward, Estimate forwardTrain) {
        return forwardBackward.minus(forwardTrain);
    }

    public static Estimate estimate(BenchRow forwardBackward, BenchRow forwardTrain) {
        if (!forwardBackward.unit().equals(forwardTrain.unit())
                || forwardBackward.direction() != Direction.LOWER_IS_BETTER) {
            throw new IllegalArgumentException("backward time needs both phases in the same time-per-op unit, got "
                    + forwardBackward.unit() + " and " + forwardTrain.unit());
        }
        return estimate(forwardBackward.forkEstimate(), forwardTrain.forkEstimate());
    }
}
