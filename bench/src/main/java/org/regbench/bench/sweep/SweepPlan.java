package org.regbench.bench.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.ModelKind;
import org.regbench.zoo.Placement;
import org.regbench.zoo.Regularizer;
import org.regbench.zoo.RegularizerSetting;
import org.regbench.zoo.Variant;

/**
 * The training runs of a sweep, built from the studies asked for. Every run of one seed sees the same training
 * subset, so rates are compared on identical data.
 */
public record SweepPlan(List<TrainingRun> runs, List<TrainingRun> monteCarloRuns, List<Integer> mcPasses,
                        double target) {

    /** The dropout rate the size, regularizer, cost and Monte-Carlo studies compare against no dropout. */
    static final DropRate STUDY_RATE = DropRate.of(0.5);

    public record Spec(List<ModelKind> models, List<DropoutType> types, Placement placement, List<DropRate> rates,
                       List<Integer> mainSizes, List<Integer> sizeStudySizes, List<Study> studies, String dataset,
                       int epochs, int seeds, int batchSize, int earlyStopping, List<Integer> mcPasses,
                       double target) {
    }

    public static SweepPlan of(Spec s) {
        Set<TrainingRun> runs = new LinkedHashSet<>();
        Set<TrainingRun> mc = new LinkedHashSet<>();
        for (long seed = 1; seed <= s.seeds(); seed++) {
            for (ModelKind m : s.models()) {
                for (int size : s.mainSizes()) {
                    if (s.studies().contains(Study.RATES)) {
                        for (DropoutType t : s.types()) {
                            for (DropRate r : s.rates()) {
                                add(runs, s, variant(m, t, s.placement(), r), size, seed, s.earlyStopping());
                            }
                        }
                    }
                    if (s.studies().contains(Study.COST)) {
                        add(runs, s, Variant.none(m), size, seed, s.earlyStopping());
                        for (DropoutType t : s.types()) {
                            add(runs, s, variant(m, t, s.placement(), STUDY_RATE), size, seed, s.earlyStopping());
                        }
                    }
                    if (s.studies().contains(Study.REGULARIZERS)) {
                        for (Regularizer reg : Regularizer.values()) {
                            RegularizerSetting setting = RegularizerSetting.of(reg);
                            add(runs, s, Variant.none(m, setting), size, seed, 0);
                            for (DropoutType t : s.types()) {
                                add(runs, s, Variant.of(m, t, s.placement(), STUDY_RATE, List.of(setting)), size, seed, 0);
                            }
                        }
                        // early stopping alone and with dropout: patience 2 epochs on validation loss
                        add(runs, s, Variant.none(m), size, seed, Math.max(2, s.earlyStopping()));
                        for (DropoutType t : s.types()) {
                            add(runs, s, variant(m, t, s.placement(), STUDY_RATE), size, seed, Math.max(2, s.earlyStopping()));
                        }
                    }
                    if (s.studies().contains(Study.MC)) {
                        for (DropoutType t : s.types()) {
                            TrainingRun run = add(runs, s, variant(m, t, s.placement(), STUDY_RATE), size, seed,
                                    s.earlyStopping());
                            if (run.variant().hasDropout()) {
                                mc.add(run);
                            }
                        }
                    }
                }
                if (s.studies().contains(Study.SIZE)) {
                    for (int size : s.sizeStudySizes()) {
                        add(runs, s, Variant.none(m), size, seed, s.earlyStopping());
                        for (DropoutType t : s.types()) {
                            add(runs, s, variant(m, t, s.placement(), STUDY_RATE), size, seed, s.earlyStopping());
                        }
                    }
                }
            }
        }
        return new SweepPlan(new ArrayList<>(runs), new ArrayList<>(mc), s.mcPasses(), s.target());
    }

    private static Variant variant(ModelKind m, DropoutType t, Placement p, DropRate r) {
        return Variant.of(m, t, p, r, List.of());
    }

    private static TrainingRun add(Set<TrainingRun> runs, Spec s, Variant v, int size, long seed, int patience) {
        TrainingRun run = new TrainingRun(v, s.dataset(), size, seed, s.epochs(), s.batchSize(), patience);
        runs.add(run);
        return run;
    }

    public int totalEpochs() {
        return runs.stream().mapToInt(TrainingRun::epochs).sum();
    }

    /**
     * A rough duration from per-example costs measured on two cores (MLP about 0.17 ms per training example, the CNN
     * about 3 ms), plus evaluation passes and Monte-Carlo passes.
     */
    public Duration estimate(int evaluationExamples) {
        double seconds = 0;
        for (TrainingRun r : runs) {
            double perExample = perExampleMillis(r.variant().model()) / 1000.0;
            seconds += r.epochs() * (r.trainSize() * perExample + (r.trainSize() + evaluationExamples) * perExample / 3);
        }
        for (TrainingRun r : monteCarloRuns) {
            int passes = mcPasses.stream().mapToInt(Integer::intValue).sum();
            seconds += passes * evaluationExamples * perExampleMillis(r.variant().model()) / 3000.0;
        }
        return Duration.ofSeconds((long) Math.ceil(seconds));
    }

    private static double perExampleMillis(ModelKind m) {
        return switch (m) {
            case MLP, MLP_SELU -> 0.17;
            case MLP_WIDE -> 0.8;
            case LSTM -> 1.5;
            case CNN -> 3.0;
        };
    }
}
