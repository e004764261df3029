package org.regbench.bench.run;

import org.regbench.zoo.TextForms;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.ModelKind;
import org.regbench.zoo.Placement;
import org.regbench.zoo.RateGrid;

/**
 * Named run sizes. {@code smoke} is what CI runs (under 2 minutes here), {@code quick} is the bare default (under 8
 * minutes on 2 cores, 3 interleaved rounds), {@code full} covers every model, type, rate and batch size and prints its estimate first;
 * {@code tune} looks for each model's fastest configuration rather than at dropout.
 */
public enum Preset {
    SMOKE("smoke", List.of(ModelKind.MLP), List.of(DropoutType.STANDARD), List.of(DropRate.of(0.5)),
            List.of(Placement.ALL_HIDDEN), List.of(128),
            new Timing(1, 1, Duration.ofMillis(300), 3, Duration.ofMillis(300))),
    QUICK("quick", List.of(ModelKind.MLP, ModelKind.CNN),
            List.of(DropoutType.STANDARD, DropoutType.SPATIAL, DropoutType.DROPCONNECT),
            List.of(DropRate.of(0.5)), List.of(Placement.ALL_HIDDEN), List.of(128),
            // 5 rounds: the fork is the unit of evidence, so five JVMs per comparison buy more than longer ones. In
            // the paired schedule each JVM rotates through its compared points; per point 4 warm-up iterations of
            // 0.2 s (2.4-3.2 s per JVM) and 40 measured ones of 0.02 s; the CNN gets 2 warm-up iterations of 0.4 s
            // and 32 measured ones of 0.05 s, 8 of 0.2 s with a backward pass (Timing.forModel). The MLP's measured
            // iterations were 4 of 0.2 s, then 8 of 0.1 s, then 20 of 0.04 s: its forks pause for the collector every few tenths of a second and switch
            // between a fast and a slow speed, and a paired fork's overhead is the median of its rotations' ratios
            // (PairedRatio.roundLogRatio), so more and shorter rotations give a steadier median. Three inference-only
            // runs of each, alternating: calibration half-widths 0.7-1.9 % with 0.02 s against 1.0-4.6 % with 0.04 s,
            // in the same time (BENCHMARKS.md, "Short iterations, paired rotation by rotation").
            new Timing(5, 4, Duration.ofMillis(200), 40, Duration.ofMillis(20))),
    FULL("full", List.of(ModelKind.values()),
            Arrays.stream(DropoutType.values()).filter(t -> t != DropoutType.NONE).toList(),
            // the grid on every hidden layer, plus the documents' and the paper's fixed recipes
            RateGrid.TYPICAL.rates(), List.of(Placement.ALL_HIDDEN, Placement.SEED, Placement.PAPER),
            List.of(32, 128, 512),
            new Timing(2, 3, Duration.ofSeconds(1), 5, Duration.ofSeconds(1))),
    /**
     * Which configuration is fastest for each model: no dropout, batch 128, inference and a training step, every
     * combination of native build, helpers, layout and threads (see ConfigOptions and ConfigAxes), each checked for
     * equivalence with the default path before it is timed.
     */
    TUNE("tune", List.of(ModelKind.MLP, ModelKind.CNN), List.of(), List.of(DropRate.NONE),
            List.of(Placement.ALL_HIDDEN), List.of(128), List.of(Phase.INFERENCE, Phase.TRAIN_STEP),
            // three rounds, the fewest that give a paired interval with 2 degrees of freedom: layouts share a JVM,
            // other configurations alternate within each round; 48 points in about 15 minutes on 2 cores
            new Timing(3, 3, Duration.ofMillis(300), 4, Duration.ofMillis(300)));

    private final String text;
    private final List<ModelKind> models;
    private final List<DropoutType> types;
    private final List<DropRate> rates;
    private final List<Placement> placements;
    private final List<Integer> batchSizes;
    private final List<Phase> phases;
    private final Timing timing;

    Preset(String text, List<ModelKind> models, List<DropoutType> types, List<DropRate> rates,
           List<Placement> placements, List<Integer> batchSizes, Timing timing) {
        this(text, models, types, rates, placements, batchSizes, List.of(Phase.values()), timing);
    }

    Preset(String text, List<ModelKind> models, List<DropoutType> types, List<DropRate> rates,
           List<Placement> placements, List<Integer> batchSizes, List<Phase> phases, Timing timing) {
        this.text = text;
        this.models = models;
        this.types = types;
        this.rates = rates;
        this.placements = placements;
        this.batchSizes = batchSizes;
        this.phases = phases;
        this.timing = timing;
    }

    public String text() {
        return text;
    }

    public List<ModelKind> models() {
        return models;
    }

    public List<DropoutType> types() {
        return types;
    }

    public List<DropRate> rates() {
        return rates;
    }

    public List<Placement> placements() {
        return placements;
    }

    public List<Integer> batchSizes() {
        return batchSizes;
    }

    public List<Phase> phases() {
        return phases;
    }

    /**
     * Whether the preset adds the positive control ({@link PositiveControl}: the MLP's training step with workspaces
     * off beside the default) when its plan has the default point to pair it with.
     */
    public boolean hasPositiveControl() {
        return this == QUICK;
    }

    /** Whether the preset varies configurations one axis at a time and ranks them, rather than crossing them. */
    public boolean tunes() {
        return this == TUNE;
    }

    public Timing timing() {
        return timing;
    }

    public static Preset parse(String text) {
        return TextForms.parse(Preset.class, text, Preset::text, "preset");
    }

    @Override
    public String toString() {
        return text;
    }
}
