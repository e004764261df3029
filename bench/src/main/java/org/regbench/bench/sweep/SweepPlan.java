package org.regbench.bench.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.Model;
import org.regbench.zoo.ModelKind;
import org.regbench.zoo.ModelZoo;
import org.regbench.zoo.Placement;
import org.regbench.zoo.Regularizer;
import org.regbench.zoo.RegularizerSetting;
import org.regbench.zoo.Variant;

/**
 * The training runs of a sweep, built from the studies asked for. Every run trains on the sweep's one split; runs of
 * one size train on the same examples, so variants are compared on identical data and differ, seed by seed, only in
 * initialization, masks and batch order.
 *
 * @param monteCarloPasses the runs that get Monte-Carlo passes after training, and how many
 */
public record SweepPlan(List<TrainingRun> runs, Map<TrainingRun, List<Integer>> monteCarloPasses, double target) {

    /** The dropout rate the size, regularizer, cost and Monte-Carlo studies compare against no dropout. */
    static final DropRate STUDY_RATE = DropRate.of(0.5);

    /** The reproduction's candidates besides no dropout: the documents' placements and rates. */
    static final List<String> REPRODUCTION_VARIANTS = List.of("none", "standard@0.2", "seed", "standard@0.5", "paper");

    /** The small-data arm's checkpoints per full-data epoch's worth of updates. */
    static final int SMALL_CHECKPOINTS_PER_EPOCH = 10;

    /** The reproduction's underfitting arm (check d). */
    static final List<String> UNDERFIT_VARIANTS = List.of("standard@0.8", "standard@0.9");

    /**
     * @param mainSizes          training-set sizes of the rates, cost, regularizer and Monte-Carlo studies; the
     *                           reproduction's full data (0 = the whole training part)
     * @param sizeStudySizes     sizes of the size study and of the reproduction's small-data arm
     * @param fullSteps          updates per checkpoint of a full-data run (one pass over the whole training part): the
     *                           reproduction's small-data runs make as many
     * @param underfitSeeds      seeds of the reproduction's underfitting arm (at most {@code seeds})
     * @param smallDataSeeds     seeds of the reproduction's small-data arm (at most {@code seeds})
     * @param restoreBest        test the best-validation-loss weights (the reproduction always does)
     */
    public record Spec(List<? extends Model> models, List<DropoutType> types, Placement placement, List<DropRate> rates,
                       List<Integer> mainSizes, List<Integer> sizeStudySizes, List<Study> studies, String dataset,
                       int epochs, int seeds, int batchSize, int earlyStopping, List<Integer> mcPasses,
                       double target, int fullSteps, int underfitSeeds, int smallDataSeeds,
                       boolean restoreBest) {
    }

