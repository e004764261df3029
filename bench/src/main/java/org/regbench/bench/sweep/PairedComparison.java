package org.regbench.bench.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.Variant;

/**
 * Every variant against no dropout trained with the same seed on the same data (same model, data set, training-set
 * size and early stopping): the difference in test accuracy and test log-loss of the tested weights, averaged over
 * seeds with a 95 % paired-t interval. Which dropout variant a reader should take is chosen on validation accuracy
 * alone, among the variants in the documents' range (every site's rate at most 0.5), so that the test set judges the
 * choice instead of making it.
 */
public final class PairedComparison {

    /** The documents' range: "typically between 0.2 and 0.5". Higher rates are diagnostics, not candidates. */
    static final double CANDIDATE_MAX_RATE = 0.5;

    private PairedComparison() {
    }

    public static List<PairedRow> compare(List<RunResult> results) {
        Map<String, Map<Variant, Map<Long, RunResult>>> groups = new LinkedHashMap<>();
        for (RunResult r : results) {
            TrainingRun run = r.run();
            String key = run.variant().model().text() + "|" + run.dataset() + "|" + run.trainSize() + "|"
                    + run.earlyStoppingPatience();
            groups.computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .computeIfAbsent(run.variant(), v -> new TreeMap<>()).put(run.seed(), r);
        }
        List<PairedRow> out = new ArrayList<>();
        for (Map<Variant, Map<Long, RunResult>> group : groups.values()) {
            Variant none = group.keySet().stream().filter(v -> !v.hasDropout() && v.regularizers().isEmpty())
                    .findFirst().orElse(null);
            if (none == null) {
                continue;
            }
            Map<Long, RunResult> reference = group.get(none);
            List<PairedRow> rows = new ArrayList<>();
            for (Map.Entry<Variant, Map<Long, RunResult>> e : group.entrySet()) {
                rows.add(row(e.getKey(), e.getValue(), e.getKey().equals(none) ? null : reference));
            }
            int chosen = -1;
            for (int i = 0; i < rows.size(); i++) {
                PairedRow r = rows.get(i);
                if (isCandidate(r.variant()) && (chosen < 0 || better(r, rows.get(chosen)))) {
                    chosen = i;
                }
            }
            if (chosen >= 0) {
                rows.set(chosen, rows.get(chosen).selected());
            }
            out.addAll(rows);
        }
        return out;
    }

    /** A dropout variant without other regularizers and no site above the documents' range. */
    static boolean isCandidate(Variant v) {
        return v.hasDropout() && v.regularizers().isEmpty()
                && v.siteRates().values().stream().mapToDouble(DropRate::value).max().orElse(0) <= CANDIDATE_MAX_RATE;
    }

    /** Higher mean validation accuracy (on a tie, the first in plan order stays). */
    private static boolean better(PairedRow a, PairedRow b) {
        return a.valAccuracyMean() > b.valAccuracyMean();
    }

    private static PairedRow row(Variant v, Map<Long, RunResult> runs, Map<Long, RunResult> reference) {
        RunResult first = runs.values().iterator().next();
        double val = mean(runs, r -> r.tested().valAccuracy());
        double acc = mean(runs, r -> r.tested().testAccuracy());
        double loss = mean(runs, r -> r.tested().testLoss());
        if (reference == null) {
            PairedDifference empty = PairedDifference.of(new double[0]);
            return new PairedRow(v, first.run().dataset(), first.run().trainSize(), first.run().earlyStoppingPatience(),
                    runs.size(), val, acc, loss, empty, empty, empty, false);
        }
        List<Long> seeds = runs.keySet().stream().filter(reference::containsKey).toList();
        return new PairedRow(v, first.run().dataset(), first.run().trainSize(), first.run().earlyStoppingPatience(),
                seeds.size(), val, acc, loss,
                diff(seeds, runs, reference, r -> r.tested().valAccuracy()),
                diff(seeds, runs, reference, r -> r.tested().testAccuracy()),
                diff(seeds, runs, reference, r -> r.tested().testLoss()), false);
    }

    static PairedDifference diff(List<Long> seeds, Map<Long, RunResult> a, Map<Long, RunResult> b,
                                 ToDoubleFunction<RunResult> metric) {
        return PairedDifference.of(seeds.stream().mapToDouble(s -> metric.applyAsDouble(a.get(s))
                - metric.applyAsDouble(b.get(s))).toArray());
    }

    private static double mean(Map<Long, RunResult> runs, ToDoubleFunction<RunResult> metric) {
        return runs.values().stream().mapToDouble(metric).average().orElse(Double.NaN);
    }

    public static String table(List<PairedRow> rows) {
        StringBuilder sb = new StringBuilder("\nAgainst no dropout with the same seed (test metrics of the tested weights;"
                + " 95 % paired-t intervals; chosen on validation accuracy, never on test):\n");
        String group = null;
        for (PairedRow r : rows) {
            String g = r.variant().model().text() + " " + r.dataset() + " n=" + r.trainSize();
            if (!g.equals(group)) {
                group = g;
                sb.append(String.format("%n  %s%n  %-30s %5s %8s %8s %28s %30s%n", g, "variant", "seeds", "val acc",
                        "test acc", "test acc - none", "test log-loss - none"));
            }
            sb.append(String.format("  %-30s %5d %8.4f %8.4f %28s %30s%s%n", r.variant().text(), r.pairs(),
                    r.valAccuracyMean(), r.testAccuracyMean(),
                    r.isReference() ? "reference" : r.testAccuracy().points(),
                    r.isReference() ? "reference" : r.testLoss().plain("%+.4f"),
                    r.selectedOnValidation() ? "  <- chosen on validation" : ""));
        }
        return sb.toString();
    }
}
