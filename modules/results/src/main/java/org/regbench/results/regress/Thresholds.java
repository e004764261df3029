package org.regbench.results.regress;

import java.util.List;
import org.regbench.results.BenchmarkKey;

/**
 * The smallest slowdown, in percent, that counts as a regression: a global default and per-pattern overrides, the
 * first matching pattern winning, so noisy benchmarks can get a wider margin without loosening all the others.
 */
public record Thresholds(double defaultPercent, List<PatternThreshold> patterns) {

    public static final double DEFAULT_PERCENT = 5.0;

    public Thresholds {
        if (!(defaultPercent >= 0) || !Double.isFinite(defaultPercent)) {
            throw new IllegalArgumentException("threshold must be a percentage >= 0, got " + defaultPercent);
        }
        patterns = List.copyOf(patterns);
    }

    public static Thresholds defaults() {
        return new Thresholds(DEFAULT_PERCENT, List.of());
    }

    public double percentFor(BenchmarkKey key) {
        return patterns.stream().filter(p -> p.matches(key)).findFirst().map(PatternThreshold::percent)
                .orElse(defaultPercent);
    }
}
