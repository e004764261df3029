package org.regbench.bench.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.Placement;
import org.regbench.zoo.Variant;

/**
 * The reproduction study's pre-registered checks and the source documents' claims, computed from the runs (never
 * written by hand). The rules were fixed before the run; each line says what it measured and whether the numbers
 * confirm it. "Full data" is the largest training set of the sweep; "the chosen variant" is the dropout variant with
 * the highest mean validation accuracy among those in the documents' range ({@link PairedComparison}); every
 * difference is paired by seed against no dropout, with a 95 % paired-t interval.
 *
 * <ul>
 *   <li>(a) without dropout the validation loss reaches its minimum before the last epoch and then rises (the rise's
 *   interval above 0); the chosen variant reaches its minimum later (interval of the epoch difference above 0) and
 *   lower (interval of the loss difference below 0);</li>
 *   <li>(b) the chosen variant's test accuracy at the early-stopped optimum beats no dropout's (interval above 0);</li>
 *   <li>(c) the gain of {@code paper} over no dropout is smaller at the smallest training set than on full data
 *   (interval of the per-seed change below 0);</li>
 *   <li>(d) rates of 0.8 and above underfit: training error within 1 point of test error, and test accuracy below no
 *   dropout's (interval below 0);</li>
 *   <li>sanity: no dropout reaches 86-90 % test accuracy, the range of small Adam MLPs on Fashion-MNIST.</li>
 * </ul>
 */
public final class ReproductionChecks {

    static final double SANITY_LOW = 0.86;
    static final double SANITY_HIGH = 0.90;
    static final double UNDERFIT_GAP = 0.01;
    static final double UNDERFIT_RATE = 0.8;
    static final double MC_MARGIN = 0.005;

    private ReproductionChecks() {
    }

    /** Every check and claim line; lines whose runs the sweep lacks say "not testable here" and why. */
    public static List<CheckRow> evaluate(List<RunResult> results, List<McResult> mc) {
        Data d = Data.of(results);
        List<CheckRow> out = new ArrayList<>();
        if (d == null) {
            String why = "the sweep has no no-dropout runs to compare with";
            for (String[] c : CHECKS) {
                out.add(CheckRow.untestable("check", c[0], String.format(Locale.ROOT, c[1], "1,000"), why));
            }
            for (String[] c : CLAIMS) {
                out.add(CheckRow.untestable("claim", c[0], c[1], why));
            }
            return out;
        }
        out.add(checkA(d));
        out.add(checkB(d));
        out.add(checkC(d));
        out.add(checkD(d));
        out.add(sanity(d));
        out.add(overfitting(d));
        out.add(convergence(d));
        out.add(smallData(d));
        out.add(rates(d));
        out.add(monteCarlo(d, mc));
        return out;
    }

    static final String[][] CHECKS = {
        {"a", "Without dropout the validation loss reaches its minimum earlier and then rises; with dropout the"
                + " minimum comes later and lower"},
        {"b", "The dropout variant chosen on validation beats no dropout on test accuracy at the early-stopped"
                + " optimum (95 % interval above 0)"},
        {"c", "The gain shrinks or reverses on a small training set (n = %s against full data)"},
        {"d", "Rates of 0.8-0.9 underfit: training error as high as test error (within 1 point), test accuracy"
                + " below no dropout's"},
        {"sanity", "No dropout reaches the ~88 % (86-90 %) test accuracy of small Adam MLPs on Fashion-MNIST"}};

    static final String[][] CLAIMS = {
        {"overfitting", "Dropout reduces overfitting: a smaller gap between training and test accuracy"},
        {"convergence", "Dropout makes training slower: more epochs to converge (the paper: 2-3 times longer)"},
        {"small-data", "Dropout does not help (may hurt) on very small data sets"},
        {"rates", "Rates of 0.2 on the input and 0.5 on hidden units work well (Srivastava et al.'s recipe)"},
        {"monte-carlo", "Averaging k stochastic passes (Monte-Carlo dropout) matches ordinary weight-scaled inference"
                + " at about k = 50 (Fig. 11)"}};

