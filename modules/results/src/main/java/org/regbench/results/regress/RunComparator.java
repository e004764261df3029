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
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.regbench.results.BenchRow;
import org.regbench.results.BenchmarkKey;
import org.regbench.results.Direction;
import org.regbench.results.InvalidResultsException;
import org.regbench.results.store.RunStore;
import org.regbench.results.store.StoredRun;
import org.regbench.results.stats.RatioInterval;

/**
 * Compares a run with a baseline, key by key. A key is {@link Verdict#SLOWER} only when the mean time grew by more
 * than its threshold AND a one-sided t-test on the fork levels says "slower" at {@code alpha} after Holm's adjustment
 * over all benchmarks of the run ({@link ForkLevelDifference}: Welch's test, the pooled test when one side has a
 * single fork, or a variance borrowed from this machine's baseline when both have one; {@link Holm}).
 *
 * <p>Why fork levels and not iterations: repeated single-fork runs of one commit on one machine differ by more than
 * their iterations' spread, because each JVM draws its own JIT decisions, heap layout and thread placement. A test
 * on iterations treats those as independent and flagged 4 of 28 unchanged benchmarks as slower on real runs here.
 * Only the spread between forks measures that JVM-to-JVM noise. When both sides have one fork and no reference run
 * with three or more forks gives that spread, the change is judged within the JVMs (median and Mann-Whitney U on
 * iterations) and a change beyond the threshold is reported as {@link Verdict#INCONCLUSIVE}, never as a regression.
 * Why a family-wise correction: a run holds some 30 benchmarks, and 30 tests at 5 % each would fail an unchanged
 * commit far more often than 5 % of the time. The threshold keeps statistically real but practically irrelevant
 * shifts from failing a build.
 */
public final class RunComparator {

    private final CompareOptions options;
    /** Fork levels of a third run of the same benchmarks (this machine's baseline), to borrow JVM-to-JVM spread. */
    private final Map<BenchmarkKey, double[]> noiseReference;

    public RunComparator(CompareOptions options) {
        this(options, Map.of());
    }

    private RunComparator(CompareOptions options, Map<BenchmarkKey, double[]> noiseReference) {
        this.options = options;
        this.noiseReference = noiseReference;
    }

    /**
     * A comparator that, for benchmarks with one fork on each side, takes the JVM-to-JVM spread from
     * {@code reference}'s rows of three or more forks (this machine's multi-fork baseline), so that two one-fork runs
     * can be decided rather than only called inconclusive.
     */
    public RunComparator withNoiseReference(List<BenchRow> reference) {
        Map<BenchmarkKey, double[]> m = new LinkedHashMap<>();
        for (BenchRow r : reference) {
            if (r.forkResults().size() >= 3) {
                m.put(r.key(), r.forkLevels());
            }
        }
        return new RunComparator(options, m);
    }

    public RunComparator() {
        this(CompareOptions.defaults());
    }

    /** Reads and validates both files, refuses different machines or thread counts unless forced, and compares. */
    public ComparisonResult compare(Path baselineFile, Path currentFile) {
        List<BenchRow> baseline = RunStore.read(baselineFile).rows();
        List<BenchRow> current = RunStore.read(currentFile).rows();
        return compare(baselineFile, baseline, currentFile, current);
    }

