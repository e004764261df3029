package org.regbench.bench.run;

import org.regbench.zoo.Variant;

/** One measured point: a variant, a phase and a batch size. */
public record BenchPoint(Variant variant, Phase phase, int batchSize) {

    @Override
    public String toString() {
        return variant.text() + " " + phase.text() + " b" + batchSize;
    }
}