    /** The runs the checks read, by size, variant and seed. */
    private record Data(int full, Map<Integer, Map<Variant, Map<Long, RunResult>>> bySize, Variant none,
                        Optional<Variant> chosen, List<PairedRow> paired, int epochs) {

        static Data of(List<RunResult> results) {
            Map<Integer, Map<Variant, Map<Long, RunResult>>> bySize = new TreeMap<>();
            for (RunResult r : results) {
                if (r.run().earlyStoppingPatience() > 0 || !r.run().variant().regularizers().isEmpty()) {
                    continue;
                }
                bySize.computeIfAbsent(r.run().trainSize(), k -> new java.util.LinkedHashMap<>())
                        .computeIfAbsent(r.run().variant(), v -> new TreeMap<>()).put(r.run().seed(), r);
            }
            Optional<Integer> full = bySize.entrySet().stream()
                    .filter(e -> e.getValue().keySet().stream().anyMatch(v -> !v.hasDropout()))
                    .map(Map.Entry::getKey).max(Integer::compare);
            if (full.isEmpty()) {
                return null;
            }
            Variant none = bySize.get(full.get()).keySet().stream().filter(v -> !v.hasDropout()).findFirst()
                    .orElseThrow();
            List<RunResult> fullRuns = bySize.get(full.get()).values().stream()
                    .flatMap(m -> m.values().stream()).toList();
            List<PairedRow> paired = PairedComparison.compare(fullRuns);
            Optional<Variant> chosen = paired.stream().filter(PairedRow::selectedOnValidation).map(PairedRow::variant)
                    .findFirst();
            int epochs = fullRuns.get(0).run().epochs();
            return new Data(full.get(), bySize, none, chosen, paired, epochs);
        }

        Map<Long, RunResult> runs(int size, Variant v) {
            return bySize.getOrDefault(size, Map.of()).getOrDefault(v, Map.of());
        }

        Map<Long, RunResult> fullRuns(Variant v) {
            return runs(full, v);
        }

        Variant paper() {
            return Variant.of(none.model(), org.regbench.zoo.DropoutType.STANDARD, Placement.PAPER, DropRate.of(0.5),
                    List.of());
        }

        PairedRow pairedRow(Variant v) {
            return paired.stream().filter(p -> p.variant().equals(v)).findFirst().orElseThrow();
        }
    }

    private static CheckRow checkA(Data d) {
        String[] c = CHECKS[0];
        if (d.chosen().isEmpty()) {
            return CheckRow.untestable("check", c[0], c[1], "no dropout variant in the documents' range ran");
        }
        Map<Long, RunResult> none = d.fullRuns(d.none());
        Map<Long, RunResult> chosen = d.fullRuns(d.chosen().get());
        List<Long> seeds = seeds(none, chosen);
        PairedDifference rise = PairedDifference.of(none.values().stream()
                .mapToDouble(r -> r.last().valLoss() - r.minValLoss().valLoss()).toArray());
        PairedDifference later = PairedComparison.diff(seeds, chosen, none, r -> r.minValLoss().epoch());
        PairedDifference lower = PairedComparison.diff(seeds, chosen, none, r -> r.minValLoss().valLoss());
        int noneLast = none.values().stream().mapToInt(r -> r.minValLoss().epoch()).max().orElse(0);
        boolean earlyThenRises = noneLast < d.epochs() && rise.above(0);
        boolean confirmed = earlyThenRises && later.above(0) && lower.below(0);
        String measured = String.format(Locale.ROOT, "none: lowest validation loss at epoch %.1f of %d (latest %d),"
                        + " then %s by epoch %d; %s: %s epochs later, lowest loss %s",
                mean(none, r -> r.minValLoss().epoch()), d.epochs(), noneLast, rise.plain("%+.4f"), d.epochs(),
                d.chosen().get().text(), later.plain("%+.1f"), lower.plain("%+.4f"));
        return CheckRow.check(c[0], c[1], measured, confirmed, later);
    }

