package org.regbench.results.regress;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down adjustment of a family of p-values. A run compares some 30 benchmarks at once; testing each at
 * α = 0.05 would fail an unchanged commit in most runs (1 − 0.95^28 ≈ 76 % at worst). Holm bounds the chance of any
 * false "slower" in the run by α, whatever the dependence between benchmarks (their forks share the host), and is
 * uniformly more powerful than Bonferroni. Benjamini-Hochberg would bound only the expected share of false alarms
 * among the alarms, which allows an unchanged run to fail more often than α; a CI gate needs the family-wise bound.
 */
final class Holm {

    private Holm() {
    }

    /** Adjusted p-values in the input order: {@code max over j <= i of min(1, (m − j + 1) p_(j))}, sorted ascending. */
    static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] out = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            out[i] = running;
        }
        return out;
    }
}
