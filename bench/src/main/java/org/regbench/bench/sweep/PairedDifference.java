package org.regbench.bench.sweep;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of paired differences (one per seed) with its 95 % paired-t interval: mean +- t(0.975, n-1) * sd / sqrt(n)
 * (Commons Math's t distribution). With one pair the interval is undefined (NaN).
 */
public record PairedDifference(int n, double mean, double sd, double low, double high) {

    public static PairedDifference of(double[] differences) {
        int n = differences.length;
        if (n == 0) {
            return new PairedDifference(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Arrays.stream(differences).average().orElseThrow();
        if (n == 1) {
            return new PairedDifference(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double ss = 0;
        for (double d : differences) {
            ss += (d - mean) * (d - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        return new PairedDifference(n, mean, sd, mean - half, mean + half);
    }

    /** The interval lies above 0. */
    public boolean above(double bound) {
        return low > bound;
    }

    /** The interval lies below {@code bound}. */
    public boolean below(double bound) {
        return high < bound;
    }

    public boolean hasInterval() {
        return !Double.isNaN(low);
    }

    /** {@code +0.45 pt [+0.21, +0.69]} for a difference of fractions shown in percentage points. */
    public String points() {
        return format(100, "%+.2f", " pt");
    }

    /** {@code -0.0123 [-0.0150, -0.0096]}. */
    public String plain(String number) {
        return format(1, number, "");
    }

    private String format(double scale, String number, String unit) {
        String m = String.format(java.util.Locale.ROOT, number, scale * mean) + unit;
        return hasInterval() ? m + String.format(java.util.Locale.ROOT, " [" + number + ", " + number + "]",
                scale * low, scale * high) : m + " (one pair, no interval)";
    }
}