    private static CheckRow checkB(Data d) {
        String[] c = CHECKS[1];
        if (d.chosen().isEmpty()) {
            return CheckRow.untestable("check", c[0], c[1], "no dropout variant in the documents' range ran");
        }
        PairedRow row = d.pairedRow(d.chosen().get());
        PairedRow none = d.pairedRow(d.none());
        PairedDifference diff = row.testAccuracy();
        String reading = diff.above(0) ? "" : diff.below(0) ? "; dropout is worse" : "; the interval includes 0: no"
                + " gain established";
        String measured = String.format(Locale.ROOT, "%s (validation %.2f %% against %.2f %%): test %.2f %% against"
                        + " %.2f %%, %s over %d seeds%s", row.variant().text(), 100 * row.valAccuracyMean(),
                100 * none.valAccuracyMean(), 100 * row.testAccuracyMean(), 100 * none.testAccuracyMean(),
                diff.points(), diff.n(), reading);
        return CheckRow.check(c[0], c[1], measured, diff.above(0), diff);
    }

    private static CheckRow checkC(Data d) {
        Variant paper = d.paper();
        List<Integer> small = smallSizes(d);
        String[] c = {CHECKS[2][0], String.format(Locale.ROOT, CHECKS[2][1],
                small.isEmpty() ? "1,000" : String.format(Locale.ROOT, "%,d", small.get(0)))};
        if (small.isEmpty() || d.fullRuns(paper).isEmpty()) {
            return CheckRow.untestable("check", c[0], c[1], "the sweep has no small-data arm (none and paper below"
                    + " the full training set)");
        }
        int n = small.get(0);
        Map<Long, Double> fullGain = gains(d, d.full, paper);
        Map<Long, Double> smallGain = gains(d, n, paper);
        double[] change = smallGain.keySet().stream().filter(fullGain::containsKey)
                .mapToDouble(s -> smallGain.get(s) - fullGain.get(s)).toArray();
        PairedDifference shrink = PairedDifference.of(change);
        StringBuilder m = new StringBuilder("paper - none:");
        for (int size : small) {
            m.append(String.format(Locale.ROOT, " n=%,d %s;", size, gain(d, size, paper).points()));
        }
        m.append(String.format(Locale.ROOT, " n=%,d %s; change from full data to n=%,d: %s", d.full,
                gain(d, d.full, paper).points(), n, shrink.points()));
        return CheckRow.check(c[0], c[1], m.toString(), shrink.below(0), shrink);
    }

    private static CheckRow checkD(Data d) {
        String[] c = CHECKS[3];
        List<Variant> high = d.bySize.get(d.full).keySet().stream().filter(Variant::hasDropout)
                .filter(v -> maxRate(v) >= UNDERFIT_RATE).toList();
        if (high.isEmpty()) {
            return CheckRow.untestable("check", c[0], c[1], "not testable in this preset: no variant with a rate of"
                    + " 0.8 or more ran");
        }
        Map<Long, RunResult> none = d.fullRuns(d.none());
        boolean all = true;
        StringBuilder m = new StringBuilder();
        PairedDifference main = null;
        for (Variant v : high) {
            Map<Long, RunResult> runs = d.fullRuns(v);
            PairedDifference gap = PairedDifference.of(runs.values().stream()
                    .mapToDouble(r -> r.tested().trainAccuracy() - r.tested().testAccuracy()).toArray());
            PairedDifference vsNone = PairedComparison.diff(seeds(runs, none), runs, none,
                    r -> r.tested().testAccuracy());
            boolean underfits = gap.mean() < UNDERFIT_GAP && vsNone.below(0);
            all &= underfits;
            m.append(String.format(Locale.ROOT, "%s: training error %.2f %%, test error %.2f %% (test - training %s);"
                            + " test accuracy %s against none; ", v.text(),
                    100 * (1 - mean(runs, r -> r.tested().trainAccuracy())),
                    100 * (1 - mean(runs, r -> r.tested().testAccuracy())), gap.points(), vsNone.points()));
            main = main == null ? gap : main;
        }
        m.append(String.format(Locale.ROOT, "none's test - training error: %.2f pt",
                100 * mean(none, r -> r.tested().trainAccuracy() - r.tested().testAccuracy())));
        return CheckRow.check(c[0], c[1], m.toString(), all, main);
    }

