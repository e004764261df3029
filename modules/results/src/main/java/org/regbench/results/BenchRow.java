package org.regbench.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.regbench.results.stats.Estimate;

/**
 * One measured benchmark point: a model variant in one phase at one batch size, with JMH's score, its 99.9 % error
 * half-width and the raw per-iteration scores that the statistics in this module work from.
 *
 * @param dropoutType "none" for the no-dropout baseline of a model
 * @param variant     the stable text form of the model variant, e.g. {@code cnn/standard@0.5}
 * @param phase       inference, forward-train, forward-backward, train-step or backward
 * @param scoreError  JMH's 99.9 % confidence half-width of {@code score}
 * @param unit        JMH's unit, e.g. {@code ms/op} where one op is one batch
 * @param iterations  measured iterations over all forks, which is the number of raw scores
 * @param rawScores   per-iteration scores, fork after fork, {@code iterations / forks} of them per fork
 * @param settings    the DL4J configuration of this point (workspaces, CNN layout, helpers)
 * @param efficiency  FLOPs, achieved GFLOP/s and the share of the host's measured peak
 * @param schedule    how the run ordered its forks, e.g. {@code interleaved seed=42} or {@code sequential}; empty
 *                    when unknown
 * @param forkResults the forks one by one ({@link ForkResult}); their iterations, concatenated, are
 *                    {@code rawScores}. Rows read from files written before forks were recorded split
 *                    {@code rawScores} into {@code forks} equal runs
 * @param jvmArgs     the forked JVMs' arguments (heap, collector, the point's settings); empty when unknown
 * @param allocBytesPerOp bytes allocated per op (one batch), mean over iterations, from JMH's GC profiler
 *                    ({@code bench --prof gc}); NaN when not measured
 */
