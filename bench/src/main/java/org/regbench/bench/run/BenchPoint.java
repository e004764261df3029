package org.regbench.bench.run;

import java.util.Objects;
import org.regbench.zoo.Variant;

/** One measured point: a variant, a phase and a batch size, run in one configuration. */
public record BenchPoint(Variant variant, Phase phase, int batchSize, PointConfig config) {

    public BenchPoint {
        Objects.requireNonNull(config, "config");
    }

    /** A point in the default configuration: the parent's build, one thread, DL4J's defaults. */
    public BenchPoint(Variant variant, Phase phase, int batchSize) {
        this(variant, phase, batchSize, PointConfig.DEFAULT);
    }

    @Override
    public String toString() {
        return variant.text() + " " + phase.text() + " b" + batchSize + " [" + config.text() + "]";
    }
}