    private static CheckRow sanity(Data d) {
        String[] c = CHECKS[4];
        Map<Long, RunResult> none = d.fullRuns(d.none());
        String dataset = none.values().iterator().next().run().dataset();
        if (!dataset.equals("fashion-mnist")) {
            return CheckRow.untestable("check", c[0], c[1], "the range is Fashion-MNIST's; this sweep ran " + dataset);
        }
        PairedDifference acc = PairedDifference.of(none.values().stream()
                .mapToDouble(r -> r.tested().testAccuracy()).toArray());
        boolean in = acc.mean() >= SANITY_LOW && acc.mean() <= SANITY_HIGH;
        String measured = String.format(Locale.ROOT, "%s: %.2f %% test accuracy (seeds %.2f-%.2f %%) on %,d"
                        + " training examples", d.none().text(), 100 * acc.mean(),
                100 * none.values().stream().mapToDouble(r -> r.tested().testAccuracy()).min().orElse(Double.NaN),
                100 * none.values().stream().mapToDouble(r -> r.tested().testAccuracy()).max().orElse(Double.NaN),
                d.full);
        return CheckRow.check(c[0], c[1], measured, in, acc);
    }

    private static CheckRow overfitting(Data d) {
        String[] c = CLAIMS[0];
        if (d.chosen().isEmpty()) {
            return CheckRow.untestable("claim", c[0], c[1], "no dropout variant in the documents' range ran");
        }
        Map<Long, RunResult> none = d.fullRuns(d.none());
        Map<Long, RunResult> chosen = d.fullRuns(d.chosen().get());
        List<Long> seeds = seeds(none, chosen);
        ToDoubleFunction<RunResult> finalGap = r -> r.last().trainAccuracy() - r.finalTestAccuracy();
        ToDoubleFunction<RunResult> testedGap = r -> r.tested().trainAccuracy() - r.tested().testAccuracy();
        PairedDifference atEnd = PairedComparison.diff(seeds, chosen, none, finalGap);
        String measured = String.format(Locale.ROOT, "training - test accuracy after all %d epochs: none %.2f pt,"
                        + " %s %.2f pt (%s); at the early-stopped optimum: %.2f pt against %.2f pt", d.epochs(),
                100 * mean(none, finalGap), d.chosen().get().text(), 100 * mean(chosen, finalGap), atEnd.points(),
                100 * mean(none, testedGap), 100 * mean(chosen, testedGap));
        return CheckRow.claim(c[0], c[1], measured, atEnd.below(0), atEnd);
    }