public record BenchRow(Provenance provenance, String model, String dropoutType, double dropoutRate, String placement,
                       String variant, String phase, int batchSize, String dataType, double score, double scoreError,
                       String unit, double samplesPerSecond, double msPerBatch, int iterations, int forks,
                       double[] rawScores, PointSettings settings, Efficiency efficiency, String schedule,
                       List<ForkResult> forkResults, String jvmArgs, EngineRun engineRun, double allocBytesPerOp) {

    /** A row whose forks are known only as {@code forks} equal runs of {@code rawScores}. */
    public BenchRow(Provenance provenance, String model, String dropoutType, double dropoutRate, String placement,
                    String variant, String phase, int batchSize, String dataType, double score, double scoreError,
                    String unit, double samplesPerSecond, double msPerBatch, int iterations, int forks,
                    double[] rawScores, PointSettings settings, Efficiency efficiency) {
        this(provenance, model, dropoutType, dropoutRate, placement, variant, phase, batchSize, dataType, score,
                scoreError, unit, samplesPerSecond, msPerBatch, iterations, forks, rawScores, settings, efficiency,
                "", List.of(), "", EngineRun.UNKNOWN, Double.NaN);
    }

    /** A row measured with DL4J's default settings and no efficiency figures. */
    public BenchRow(Provenance provenance, String model, String dropoutType, double dropoutRate, String placement,
                    String variant, String phase, int batchSize, String dataType, double score, double scoreError,
                    String unit, double samplesPerSecond, double msPerBatch, int iterations, int forks,
                    double[] rawScores) {
        this(provenance, model, dropoutType, dropoutRate, placement, variant, phase, batchSize, dataType, score,
                scoreError, unit, samplesPerSecond, msPerBatch, iterations, forks, rawScores, PointSettings.DEFAULT,
                Efficiency.UNKNOWN);
    }

    public BenchRow {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(unit, "unit");
        dropoutType = dropoutType == null || dropoutType.isBlank() ? "none" : dropoutType;
        placement = placement == null ? "" : placement;
        dataType = dataType == null ? "" : dataType;
        rawScores = rawScores == null ? new double[0] : rawScores.clone();
        settings = settings == null ? PointSettings.DEFAULT : settings;
        efficiency = efficiency == null ? Efficiency.UNKNOWN : efficiency;
        schedule = schedule == null ? "" : schedule;
        jvmArgs = jvmArgs == null ? "" : jvmArgs;
        engineRun = engineRun == null ? EngineRun.UNKNOWN : engineRun;
        if (forkResults == null || forkResults.isEmpty()) {
            forkResults = evenSplit(rawScores, forks);
        } else {
            forkResults = List.copyOf(forkResults);
            if (!Arrays.equals(flatten(forkResults), rawScores)) {
                throw new IllegalArgumentException("raw scores must be the forks' iterations, fork after fork");
            }
        }
        if (!forkResults.isEmpty()) {
            forks = forkResults.size();
        }
    }

    /**
     * A row measured fork by fork: raw scores, iteration and fork counts follow from {@code forks}, which must hold
     * at least one fork.
     */
    public BenchRow withForkResults(String scheduleText, List<ForkResult> forkList) {
        double[] raw = flatten(forkList);
        return new BenchRow(provenance, model, dropoutType, dropoutRate, placement, variant, phase, batchSize,
                dataType, score, scoreError, unit, samplesPerSecond, msPerBatch, raw.length, forkList.size(), raw,
                settings, efficiency, scheduleText, forkList, jvmArgs, engineRun, allocBytesPerOp);
    }

    /** The same row with the forks' JVM arguments recorded. */
    public BenchRow withJvmArgs(String args) {
        return new BenchRow(provenance, model, dropoutType, dropoutRate, placement, variant, phase, batchSize,
                dataType, score, scoreError, unit, samplesPerSecond, msPerBatch, iterations, forks, rawScores,
                settings, efficiency, schedule, forkResults, args, engineRun, allocBytesPerOp);
    }

    /** The same row with what its engine reported. */
    public BenchRow withEngineRun(EngineRun run) {
        return new BenchRow(provenance, model, dropoutType, dropoutRate, placement, variant, phase, batchSize,
                dataType, score, scoreError, unit, samplesPerSecond, msPerBatch, iterations, forks, rawScores,
                settings, efficiency, schedule, forkResults, jvmArgs, run, allocBytesPerOp);
    }

    /** The same row with the allocation JMH's GC profiler measured per op; NaN when not measured. */
    public BenchRow withAllocation(double bytesPerOp) {
        return new BenchRow(provenance, model, dropoutType, dropoutRate, placement, variant, phase, batchSize,
                dataType, score, scoreError, unit, samplesPerSecond, msPerBatch, iterations, forks, rawScores,
                settings, efficiency, schedule, forkResults, jvmArgs, engineRun, bytesPerOp);
    }

    private static double[] flatten(List<ForkResult> forkList) {
        return forkList.stream().flatMapToDouble(f -> Arrays.stream(f.iterations())).toArray();
    }

    /**
     * Legacy rows: JMH wrote a row's iterations fork after fork, so the raw scores split into {@code forks} equal
     * runs. A row that cannot be split (no fork count, or one that does not divide the iterations, as in files
     * written by hand) counts as a single fork: the conservative reading.
     */
    private static List<ForkResult> evenSplit(double[] raw, int forks) {
        if (raw.length == 0) {
            return List.of();
        }
        if (forks <= 1 || raw.length % forks != 0) {
            return List.of(ForkResult.ofIterations(raw));
        }
        int per = raw.length / forks;
        List<ForkResult> out = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            out.add(ForkResult.ofIterations(Arrays.copyOfRange(raw, f * per, (f + 1) * per)));
        }
        return List.copyOf(out);
    }

    /** One level per fork ({@link ForkResult#level()}), in fork order. */
    public double[] forkLevels() {
        return forkResults.stream().mapToDouble(ForkResult::level).toArray();
    }

    /**
     * The mean of the fork levels with its standard error between forks: the estimate every interval of the suite
     * starts from. With one fork the standard error is unknown (NaN) and no interval can be built.
     */
    public Estimate forkEstimate() {
        return Estimate.ofScores(forkLevels());
    }

    /** The median over forks of each fork's drift ({@link ForkResult#driftPercent()}); NaN when none has one. */
    public double driftPercent() {
        double[] d = forkResults.stream().mapToDouble(ForkResult::driftPercent).filter(Double::isFinite).toArray();
        return d.length == 0 ? Double.NaN : new Median().evaluate(d);
    }

    /** The same row with efficiency figures. */
    public BenchRow withEfficiency(Efficiency e) {
        return new BenchRow(provenance, model, dropoutType, dropoutRate, placement, variant, phase, batchSize,
                dataType, score, scoreError, unit, samplesPerSecond, msPerBatch, iterations, forks, rawScores,
                settings, e, schedule, forkResults, jvmArgs, engineRun, allocBytesPerOp);
    }

    /** A copy: records expose their components, and an array would let callers change a row after validation. */
    @Override
    public double[] rawScores() {
        return rawScores.clone();
    }

    /**
     * The 95 % t-interval half-width of the mean fork level, in percent of that mean; NaN with fewer than two forks.
     * This is the noise a reader should compare a difference against: it includes JVM-to-JVM and, with rounds spread
     * over the run, time-of-day variation, which iterations of one JVM do not show.
     */
    public double relativeHalfWidthPercent() {
        if (forkResults.size() < 2) {
            return Double.NaN;
        }
        Estimate e = forkEstimate();
        double[] ci = e.interval(0.95);
        return 100 * (ci[1] - ci[0]) / 2 / e.mean();
    }

    public BenchmarkKey key() {
        return new BenchmarkKey(model, variant, phase, batchSize, dataType, provenance.backend(), provenance.threads(),
                settings);
    }

    public boolean isBaselineVariant() {
        return "none".equals(dropoutType);
    }

    public Direction direction() {
        return Direction.ofUnit(unit);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BenchRow r && provenance.equals(r.provenance) && model.equals(r.model)
                && dropoutType.equals(r.dropoutType) && Double.compare(dropoutRate, r.dropoutRate) == 0
                && placement.equals(r.placement) && variant.equals(r.variant) && phase.equals(r.phase)
                && batchSize == r.batchSize && dataType.equals(r.dataType) && Double.compare(score, r.score) == 0
                && Double.compare(scoreError, r.scoreError) == 0 && unit.equals(r.unit)
                && Double.compare(samplesPerSecond, r.samplesPerSecond) == 0
                && Double.compare(msPerBatch, r.msPerBatch) == 0 && iterations == r.iterations && forks == r.forks
                && Arrays.equals(rawScores, r.rawScores) && settings.equals(r.settings)
                && efficiency.equals(r.efficiency) && schedule.equals(r.schedule)
                && forkResults.equals(r.forkResults) && jvmArgs.equals(r.jvmArgs)
                && Double.compare(allocBytesPerOp, r.allocBytesPerOp) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(provenance, model, variant, phase, batchSize, dataType, score) * 31
                + Arrays.hashCode(rawScores);
    }

    @Override
    public String toString() {
        return "BenchRow[" + key() + ", score=" + score + " ± " + scoreError + " " + unit + ", raw="
                + Arrays.toString(rawScores) + "]";
    }
}
