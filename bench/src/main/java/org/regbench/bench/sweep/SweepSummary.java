package org.regbench.bench.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.Variant;

/**
 * Summarizes runs over seeds: validation and test accuracy of the tested weights, the generalization gap (training
 * accuracy minus test accuracy, both of the tested weights, so an early-stopped run's gap does not mix its last
 * epoch's training accuracy with its best epoch's test accuracy), epochs and seconds to a target validation
 * accuracy, and the training cost per epoch relative to the same model without dropout. Epoch time is the median
 * over all epochs of all seeds: a run that meets a still-compiling JIT or a busy neighbour pays in a few epochs, and
 * the median does not let those decide the cost. The best variant of each group (model, data set, size, early
 * stopping) is the one with the highest mean <em>validation</em> accuracy: test accuracy is reported, never used to
 * choose.
 */
public final class SweepSummary {

    private SweepSummary() {
    }

    public static List<SummaryRow> summarize(List<RunResult> results, double target) {
        Map<String, List<RunResult>> byKey = new LinkedHashMap<>();
        for (RunResult r : results) {
            String key = r.run().variant().text() + "|" + r.run().dataset() + "|" + r.run().trainSize() + "|"
                    + r.run().earlyStoppingPatience();
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<SummaryRow> rows = new ArrayList<>();
        for (List<RunResult> runs : byKey.values()) {
            rows.add(summarizeOne(runs, target));
        }
        Map<String, Double> noneCost = new LinkedHashMap<>();
        Map<String, Double> bestValidation = new LinkedHashMap<>();
        for (SummaryRow r : rows) {
            if (r.variant().type() == DropoutType.NONE && r.variant().regularizers().isEmpty()) {
                noneCost.put(r.group(), r.epochSecondsMedian());
            }
            bestValidation.merge(r.group(), r.valAccuracyMean(), Math::max);
        }
        List<SummaryRow> out = new ArrayList<>();
        for (SummaryRow r : rows) {
            Double base = noneCost.get(r.group());
            double cost = base == null ? Double.NaN : r.epochSecondsMedian() / base;
            out.add(r.withCostAndBest(cost, r.valAccuracyMean() == bestValidation.get(r.group())));
        }
        return out;
    }

    private static SummaryRow summarizeOne(List<RunResult> runs, double target) {
        DescriptiveStatistics test = new DescriptiveStatistics();
        DescriptiveStatistics val = new DescriptiveStatistics();
        DescriptiveStatistics train = new DescriptiveStatistics();
        DescriptiveStatistics gap = new DescriptiveStatistics();
        DescriptiveStatistics epochs = new DescriptiveStatistics();
        DescriptiveStatistics tested = new DescriptiveStatistics();
        DescriptiveStatistics toTarget = new DescriptiveStatistics();
        DescriptiveStatistics secondsToTarget = new DescriptiveStatistics();
        DescriptiveStatistics epochSeconds = new DescriptiveStatistics();
        for (RunResult r : runs) {
            EpochMetrics t = r.tested();
            test.addValue(t.testAccuracy());
            val.addValue(t.valAccuracy());
            train.addValue(t.trainAccuracy());
            gap.addValue(t.trainAccuracy() - t.testAccuracy());
            epochs.addValue(r.epochs().size());
            tested.addValue(t.epoch());
            r.epochs().forEach(e -> epochSeconds.addValue(e.epochSeconds()));
            int reached = r.epochsTo(target);
            if (reached > 0) {
                toTarget.addValue(reached);
                secondsToTarget.addValue(r.secondsTo(reached));
            }
        }
        TrainingRun first = runs.get(0).run();
        Variant v = first.variant();
        return new SummaryRow(v, first.dataset(), first.trainSize(), first.earlyStoppingPatience(), runs.size(),
                epochs.getMean(), tested.getMean(), train.getMean(), val.getMean(), test.getMean(), sd(test),
                gap.getMean(), sd(gap), target, (int) toTarget.getN(),
                toTarget.getN() == 0 ? Double.NaN : toTarget.getMean(),
                secondsToTarget.getN() == 0 ? Double.NaN : secondsToTarget.getMean(), epochSeconds.getPercentile(50),
                Double.NaN, false);
    }

    /** Sample standard deviation; 0 for a single seed rather than NaN, since there is no spread to report. */
    private static double sd(DescriptiveStatistics s) {
        return s.getN() < 2 ? 0.0 : s.getStandardDeviation();
    }

    public static String table(List<SummaryRow> rows) {
        StringBuilder sb = new StringBuilder();
        String group = null;
        for (SummaryRow r : rows) {
            if (!r.group().equals(group)) {
                group = r.group();
                sb.append(String.format("%n%s on %s, %d training examples%s, target val accuracy %.3f"
                                + " (best: highest mean validation accuracy; test is never used to choose)%n",
                        r.variant().model().text(), r.dataset(), r.trainSize(),
                        r.earlyStopping() > 0 ? ", early stopping" : "", r.target()));
                sb.append(String.format("  %-36s %6s %8s %17s %8s %7s %8s %9s %9s %7s%n", "variant", "rate", "val acc",
                        "test acc (sd)", "gap", "tested", "epochs", "to target", "s to tgt", "cost"));
            }
            sb.append(String.format("  %-36s %6s %8.4f %8.4f (%6.4f) %8.4f %7.1f %8.1f %9s %9s %7s%s%n",
                    r.variant().text(), r.variant().rate().text(), r.valAccuracyMean(), r.testAccuracyMean(),
                    r.testAccuracySd(), r.gapMean(), r.testedEpochMean(), r.epochsMean(),
                    Double.isNaN(r.epochsToTargetMean()) ? "-" : String.format("%.1f", r.epochsToTargetMean()),
                    Double.isNaN(r.secondsToTargetMean()) ? "-" : String.format("%.1f", r.secondsToTargetMean()),
                    Double.isNaN(r.costVsNone()) ? "-" : String.format("%.2fx", r.costVsNone()),
                    r.best() ? "  <- best on validation" : ""));
        }
        return sb.toString();
    }
}