    private static CheckRow convergence(Data d) {
        String[] c = CLAIMS[1];
        if (d.chosen().isEmpty()) {
            return CheckRow.untestable("claim", c[0], c[1], "no dropout variant in the documents' range ran");
        }
        Map<Long, RunResult> none = d.fullRuns(d.none());
        Map<Long, RunResult> chosen = d.fullRuns(d.chosen().get());
        List<Long> seeds = seeds(none, chosen);
        PairedDifference epochs = PairedComparison.diff(seeds, chosen, none, r -> r.minValLoss().epoch());
        PairedDifference perEpoch = logRatio(seeds, chosen, none, RunResult::medianEpochSeconds);
        PairedDifference toMinimum = logRatio(seeds, chosen, none, r -> r.secondsTo(r.minValLoss().epoch()));
        String measured = String.format(Locale.ROOT, "%s reaches its lowest validation loss after %.1f epochs,"
                        + " none after %.1f (%s); time per epoch %s; time to the lowest validation loss %s"
                        + " (two runs shared the machine's cores at a time)", d.chosen().get().text(),
                mean(chosen, r -> r.minValLoss().epoch()), mean(none, r -> r.minValLoss().epoch()),
                epochs.plain("%+.1f"), ratio(perEpoch), ratio(toMinimum));
        return CheckRow.claim(c[0], c[1], measured, epochs.above(0), epochs);
    }

    private static CheckRow smallData(Data d) {
        String[] c = CLAIMS[2];
        Variant paper = d.paper();
        List<Integer> small = smallSizes(d);
        if (small.isEmpty()) {
            return CheckRow.untestable("claim", c[0], c[1], "the sweep has no small-data arm");
        }
        PairedDifference smallest = gain(d, small.get(0), paper);
        StringBuilder m = new StringBuilder("paper - none with as many updates as on full data:");
        for (int size : small) {
            m.append(String.format(Locale.ROOT, " n=%,d %s;", size, gain(d, size, paper).points()));
        }
        m.setLength(m.length() - 1);
        if (smallest.above(0)) {
            m.append(" (dropout helps at n=").append(String.format(Locale.ROOT, "%,d", small.get(0))).append(')');
        }
        return CheckRow.claim(c[0], c[1], m.toString(), !smallest.above(0), smallest);
    }

    private static CheckRow rates(Data d) {
        String[] c = CLAIMS[3];
        Variant paper = d.paper();
        if (d.fullRuns(paper).isEmpty() || d.chosen().isEmpty()) {
            return CheckRow.untestable("claim", c[0], c[1], "the sweep has no paper variant");
        }
        PairedRow row = d.pairedRow(paper);
        List<PairedRow> candidates = d.paired().stream().filter(p -> PairedComparison.isCandidate(p.variant()))
                .sorted((a, b) -> Double.compare(b.valAccuracyMean(), a.valAccuracyMean())).toList();
        int rank = candidates.indexOf(row) + 1;
        boolean chosen = d.chosen().get().equals(paper);
        PairedDifference vsChosen = chosen ? null : PairedComparison.diff(seeds(d.fullRuns(paper),
                d.fullRuns(d.chosen().get())), d.fullRuns(paper), d.fullRuns(d.chosen().get()),
                r -> r.tested().testAccuracy());
        boolean good = row.testAccuracy().above(0) && (chosen || !vsChosen.below(0));
        String measured = String.format(Locale.ROOT, "paper - none %s; rank %d of %d dropout variants on validation%s",
                row.testAccuracy().points(), rank, candidates.size(),
                chosen ? " (chosen)" : String.format(Locale.ROOT, "; paper - %s (chosen) %s",
                        d.chosen().get().text(), vsChosen.points()));
        return CheckRow.claim(c[0], c[1], measured, good, row.testAccuracy());
    }