    public static SweepPlan of(Spec s) {
        Set<TrainingRun> runs = new LinkedHashSet<>();
        Map<TrainingRun, List<Integer>> mc = new LinkedHashMap<>();
        for (long seed = 1; seed <= s.seeds(); seed++) {
            for (Model m : s.models()) {
                if (s.studies().contains(Study.REPRODUCTION)) {
                    reproduction(s, m, seed, runs, mc);
                }
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
                        // a model file takes dropout only: its arm of the study is early stopping
                        for (Regularizer reg : m.takesRegularizers() ? Regularizer.values() : new Regularizer[0]) {
                            RegularizerSetting setting = RegularizerSetting.of(reg);
                            add(runs, s, Variant.none(m, setting), size, seed, 0);
                            for (DropoutType t : s.types()) {
                                add(runs, s, Variant.of(m, t, s.placement() == null ? m.defaultPlacement()
                                        : s.placement(), STUDY_RATE, List.of(setting)), size, seed, 0);
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
                                mc.put(run, s.mcPasses());
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
        return new SweepPlan(new ArrayList<>(runs), mc, s.target());
    }

    /**
     * The reproduction's runs of one model and seed: the documents' variants on full data, the underfitting arm
     * (first {@code underfitSeeds} seeds), {@code none} and {@code paper} at the small sizes (first
     * {@code smallDataSeeds} seeds) with the full-data
     * runs' number of updates, and Monte-Carlo passes on the full-data {@code paper} runs. All test the weights of
     * the checkpoint with the lowest validation loss.
     */
    private static void reproduction(Spec s, Model m, long seed, Set<TrainingRun> runs,
                                     Map<TrainingRun, List<Integer>> mc) {
        int full = s.mainSizes().get(0);
        for (String v : REPRODUCTION_VARIANTS) {
            TrainingRun run = add(runs, s, Variant.parse(m.text() + "/" + v), full, seed, s.earlyStopping(), 0, true);
            if (v.equals("paper") && !s.mcPasses().isEmpty()) {
                mc.put(run, s.mcPasses());
            }
        }
        if (seed <= s.underfitSeeds()) {
            for (String v : UNDERFIT_VARIANTS) {
                add(runs, s, Variant.parse(m.text() + "/" + v), full, seed, s.earlyStopping(), 0, true);
            }
        }
        // as many updates as a full-data run, validated ten times as often: on 1,000 examples no dropout's
        // validation loss bottoms out after about 170 updates, which checkpoints of a full epoch (391) would miss
        long updates = (long) s.fullSteps() * s.epochs();
        int steps = Math.max(1, (s.fullSteps() + SMALL_CHECKPOINTS_PER_EPOCH - 1) / SMALL_CHECKPOINTS_PER_EPOCH);
        int checkpoints = (int) ((updates + steps - 1) / steps);
        for (int size : seed <= s.smallDataSeeds() ? s.sizeStudySizes() : List.<Integer>of()) {
            for (String v : List.of("none", "paper")) {
                runs.add(new TrainingRun(Variant.parse(m.text() + "/" + v), s.dataset(), size, seed, checkpoints,
                        s.batchSize(), s.earlyStopping(), steps, true, updates));
            }
        }
    }

    /** {@code p} null: the model's own default placement (all-hidden for the zoo, its own sites for a file). */
    private static Variant variant(Model m, DropoutType t, Placement p, DropRate r) {
        return Variant.of(m, t, p == null ? m.defaultPlacement() : p, r, List.of());
    }

    private static TrainingRun add(Set<TrainingRun> runs, Spec s, Variant v, int size, long seed, int patience) {
        return add(runs, s, v, size, seed, patience, 0, s.restoreBest());
    }

    private static TrainingRun add(Set<TrainingRun> runs, Spec s, Variant v, int size, long seed, int patience,
                                   int steps, boolean restore) {
        TrainingRun run = new TrainingRun(v, s.dataset(), size, seed, s.epochs(), s.batchSize(), patience, steps,
                restore);
        runs.add(run);
        return run;
    }

    /**
     * What makes two plans the same plan, as a SHA-256: the data (its checksum, split and sizes), the batch size, the
     * target, and every run with its Monte-Carlo passes, in plan order. Shards of one plan have the same fingerprint
     * on every machine; the data folder's path and the number of jobs do not count.
     */
    public String fingerprint(SweepProvenance data) {
        StringBuilder sb = new StringBuilder();
        sb.append("data ").append(data.dataSha256()).append(' ').append(data.splitSeed()).append(' ')
                .append(data.trainExamples()).append(' ').append(data.validationExamples()).append(' ')
                .append(data.testExamples()).append(' ').append(data.duplicatesRemoved()).append(" batch ")
                .append(data.batchSize()).append(" target ").append(target).append('\n');
        for (TrainingRun r : runs) {
            sb.append(r.variant().text()).append(' ').append(r.dataset()).append(' ').append(r.trainSize()).append(' ')
                    .append(r.seed()).append(' ').append(r.epochs()).append(' ').append(r.batchSize()).append(' ')
                    .append(r.earlyStoppingPatience()).append(' ').append(r.stepsPerCheckpoint()).append(' ')
                    .append(r.restoreBest()).append(' ').append(r.maxUpdates()).append(" mc ").append(mcPasses(r))
                    .append('\n');
        }
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    /** The runs of {@code shard}, with their Monte-Carlo passes: a plan of its own, in the whole plan's order. */
    public SweepPlan slice(SweepShard shard) {
        List<TrainingRun> mine = shard.positions(runs.size()).stream().map(runs::get).toList();
        Map<TrainingRun, List<Integer>> mc = new LinkedHashMap<>();
        for (TrainingRun r : mine) {
            if (monteCarloPasses.containsKey(r)) {
                mc.put(r, monteCarloPasses.get(r));
            }
        }
        return new SweepPlan(mine, mc, target);
    }

    public int totalEpochs() {
        return runs.stream().mapToInt(TrainingRun::epochs).sum();
    }

    /** Monte-Carlo passes, for the table of runs. */
    public List<Integer> mcPasses(TrainingRun run) {
        return monteCarloPasses.getOrDefault(run, List.of());
    }

    /**
     * A duration from costs measured on this repository's 2-vCPU machine with one ND4J thread per JVM: a JVM's start
     * and data loading, the training steps (per update, growing with the batch), the evaluation passes (inference per
     * example), spread over {@code min(jobs, cores)} runs at a time with the longest run as the floor, each slowed by
     * {@link Cost#SHARED_CORES} when runs share the machine. It is an estimate: the sweep prints its real time at the
     * end.
     */
    public Duration estimate(int trainExamples, int evaluationExamples, int jobs, int cores) {
        double total = 0;
        double longest = 0;
        for (TrainingRun r : runs) {
            Cost c = Cost.of(r.variant().model());
            int n = r.trainSize() == 0 ? trainExamples : r.trainSize();
            int steps = r.stepsPerCheckpoint() > 0 ? r.stepsPerCheckpoint() : (n + r.batchSize() - 1) / r.batchSize();
            int passes = mcPasses(r).stream().mapToInt(Integer::intValue).sum();
            long updates = r.maxUpdates() > 0 ? r.maxUpdates() : (long) r.epochs() * steps;
            double seconds = Cost.JVM_SECONDS + updates * c.stepMillis(r.batchSize()) / 1000
                    + r.epochs() * (n + evaluationExamples) * c.inferenceMillisPerExample() / 1000
                    + passes * (evaluationExamples / 2.0) * c.inferenceMillisPerExample() * 1.5 / 1000;
            total += seconds;
            longest = Math.max(longest, seconds);
        }
        int parallel = Math.max(1, Math.min(jobs, cores));
        double slowdown = parallel > 1 ? Cost.SHARED_CORES : 1;
        return Duration.ofSeconds((long) Math.ceil(Math.max(total / parallel, longest) * slowdown));
    }

    /** Per-model costs on one thread: {@code stepMillis(b) = fixed + perExample * b}. */
    record Cost(double stepFixedMillis, double stepMillisPerExample, double inferenceMillisPerExample) {

        /** A forked JVM: start, ND4J's native library, data loaded, duplicates removed, split. */
        static final double JVM_SECONDS = 6;

        /**
         * How much slower each run goes while runs share the cores: in the committed reproduction run (two training
         * JVMs on this 2-vCPU machine) a step at batch 128 took 7.4-9.8 ms against 4.9-5.3 ms alone, and the run took
         * 39m 26s where these costs without the factor gave 28m 39s.
         */
        static final double SHARED_CORES = 1.4;

        double stepMillis(int batch) {
            return stepFixedMillis + stepMillisPerExample * batch;
        }

        static Cost of(Model model) {
            if (!(model instanceof ModelKind m)) {
                // a model file: the MLP's costs scaled by its parameter count, a rough guide for the estimate only
                double scale = ModelZoo.parameterCount(Variant.none(model)) / 109_386.0;
                return new Cost(1.5, 0.028 * scale, 0.005 * scale);
            }
            return switch (m) {
                // measured here with one thread (thread CPU time, 2026-11-29): 3.7-3.9 ms per step at batch 64,
                // 4.9-5.3 at 128, 6.8-8.3 at 256; evaluation 0.25-0.31 s per 60,000 examples
                case MLP, MLP_SELU -> new Cost(1.5, 0.028, 0.005);
                case MLP_WIDE -> new Cost(2.0, 0.25, 0.08);
                case LSTM -> new Cost(5.0, 0.6, 0.3);
                case CNN -> new Cost(5.0, 2.3, 0.9);
            };
        }
    }
}
