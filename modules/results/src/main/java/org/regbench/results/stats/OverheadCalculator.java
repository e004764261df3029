package org.regbench.results.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.regbench.results.BenchRow;
import org.regbench.results.ForkResult;
import org.regbench.results.Direction;

/**
 * Pairs every variant with the no-dropout row of the same model, phase, batch size, data type and configuration
 * (backend build, ND4J threads, DL4J settings: everything in the benchmark key but the variant) and computes the
 * overhead from fork levels, never from pooled iterations: paired by round when the run was interleaved
 * ({@link PairedRatio}), otherwise a Fieller interval on the two sides' fork levels; one fork per side gives no
 * interval. Adds derived backward lines where both forward-backward and forward-train were measured in the same
 * configuration.
 */
public final class OverheadCalculator {

    public static final double CONFIDENCE = 0.95;

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
    public static int phaseRank(String phase) {
        int i = List.of("inference", "forward-train", "forward-backward", "backward", "train-step").indexOf(phase);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /**
     * The time of {@code variant} against {@code reference}, from their forks: any two rows of one run, e.g. a
     * dropout variant against {@code none}, or one configuration against another.
     */
    public static Overhead overhead(BenchRow variant, BenchRow reference) {
        return overhead(Point.measured(variant), Point.measured(reference));
    }

    private static Overhead overhead(Point variant, Point reference) {
        boolean time = variant.direction == Direction.LOWER_IS_BETTER;
        Point num = time ? variant : reference;
        Point den = time ? reference : variant;
        Optional<RatioInterval> paired = num.derived || den.derived
                ? PairedRatio.of(num.levelsByRound, den.levelsByRound, CONFIDENCE)
                : PairedRatio.ofForks(num.forksByRound, den.forksByRound, CONFIDENCE);
        if (paired.isPresent()) {
            long rounds = num.levelsByRound.keySet().stream().filter(den.levelsByRound::containsKey).count();
            return Overhead.of(paired.get(), "paired t on log ratios, " + rounds + " rounds");
        }
        if (num.estimate.degreesOfFreedom() >= 1 && den.estimate.degreesOfFreedom() >= 1) {
            return Overhead.of(RatioInterval.fieller(num.estimate, den.estimate, CONFIDENCE),
                    "Fieller on fork levels, " + (int) (num.estimate.degreesOfFreedom() + 1) + " and "
                            + (int) (den.estimate.degreesOfFreedom() + 1) + " forks");
        }
        double r = num.estimate.mean() / den.estimate.mean();
        return new Overhead(r, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, CONFIDENCE,
                "one fork on a side: no interval");
    }

    /**
     * Backward = forward-backward − forward-train. Round by round where the run was interleaved (each round's
     * difference of fork levels is one backward level, paired with the reference's in the same round), otherwise
     * from the two fork-level estimates with Welch's degrees of freedom.
     */
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
            Map<Integer, Double> fbRounds = PairedRatio.levelsByRound(fb.forkResults());
            Map<Integer, Double> ftRounds = PairedRatio.levelsByRound(ft.forkResults());
            Map<Integer, Double> rounds = new HashMap<>();
            fbRounds.forEach((round, level) -> {
                if (ftRounds.containsKey(round)) {
                    rounds.put(round, level - ftRounds.get(round));
                }
            });
            Estimate e = rounds.size() >= 2
                    ? Estimate.ofScores(rounds.values().stream().mapToDouble(Double::doubleValue).toArray())
                    : BackwardTime.estimate(fb, ft);
            double toMs = msPerUnit(fb);
            double ms = e.mean() * toMs;
            out.add(new Point(fb.model(), fb.variant(), fb.dropoutType(), fb.dropoutRate(), "backward",
                    fb.batchSize(), fb.dataType(), ms, halfWidth(e) * toMs, fb.batchSize() * 1000.0 / ms, e,
                    rounds.size() >= 2 ? rounds : Map.of(), Map.of(), Direction.LOWER_IS_BETTER, true,
                    configuration(fb)));
        }
        return out;
    }

    /** The 95 % half-width of an estimate; NaN without one (a single fork). */
    static double halfWidth(Estimate e) {
        double[] ci = e.interval(CONFIDENCE);
        return Double.isFinite(ci[1]) ? ci[1] - e.mean() : Double.NaN;
    }

    /**
     * What a row was run on besides its variant, e.g. {@code cpu-avx512 t1 ws=ENABLED NCHW helpers=off}: rows that
     * differ here are never each other's reference, since the configuration alone moves times by tens of percent.
     */
    public static String configuration(BenchRow r) {
        return r.provenance().backend() + " t" + r.provenance().threads() + " " + r.settings().text();
    }

    /** Milliseconds per one unit of the row's score, for time units; taken from the row's own ms_per_batch. */
    private static double msPerUnit(BenchRow r) {
        return Double.isFinite(r.msPerBatch()) && r.score() > 0 ? r.msPerBatch() / r.score() : 1;
    }

    private record Point(String model, String variant, String dropoutType, double rate, String phase, int batch,
                         String dataType, double ms, double msError, double samplesPerSecond, Estimate estimate,
                         Map<Integer, Double> levelsByRound, Map<Integer, ForkResult> forksByRound,
                         Direction direction, boolean derived,
                         String configuration) {

        static Point measured(BenchRow r) {
            double ms = Double.isFinite(r.msPerBatch()) ? r.msPerBatch() : r.score();
            Estimate forks = r.forkEstimate();
            double msError = halfWidth(forks) * ms / r.score();
            double sps = Double.isFinite(r.samplesPerSecond()) ? r.samplesPerSecond() : r.batchSize() * 1000.0 / ms;
            return new Point(r.model(), r.variant(), r.dropoutType(), r.dropoutRate(), r.phase(), r.batchSize(),
                    r.dataType(), ms, msError, sps, forks, PairedRatio.levelsByRound(r.forkResults()),
                    PairedRatio.forksByRound(r.forkResults()), r.direction(), false,
                    OverheadCalculator.configuration(r));
        }

        String groupKey() {
            return model + "|" + phase + "|" + batch + "|" + dataType + "|" + configuration;
        }
    }
}
