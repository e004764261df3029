package org.regbench.results.regress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.regbench.results.BenchRow;
import org.regbench.results.BenchmarkKey;
import org.regbench.results.Direction;
import org.regbench.results.InvalidResultsException;
import org.regbench.results.csv.BenchCsv;
import org.regbench.results.stats.Estimate;
import org.regbench.results.stats.RatioInterval;

/**
 * Compares a run with a baseline, key by key. A key is {@link Verdict#SLOWER} only when the slowdown of the median
 * iteration exceeds its threshold AND the two-sided Mann-Whitney U test on the raw iteration scores rejects "same
 * distribution" at {@code alpha}. The test is rank-based because JMH iteration times are skewed and have outliers
 * (GC, JIT, a noisy neighbour), where a t-test's normality assumption is weakest; the median sizes the change for
 * the same reason. The threshold keeps statistically real but practically irrelevant shifts from failing a build.
 * Google Benchmark's {@code compare.py} uses the same U test at the same default level.
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
        int baseThreads = baseline.get(0).provenance().threads();
        int curThreads = current.get(0).provenance().threads();
        if (baseThreads != curThreads && !options.force()) {
            // ND4J's thread count changes times by 2x either way on small machines: not a code regression
            throw new InvalidResultsException("refusing to compare runs with different ND4J thread counts: "
                    + baselineFile + " used " + baseThreads + ", " + currentFile + " used " + curThreads
                    + "; rerun with --threads " + baseThreads + " or pass --force");
        }
        boolean ignoreBackend = different
                && !baseline.get(0).provenance().backend().equals(current.get(0).provenance().backend());
        Map<BenchmarkKey, BenchRow> base = index(baseline, ignoreBackend);
        Map<BenchmarkKey, Integer> currentRowNumbers = new LinkedHashMap<>();
        Map<BenchmarkKey, BenchRow> cur = new LinkedHashMap<>();
        for (int i = 0; i < current.size(); i++) {
            BenchRow r = current.get(i);
            BenchmarkKey k = ignoreBackend ? r.key().withoutBackend() : r.key();
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

    /** The verdict for one matched key, from the raw iteration scores of both sides. */
    public KeyComparison compare(BenchmarkKey key, BenchRow baseline, BenchRow current) {
        double[] b = baseline.rawScores();
        double[] c = current.rawScores();
        Estimate eb = Estimate.ofScores(b);
        Estimate ec = Estimate.ofScores(c);
        Direction direction = current.direction();
        double slowdown = (direction.slowdown(median(b), median(c)) - 1) * 100;
        double p = pValue(b, c);
        double threshold = options.thresholds().percentFor(key);
        boolean significant = p < options.alpha();
        Verdict v;
        if (significant && slowdown > threshold) {
            v = Verdict.SLOWER;
        } else if (significant && -slowdown > threshold) {
            v = Verdict.FASTER;
        } else {
            v = Verdict.UNCHANGED;
        }
        RatioInterval ratio = RatioInterval.fieller(ec, eb, options.confidence());
        return new KeyComparison(key, Optional.of(baseline), Optional.of(current), v, Optional.of(ratio), slowdown,
                p, threshold);
    }

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
                options.thresholds().percentFor(key));
    }

    private static Map<BenchmarkKey, BenchRow> index(List<BenchRow> rows, boolean ignoreBackend) {
        Map<BenchmarkKey, BenchRow> m = new LinkedHashMap<>();
        for (BenchRow r : rows) {
            m.put(ignoreBackend ? r.key().withoutBackend() : r.key(), r);
        }
        return m;
    }

    private static String describe(BenchRow r) {
        return r.provenance().cpu() + ", " + r.provenance().cores() + " cores, " + r.provenance().os() + ", "
                + r.provenance().backend() + " " + r.provenance().nativeBuild();
    }
}
