package org.regbench.results.stats;

import java.util.Optional;

/**
 * One line of the overhead table: a measured or derived (backward) point and its overhead, absent for the
 * no-dropout reference itself or when the model has no reference in that phase and batch size.
 *
 * @param msPerBatch    milliseconds per batch
 * @param msError       the 95 % half-width over fork levels that goes with it; NaN with one fork
 * @param derived       true for backward = forward-backward − forward-train
 * @param configuration backend build, ND4J threads and DL4J settings; the reference shares them
 */
public record OverheadLine(String model, String variant, String dropoutType, double dropoutRate, String phase,
                           int batchSize, double msPerBatch, double msError, double samplesPerSecond,
                           Optional<Overhead> overhead, boolean derived, String configuration) {

    public boolean isReference() {
        return "none".equals(dropoutType);
    }
}
