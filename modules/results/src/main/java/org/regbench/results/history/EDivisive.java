package org.regbench.results.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * E-divisive means (Matteson and James 2014), the change-point method MongoDB's performance CI and Hunter use:
 * repeatedly split the segment whose best split maximises the energy-distance statistic, and keep a split only
 * when a permutation test says it is significant. Non-parametric, so it needs no noise model, and it finds several
 * steps in one series. The permutations come from a fixed seed so that the same history always gives the same
 * answer.
 *
 * @param significance permutation p-value below which a split is kept
 * @param permutations permutations per test
 * @param minSegment   fewest points on either side of a split, so a single outlier run is not a "step"
 */
public record EDivisive(double significance, int permutations, int minSegment, long seed) {

    public static EDivisive defaults() {
        return new EDivisive(0.01, 199, 3, 20240229L);
    }

    /** Indices where a new segment starts, ascending; each index is the first point after a step. */
    public List<ChangePoint> detect(double[] series) {
        List<int[]> segments = new ArrayList<>();
        segments.add(new int[] {0, series.length});
        List<ChangePoint> found = new ArrayList<>();
        Random rnd = new Random(seed);
        while (true) {
            Split best = null;
            int[] bestSegment = null;
            for (int[] seg : segments) {
                Split s = bestSplit(series, seg[0], seg[1]);
                if (s != null && (best == null || s.q > best.q)) {
                    best = s;
                    bestSegment = seg;
                }
            }
            if (best == null) {
                break;
            }
            double p = permutationPValue(series, bestSegment[0], bestSegment[1], best.q, rnd);
            if (p >= significance) {
                break;
            }
            segments.remove(bestSegment);
            segments.add(new int[] {bestSegment[0], best.tau});
            segments.add(new int[] {best.tau, bestSegment[1]});
            found.add(new ChangePoint(best.tau, p, mean(series, bestSegment[0], best.tau),
                    mean(series, best.tau, bestSegment[1])));
        }
        found.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return refineMeans(series, found);
    }

    /** Reports each step with the means of the final segments on either side, not of the segment it split. */
    private static List<ChangePoint> refineMeans(double[] series, List<ChangePoint> points) {
        List<ChangePoint> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            int from = i == 0 ? 0 : points.get(i - 1).index();
            int to = i == points.size() - 1 ? series.length : points.get(i + 1).index();
            ChangePoint c = points.get(i);
            out.add(new ChangePoint(c.index(), c.pValue(), mean(series, from, c.index()), mean(series, c.index(), to)));
        }
        return Collections.unmodifiableList(out);
    }

    private record Split(int tau, double q) {
    }

    /** The split of {@code x[from, to)} with the largest energy statistic, in O(n²) with running sums. */
    Split bestSplit(double[] x, int from, int to) {
        int n = to - from;
        if (n < 2 * minSegment) {
            return null;
        }
        double within = 0;
        for (int i = from; i < to; i++) {
            for (int j = i + 1; j < to; j++) {
                within += Math.abs(x[i] - x[j]);
            }
        }
        double left = 0;
        double right = within;
        double between = 0;
        Split best = null;
        for (int tau = from + 1; tau < to; tau++) {
            int moved = tau - 1;
            double toLeft = 0;
            double toRight = 0;
            for (int i = from; i < moved; i++) {
                toLeft += Math.abs(x[i] - x[moved]);
            }
            for (int j = moved + 1; j < to; j++) {
                toRight += Math.abs(x[moved] - x[j]);
            }
            left += toLeft;
            right -= toRight;
            between += toRight - toLeft;
            int m = tau - from;
            int k = to - tau;
            if (m < minSegment || k < minSegment) {
                continue;
            }
            double e = 2.0 * between / (m * (double) k) - left / pairs(m) - right / pairs(k);
            double q = m * (double) k / (m + k) * e;
            if (best == null || q > best.q) {
                best = new Split(tau, q);
            }
        }
        return best;
    }

    private static double pairs(int m) {
        return m < 2 ? 1 : m * (m - 1) / 2.0;
    }

    private double permutationPValue(double[] series, int from, int to, double observed, Random rnd) {
        double[] copy = series.clone();
        int atLeast = 0;
        for (int p = 0; p < permutations; p++) {
            for (int i = to - 1; i > from; i--) {
                int j = from + rnd.nextInt(i - from + 1);
                double t = copy[i];
                copy[i] = copy[j];
                copy[j] = t;
            }
            Split s = bestSplit(copy, from, to);
            if (s != null && s.q >= observed) {
                atLeast++;
            }
        }
        return (atLeast + 1.0) / (permutations + 1.0);
    }

    private static double mean(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i];
        }
        return s / (to - from);
    }
}