    /**
     * Compares rows already read. Each side must come from one machine, every row of it, not only the first: a
     * file with another machine in row 2 would otherwise compare as unchanged.
     */
    public ComparisonResult compare(Path baselineFile, List<BenchRow> baseline, Path currentFile,
                                    List<BenchRow> current) {
        String baseMachine = new StoredRun(baselineFile, baseline).requireOneMachine("a compared run");
        String curMachine = new StoredRun(currentFile, current).requireOneMachine("a compared run");
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
        List<Matched> matched = new ArrayList<>();
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
                matched.add(new Matched(c.key(), b, c));
            }
        }
        out.addAll(decide(matched));
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

    /** A key measured on both sides. */
    private record Matched(BenchmarkKey key, BenchRow baseline, BenchRow current) {
    }

    /** The verdict for one matched key alone: a family of one, so no adjustment (see the class comment). */
    public KeyComparison compare(BenchmarkKey key, BenchRow baseline, BenchRow current) {
        return decide(List.of(new Matched(key, baseline, current))).get(0);
    }

    /**
     * The verdicts of a run's matched keys: each fork-level test gives one-sided p-values for slower and for faster,
     * each family is Holm-adjusted over the keys, and a key is slower (faster) when its adjusted p is below alpha and
     * its change exceeds its threshold. Keys with one fork on each side and no borrowed spread stay outside the
     * families and are at most inconclusive.
     */
    private List<KeyComparison> decide(List<Matched> keys) {
        List<KeyComparison> out = new ArrayList<>();
        List<Integer> tested = new ArrayList<>();
        List<ForkLevelDifference> tests = new ArrayList<>();
        for (Matched m : keys) {
            Optional<ForkLevelDifference> t = test(m);
            if (t.isPresent()) {
                tested.add(out.size());
                tests.add(t.get());
                out.add(null);
            } else {
                out.add(withinOneFork(m));
            }
        }
        double[] slower = Holm.adjust(IntStream.range(0, tests.size()).mapToDouble(i -> tests.get(i)
                .pSlower(keys.get(tested.get(i)).current().direction())).toArray());
        double[] faster = Holm.adjust(IntStream.range(0, tests.size()).mapToDouble(i -> tests.get(i)
                .pFaster(keys.get(tested.get(i)).current().direction())).toArray());
        for (int i = 0; i < tests.size(); i++) {
            Matched m = keys.get(tested.get(i));
            ForkLevelDifference t = tests.get(i);
            Direction direction = m.current().direction();
            double threshold = options.thresholds().percentFor(m.key());
            double slowdown = (direction.slowdown(t.baseline().mean(), t.current().mean()) - 1) * 100;
            Verdict v = slower[i] < options.alpha() && slowdown > threshold ? Verdict.SLOWER
                    : faster[i] < options.alpha() && -slowdown > threshold ? Verdict.FASTER : Verdict.UNCHANGED;
            double p = slowdown >= 0 ? slower[i] : faster[i];
            String name = t.name() + (tests.size() > 1 ? ", Holm over " + tests.size() : "");
            out.set(tested.get(i), new KeyComparison(m.key(), Optional.of(m.baseline()), Optional.of(m.current()), v,
                    Optional.of(t.ratio(options.confidence())), slowdown, p, threshold, name));
        }
        return out;
    }

    /** The fork-level test for a key, if its forks (or a borrowed spread) allow one. */
    private Optional<ForkLevelDifference> test(Matched m) {
        double[] fb = ForkLevels.of(m.baseline());
        double[] fc = ForkLevels.of(m.current());
        if (ForkLevelDifference.applies(fb, fc)) {
            return Optional.of(ForkLevelDifference.of(fb, fc));
        }
        double[] reference = noiseReference.get(m.current().key());
        if (fb.length == 1 && fc.length == 1 && reference != null) {
            return Optional.of(ForkLevelDifference.borrowed(fb[0], fc[0], reference));
        }
        return Optional.empty();
    }

    /** One JVM each and no reference: iterations show the change, but not whether another pair of JVMs would agree. */
    private KeyComparison withinOneFork(Matched m) {
        double[] b = m.baseline().rawScores();
        double[] c = m.current().rawScores();
        double threshold = options.thresholds().percentFor(m.key());
        double slowdown = (m.current().direction().slowdown(median(b), median(c)) - 1) * 100;
        double p = pValue(b, c);
        Verdict v = p < options.alpha() && Math.abs(slowdown) > threshold ? Verdict.INCONCLUSIVE : Verdict.UNCHANGED;
        // the ratio of the same medians (each side's one fork level), so that ratio and change never disagree; no
        // interval: iterations of one JVM say nothing of the next, which is why the verdict is at most inconclusive
        RatioInterval ratio = new RatioInterval(median(c) / median(b), Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, options.confidence());
        return new KeyComparison(m.key(), Optional.of(m.baseline()), Optional.of(m.current()), v, Optional.of(ratio),
                slowdown, p, threshold, WITHIN_ONE_FORK);
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
