package org.regbench.bench.run;

import java.util.List;
import org.regbench.bench.UserInputException;

/**
 * The batch sizes a run may ask for. A fork has a 4 GB heap and as much native memory for ND4J ({@link ForkJvmArgs});
 * the CNN's training step keeps about half a megabyte of activations, gradients and masks per example, so beyond
 * {@value #MAX} examples no zoo model's step fits, and {@code --batch 100000000} used to pass validation and fail in
 * the fork after the peak probe. Checked before anything runs.
 */
public final class BatchSizes {

    public static final int MAX = 8192;

    private BatchSizes() {
    }

    /** Refuses, in one line naming {@code option}, a size below 1 or above {@value #MAX}. */
    public static void check(List<Integer> sizes, String option) {
        for (int b : sizes) {
            if (b < 1) {
                throw new UserInputException(option + ": batch size must be at least 1, got " + b);
            }
            if (b > MAX) {
                throw new UserInputException(option + ": batch size " + b + " exceeds " + MAX + ", the most a fork's"
                        + " 4 GB of memory holds for the zoo's models");
            }
        }
    }
}
