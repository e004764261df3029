package org.regbench.bench.run;

import org.regbench.zoo.TextForms;

import org.regbench.bench.jmh.ForwardBackwardBenchmark;
import org.regbench.bench.jmh.ForwardTrainBenchmark;
import org.regbench.bench.jmh.InferenceBenchmark;
import org.regbench.bench.jmh.TrainStepBenchmark;

/** What is timed. The backward pass alone is derived: forward-backward minus forward-train. */
public enum Phase {
    INFERENCE("inference", InferenceBenchmark.class),
    FORWARD_TRAIN("forward-train", ForwardTrainBenchmark.class),
    FORWARD_BACKWARD("forward-backward", ForwardBackwardBenchmark.class),
    TRAIN_STEP("train-step", TrainStepBenchmark.class);

    private final String text;
    private final Class<?> benchmark;

    Phase(String text, Class<?> benchmark) {
        this.text = text;
        this.benchmark = benchmark;
    }

    public String text() {
        return text;
    }

    /** The JMH include pattern selecting exactly this phase's benchmark method. */
    public String includePattern() {
        return "^" + benchmark.getName().replace(".", "\\.") + "\\.";
    }

    /** Whether the phase runs a backward pass: the CNN's take 70-100 ms a batch here, its forward passes 12-15 ms. */
    public boolean backward() {
        return this == FORWARD_BACKWARD || this == TRAIN_STEP;
    }

    public static Phase parse(String text) {
        return TextForms.parse(Phase.class, text, Phase::text, "phase");
    }

    @Override
    public String toString() {
        return text;
    }
}