    private static CheckRow monteCarlo(Data d, List<McResult> mc) {
        String[] c = CLAIMS[4];
        List<McResult> full = mc.stream().filter(m -> m.run().trainSize() == d.full).toList();
        if (full.isEmpty()) {
            return CheckRow.untestable("claim", c[0], c[1], "the sweep ran no Monte-Carlo passes");
        }
        Map<Integer, List<McResult>> byK = full.stream().collect(Collectors.groupingBy(McResult::passes, TreeMap::new,
                Collectors.toList()));
        int top = ((TreeMap<Integer, List<McResult>>) byK).lastKey();
        StringBuilder m = new StringBuilder(full.get(0).run().variant().text() + ", MC - ordinary test accuracy:");
        PairedDifference main = null;
        for (Map.Entry<Integer, List<McResult>> e : byK.entrySet()) {
            PairedDifference diff = PairedDifference.of(e.getValue().stream()
                    .mapToDouble(x -> x.mcAccuracy() - x.standardAccuracy()).toArray());
            m.append(String.format(Locale.ROOT, " k=%d %s;", e.getKey(), diff.points()));
            if (e.getKey() == top) {
                main = diff;
            }
        }
        m.setLength(m.length() - 1);
        boolean matches = main.hasInterval() && main.low() >= -MC_MARGIN && main.high() <= MC_MARGIN;
        m.append(String.format(Locale.ROOT, " (matches: the k=%d interval within +-%.1f pt)", top, 100 * MC_MARGIN));
        return CheckRow.claim(c[0], c[1], m.toString(), matches, main);
    }

    /** Sizes below full data with both no dropout and paper, ascending. */
    private static List<Integer> smallSizes(Data d) {
        return d.bySize.keySet().stream().filter(n -> n < d.full)
                .filter(n -> !d.runs(n, d.none()).isEmpty() && !d.runs(n, d.paper()).isEmpty()).sorted().toList();
    }

    private static Map<Long, Double> gains(Data d, int size, Variant v) {
        Map<Long, RunResult> none = d.runs(size, d.none());
        Map<Long, RunResult> with = d.runs(size, v);
        Map<Long, Double> out = new TreeMap<>();
        for (long s : seeds(with, none)) {
            out.put(s, with.get(s).tested().testAccuracy() - none.get(s).tested().testAccuracy());
        }
        return out;
    }

    private static PairedDifference gain(Data d, int size, Variant v) {
        return PairedDifference.of(gains(d, size, v).values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Paired differences of log(metric): exp of mean and bounds is the ratio a / b with its interval. */
    private static PairedDifference logRatio(List<Long> seeds, Map<Long, RunResult> a, Map<Long, RunResult> b,
                                             ToDoubleFunction<RunResult> metric) {
        return PairedComparison.diff(seeds, a, b, r -> Math.log(metric.applyAsDouble(r)));
    }

    private static String ratio(PairedDifference log) {
        return log.hasInterval() ? String.format(Locale.ROOT, "%.2fx [%.2f, %.2f]", Math.exp(log.mean()),
                Math.exp(log.low()), Math.exp(log.high())) : String.format(Locale.ROOT, "%.2fx", Math.exp(log.mean()));
    }

    private static List<Long> seeds(Map<Long, RunResult> a, Map<Long, RunResult> b) {
        return a.keySet().stream().filter(b::containsKey).sorted().toList();
    }

    private static double mean(Map<Long, RunResult> runs, ToDoubleFunction<RunResult> metric) {
        return runs.values().stream().mapToDouble(metric).average().orElse(Double.NaN);
    }

    private static double maxRate(Variant v) {
        return v.siteRates().values().stream().mapToDouble(DropRate::value).max().orElse(0);
    }

    /** The table printed at the end of a reproduction sweep. */
    public static String table(List<CheckRow> rows) {
        StringBuilder sb = new StringBuilder("\nPre-registered checks (computed from the runs; the chosen variant is"
                + " chosen on validation, never on test):\n");
        for (CheckRow r : rows) {
            if (r.kind().equals("check")) {
                sb.append(String.format(Locale.ROOT, "  (%s) %s%n      measured: %s%n      verdict: %s%n", r.id(),
                        r.claim(), r.measured(), r.verdict()));
            }
        }
        sb.append("\nThe source documents' claims:\n");
        for (CheckRow r : rows) {
            if (r.kind().equals("claim")) {
                sb.append(String.format(Locale.ROOT, "  %-15s %s%n      measured: %s%n      verdict: %s%n", r.id(),
                        r.claim(), r.measured(), r.verdict()));
            }
        }
        return sb.toString();
    }
}
