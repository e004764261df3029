package org.regbench.results.regress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.regbench.results.BenchRow;
import org.regbench.results.BenchmarkKey;
import org.regbench.results.Direction;
import org.regbench.results.InvalidResultsException;
import org.regbench.results.csv.BenchCsv;
import org.regbench.results.stats.Estimate;
import org.regbench.results.stats.RatioInterval;

/**
 * Compares a run with a baseline, key by key. A key is {@link Verdict#SLOWER} only when the mean time grew by more
 * than its threshold AND a two-sided t-test on the fork levels rejects "same mean" at {@code alpha}
 * ({@link ForkLevelDifference}: Welch's test, or the pooled test when one side has a single fork).
 *
 * <p>Why fork levels and not iterations: repeated single-fork runs of one commit on one machine differ by more than
 * their iterations' spread, because each JVM draws its own JIT decisions, heap layout and thread placement. A test
 * on iterations treats those as independent and flagged 4 of 28 unchanged benchmarks as slower on real runs here.
 * Only the spread between forks measures that JVM-to-JVM noise, so a verdict needs at least three forks in all:
 * a baseline saved with {@code --forks 3} or more makes even a one-fork current run decidable. When both sides have
 * one fork, the change is judged within the JVMs (median and Mann-Whitney U on iterations) and a change beyond the
 * threshold is reported as {@link Verdict#INCONCLUSIVE}, never as a regression. The threshold keeps statistically
 * real but practically irrelevant shifts from failing a build.
 */
public final class RunComparator {

    private final CompareOptions options;

    public RunComparator(CompareOptions options) {
        this.options = options;
    }

    public RunComparator() {
        this(CompareOptions.defaults());
    }

    /** Reads and validates both files, refuses different machines or thread counts unless forced, and compares. */
    public ComparisonResult compare(Path baselineFile, Path currentFile) {
        List<BenchRow> baseline = BenchCsv.read(baselineFile);
        List<BenchRow> current = BenchCsv.read(currentFile);
        return compare(baselineFile, baseline, currentFile, current);
    }

    public ComparisonResult compare(Path baselineFile, List<BenchRow> baseline, Path currentFile,
                                    List<BenchRow> current) {
        String baseMachine = baseline.get(0).provenance().machineId();
        String curMachine = current.get(0).provenance().machineId();
        boolean different = !baseMachine.equals(curMachine);
        if (different && !options.force()) {
            throw new InvalidResultsException("refusing to compare runs from different machines or backends: "
                    + baselineFile + " is from " + baseMachine + " (" + describe(baseline.get(0)) + "), "
                    + currentFile + " is from " + curMachine + " (" + describe(current.get(0))
                    + "); pass --force to compare anyway");
        }
        boolean ignoreBackend = different
                && !baseline.get(0).provenance().backend().equals(current.get(0).provenance().backend());
        boolean ignoreThreads = differentThreads(baselineFile, baseline, currentFile, current, ignoreBackend);
        Function<BenchmarkKey, BenchmarkKey> match = k -> {
            BenchmarkKey m = ignoreBackend ? k.withoutBackend() : k;
            return ignoreThreads ? m.withThreads(0) : m;
        };
        Map<BenchmarkKey, BenchRow> base = index(baseline, match);
        Map<BenchmarkKey, Integer> currentRowNumbers = new LinkedHashMap<>();
        Map<BenchmarkKey, BenchRow> cur = new LinkedHashMap<>();
        for (int i = 0; i < current.size(); i++) {
            BenchRow r = current.get(i);
            BenchmarkKey k = match.apply(r.key());
            cur.put(k, r);
            currentRowNumbers.put(k, i + 1);
        }
        List<KeyComparison> out = new ArrayList<>();
        for (Map.Entry<BenchmarkKey, BenchRow> e : cur.entrySet()) {
            BenchRow b = base.get(e.getKey());
            BenchRow c = e.getValue();
            if (b == null) {
                out.add(unmatched(c.key(), Optional.empty(), Optional.of(c), Verdict.NEW));
            } else {
                if (!b.unit().equals(c.unit())) {
                    throw new InvalidResultsException(currentFile + ": row " + currentRowNumbers.get(e.getKey())
                            + ", column unit: " + c.unit() + " but the baseline " + baselineFile + " has "
                            + b.unit() + " for " + c.key());
                }
                out.add(compare(c.key(), b, c));
            }
        }
        for (Map.Entry<BenchmarkKey, BenchRow> e : base.entrySet()) {
            if (!cur.containsKey(e.getKey())) {
                out.add(unmatched(e.getValue().key(), Optional.of(e.getValue()), Optional.empty(), Verdict.MISSING));
            }
        }
        out.sort(Comparator.comparing((KeyComparison k) -> k.key().text()));
        return new ComparisonResult(baselineFile, currentFile, baseMachine, curMachine,
                baseline.get(0).provenance().gitCommit(), current.get(0).provenance().gitCommit(), different,
                options, out);
    }

