package org.regbench.results.stats;

/**
 * A ratio of two independent means with a confidence interval from Fieller's theorem. Fieller is used rather than
 * the delta method because the interval is exact under normal means and stays honest (wider, asymmetric, or
 * unbounded) when the denominator is noisy; degrees of freedom follow Welch-Satterthwaite.
 *
 * @param lower {@code -∞} and {@code upper} {@code +∞} when the denominator is not significantly different from 0
 */
public record RatioInterval(double ratio, double lower, double upper, double confidence) {

    public static RatioInterval fieller(Estimate numerator, Estimate denominator, double confidence) {
        double r = numerator.mean() / denominator.mean();
        double va = numerator.standardError() * numerator.standardError();
        double vb = denominator.standardError() * denominator.standardError();
        double vTotal = va + r * r * vb;
        double df = vTotal * vTotal
                / (va * va / numerator.degreesOfFreedom() + r * r * r * r * vb * vb / denominator.degreesOfFreedom());
        return fieller(numerator, denominator, confidence, df);
    }

    /**
     * Fieller's interval with given degrees of freedom: for estimates that share one variance estimate (Student's
     * pooled test, {@code n1 + n2 − 2}), where Welch-Satterthwaite would count the shared variance twice.
     */
    public static RatioInterval fieller(Estimate numerator, Estimate denominator, double confidence, double df) {
        double a = numerator.mean();
        double b = denominator.mean();
        double r = a / b;
        double va = numerator.standardError() * numerator.standardError();
        double vb = denominator.standardError() * denominator.standardError();
        double vTotal = va + r * r * vb;
        if (!Double.isFinite(vTotal) || !(df >= 1)) {
            return new RatioInterval(r, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, confidence);
        }
        if (vTotal == 0) {
            return new RatioInterval(r, r, r, confidence);
        }
        double t = Estimate.tQuantile(confidence, df);
        double t2 = t * t;
        // (a − ρb)² = t²(va + ρ² vb)  ⇔  ρ²(b² − t² vb) − 2abρ + (a² − t² va) = 0
        double qa = b * b - t2 * vb;
        double qb = -2 * a * b;
        double qc = a * a - t2 * va;
        double disc = qb * qb - 4 * qa * qc;
        if (qa <= 0 || disc < 0) {
            return new RatioInterval(r, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, confidence);
        }
        double root = Math.sqrt(disc);
        double lo = (-qb - root) / (2 * qa);
        double hi = (-qb + root) / (2 * qa);
        return new RatioInterval(r, Math.min(lo, hi), Math.max(lo, hi), confidence);
    }

    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }

    /** The interval as percent change, {@code (ratio − 1) × 100}. */
    public double percent() {
        return (ratio - 1) * 100;
    }

    public double lowerPercent() {
        return (lower - 1) * 100;
    }

    public double upperPercent() {
        return (upper - 1) * 100;
    }
}
