package org.regbench.results;

import java.util.Arrays;
import java.util.Objects;

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
 */
public record BenchRow(Provenance provenance, String model, String dropoutType, double dropoutRate, String placement,
                       String variant, String phase, int batchSize, String dataType, double score, double scoreError,
                       String unit, double samplesPerSecond, double msPerBatch, int iterations, int forks,
                       double[] rawScores, PointSettings settings, Efficiency efficiency) {

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
    }

    /** The same row with efficiency figures. */
    public BenchRow withEfficiency(Efficiency e) {
        return new BenchRow(provenance, model, dropoutType, dropoutRate, placement, variant, phase, batchSize,
                dataType, score, scoreError, unit, samplesPerSecond, msPerBatch, iterations, forks, rawScores,
                settings, e);
    }

    /** A copy: records expose their components, and an array would let callers change a row after validation. */
    @Override
    public double[] rawScores() {
        return rawScores.clone();
    }

    /**
     * The 95 % t-interval half-width of the mean iteration score, in percent of the mean; NaN with fewer than two
     * iterations. This is the within-run noise a reader should compare a difference against.
     */
    public double relativeHalfWidthPercent() {
        if (rawScores.length < 2) {
            return Double.NaN;
        }
        org.regbench.results.stats.Estimate e = org.regbench.results.stats.Estimate.ofScores(rawScores);
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
                && efficiency.equals(r.efficiency);
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