    /** The verdict for one matched key, from the fork levels of both sides (see the class comment). */
    public KeyComparison compare(BenchmarkKey key, BenchRow baseline, BenchRow current) {
        double[] fb = ForkLevels.of(baseline);
        double[] fc = ForkLevels.of(current);
        Direction direction = current.direction();
        double threshold = options.thresholds().percentFor(key);
        if (ForkLevelDifference.applies(fb, fc)) {
            ForkLevelDifference t = ForkLevelDifference.of(fb, fc);
            double slowdown = (direction.slowdown(t.baseline().mean(), t.current().mean()) - 1) * 100;
            boolean significant = t.pValue() < options.alpha();
            Verdict v = significant && slowdown > threshold ? Verdict.SLOWER
                    : significant && -slowdown > threshold ? Verdict.FASTER : Verdict.UNCHANGED;
            RatioInterval ratio = RatioInterval.fieller(t.current(), t.baseline(), options.confidence());
            return new KeyComparison(key, Optional.of(baseline), Optional.of(current), v, Optional.of(ratio),
                    slowdown, t.pValue(), threshold, t.name());
        }
        // one JVM each: iterations show the change, but not whether another pair of JVMs would agree
        double[] b = baseline.rawScores();
        double[] c = current.rawScores();
        double slowdown = (direction.slowdown(median(b), median(c)) - 1) * 100;
        double p = pValue(b, c);
        Verdict v = p < options.alpha() && Math.abs(slowdown) > threshold ? Verdict.INCONCLUSIVE : Verdict.UNCHANGED;
        RatioInterval ratio = RatioInterval.fieller(Estimate.ofScores(c), Estimate.ofScores(b), options.confidence());
        return new KeyComparison(key, Optional.of(baseline), Optional.of(current), v, Optional.of(ratio), slowdown,
                p, threshold, WITHIN_ONE_FORK);
    }

    /** How single-fork pairs are judged; their verdict is at most {@link Verdict#INCONCLUSIVE}. */
    static final String WITHIN_ONE_FORK = "Mann-Whitney U on iterations, 1 fork each";

    /** The median, not the mean, sizes the change: one GC outlier must not decide whether a threshold is crossed. */
    static double median(double[] xs) {
        return new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(xs);
    }

    /** Two-sided Mann-Whitney U p-value (normal approximation, as in commons-math3); 1 when either side is empty. */
    static double pValue(double[] baseline, double[] current) {
        if (baseline.length == 0 || current.length == 0) {
            return 1;
        }
        return new MannWhitneyUTest().mannWhitneyUTest(baseline, current);
    }

    private KeyComparison unmatched(BenchmarkKey key, Optional<BenchRow> b, Optional<BenchRow> c, Verdict v) {
        return new KeyComparison(key, b, c, v, Optional.empty(), Double.NaN, Double.NaN,
                options.thresholds().percentFor(key), "");
    }

    private static Map<BenchmarkKey, BenchRow> index(List<BenchRow> rows, Function<BenchmarkKey, BenchmarkKey> match) {
        Map<BenchmarkKey, BenchRow> m = new LinkedHashMap<>();
        for (BenchRow r : rows) {
            m.put(match.apply(r.key()), r);
        }
        return m;
    }

    /**
     * Whether the runs measured the same benchmarks with different ND4J thread counts only. The thread count is part
     * of the key, so such runs would share no key at all; they are refused with the reason, or with {@code --force}
     * matched while ignoring threads.
     */
    private boolean differentThreads(Path baselineFile, List<BenchRow> baseline, Path currentFile,
                                     List<BenchRow> current, boolean ignoreBackend) {
        Function<BenchmarkKey, BenchmarkKey> plain = k -> ignoreBackend ? k.withoutBackend() : k;
        Map<BenchmarkKey, Integer> baseThreads = new LinkedHashMap<>();
        Set<BenchmarkKey> baseKeys = new HashSet<>();
        for (BenchRow r : baseline) {
            baseKeys.add(plain.apply(r.key()));
            baseThreads.put(plain.apply(r.key()).withThreads(0), r.provenance().threads());
        }
        for (BenchRow r : current) {
            BenchmarkKey k = plain.apply(r.key());
            Integer other = baseThreads.get(k.withThreads(0));
            if (!baseKeys.contains(k) && other != null) {
                if (!options.force()) {
                    // ND4J's thread count changes times by 2x either way on small machines: not a code regression
                    throw new InvalidResultsException("refusing to compare runs with different ND4J thread counts: "
                            + baselineFile + " used " + other + " for " + k.withThreads(other) + ", " + currentFile
                            + " used " + r.provenance().threads() + "; rerun with --threads " + other
                            + " or pass --force");
                }
                return true;
            }
        }
        return false;
    }

    private static String describe(BenchRow r) {
        return r.provenance().cpu() + ", " + r.provenance().cores() + " cores, " + r.provenance().os() + ", "
                + r.provenance().backend() + " " + r.provenance().nativeBuild();
    }
}
