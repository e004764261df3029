package org.regbench.results.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.regbench.results.BenchRow;
import org.regbench.results.Direction;

/**
 * Pairs every variant with the no-dropout row of the same model, phase, batch size, data type and configuration
 * (backend build, ND4J threads, DL4J settings: everything in the benchmark key but the variant) and computes the
 * overhead with a 95 % Fieller interval on the raw per-iteration scores. Adds derived backward lines where both
 * forward-backward and forward-train were measured in the same configuration.
 */
public final class OverheadCalculator {

    public static final double CONFIDENCE = 0.95;
    /** JMH reports 99.9 % half-widths; derived rows use the same level so the ± column means one thing. */
    static final double ERROR_CONFIDENCE = 0.999;

    private OverheadCalculator() {
    }

    public static List<OverheadLine> compute(List<BenchRow> rows) {
        List<Point> points = new ArrayList<>();
        for (BenchRow r : rows) {
            points.add(Point.measured(r));
        }
        points.addAll(backwardPoints(rows));
        Map<String, Point> references = new HashMap<>();
        for (Point p : points) {
            if ("none".equals(p.dropoutType)) {
                references.put(p.groupKey(), p);
            }
        }
        List<OverheadLine> lines = new ArrayList<>();
        for (Point p : points) {
            Point ref = references.get(p.groupKey());
            Optional<Overhead> overhead = ref == null || p == ref ? Optional.empty()
                    : Optional.of(overhead(p, ref));
            lines.add(new OverheadLine(p.model, p.variant, p.dropoutType, p.rate, p.phase, p.batch, p.ms, p.msError,
                    p.samplesPerSecond, overhead, p.derived, p.configuration));
        }
        lines.sort(Comparator.comparing(OverheadLine::model).thenComparing(OverheadLine::configuration)
                .thenComparingInt(l -> phaseRank(l.phase()))
                .thenComparing(OverheadLine::phase)
                .thenComparingInt(OverheadLine::batchSize).thenComparing(l -> !l.isReference())
                .thenComparing(OverheadLine::dropoutType).thenComparingDouble(OverheadLine::dropoutRate)
                .thenComparing(OverheadLine::variant));
        return lines;
    }

    /** The order a reader expects: cheapest phase first, the derived backward next to what it comes from. */
    static int phaseRank(String phase) {
        int i = List.of("inference", "forward-train", "forward-backward", "backward", "train-step").indexOf(phase);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** Overhead of a variant against the same model without dropout, from the rows' raw scores. */
    public static Overhead overhead(BenchRow variant, BenchRow reference) {
        return overhead(Point.measured(variant), Point.measured(reference));
    }

    private static Overhead overhead(Point variant, Point reference) {
        boolean time = variant.direction == Direction.LOWER_IS_BETTER;
        Estimate num = time ? variant.estimate : reference.estimate;
        Estimate den = time ? reference.estimate : variant.estimate;
        return Overhead.of(RatioInterval.fieller(num, den, CONFIDENCE));
    }

    private static List<Point> backwardPoints(List<BenchRow> rows) {
        Map<String, BenchRow> forwardTrain = new HashMap<>();
        for (BenchRow r : rows) {
            if ("forward-train".equals(r.phase())) {
                forwardTrain.put(r.variant() + "|" + r.batchSize() + "|" + r.dataType() + "|" + configuration(r), r);
            }
        }
        List<Point> out = new ArrayList<>();
        for (BenchRow fb : rows) {
            BenchRow ft = forwardTrain.get(fb.variant() + "|" + fb.batchSize() + "|" + fb.dataType() + "|"
                    + configuration(fb));
            if (!"forward-backward".equals(fb.phase()) || ft == null || !fb.unit().equals(ft.unit())
                    || fb.direction() != Direction.LOWER_IS_BETTER) {
                continue;
            }
            Estimate e = BackwardTime.estimate(fb, ft);
            double toMs = msPerUnit(fb);
            double[] ci = e.interval(ERROR_CONFIDENCE);
            double ms = e.mean() * toMs;
            out.add(new Point(fb.model(), fb.variant(), fb.dropoutType(), fb.dropoutRate(), "backward",
                    fb.batchSize(), fb.dataType(), ms, (ci[1] - e.mean()) * toMs, fb.batchSize() * 1000.0 / ms, e,
                    Direction.LOWER_IS_BETTER, true, configuration(fb)));
        }
        return out;
    }

    /**
     * What a row was run on besides its variant, e.g. {@code cpu-avx512 t1 ws=ENABLED NCHW helpers=off}: rows that
     * differ here are never each other's reference, since the configuration alone moves times by tens of percent.
     */
    static String configuration(BenchRow r) {
        return r.provenance().backend() + " t" + r.provenance().threads() + " " + r.settings().text();
    }

    /** Milliseconds per one unit of the row's score, for time units; taken from the row's own ms_per_batch. */
    private static double msPerUnit(BenchRow r) {
        return Double.isFinite(r.msPerBatch()) && r.score() > 0 ? r.msPerBatch() / r.score() : 1;
    }

    private record Point(String model, String variant, String dropoutType, double rate, String phase, int batch,
                         String dataType, double ms, double msError, double samplesPerSecond, Estimate estimate,
                         Direction direction, boolean derived, String configuration) {

        static Point measured(BenchRow r) {
            double ms = Double.isFinite(r.msPerBatch()) ? r.msPerBatch() : r.score();
            double msError = r.scoreError() * ms / r.score();
            double sps = Double.isFinite(r.samplesPerSecond()) ? r.samplesPerSecond() : r.batchSize() * 1000.0 / ms;
            return new Point(r.model(), r.variant(), r.dropoutType(), r.dropoutRate(), r.phase(), r.batchSize(),
                    r.dataType(), ms, msError, sps, Estimate.ofScores(r.rawScores()), r.direction(), false,
                    OverheadCalculator.configuration(r));
        }

        String groupKey() {
            return model + "|" + phase + "|" + batch + "|" + dataType + "|" + configuration;
        }
    }
}
