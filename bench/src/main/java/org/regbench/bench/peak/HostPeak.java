package org.regbench.bench.peak;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The session's measured FLOAT gemm rates: on ND4J's default thread count (all cores, the host's peak, recorded in
 * {@code peak_gflops}) and on the run's other thread counts, whose peak bounds what a run pinned to them can reach.
 *
 * @param allCores the measurement on ND4J's default thread count
 * @param others   measurements on the run's other thread counts, in the order asked
 */
public record HostPeak(GemmRate allCores, List<GemmRate> others) {

    public HostPeak {
        others = List.copyOf(others);
    }

    /**
     * The host's peak in GFLOP/s: the best all-core repetition, or a smaller count's if that was faster. The host can
     * do at least that much; on a shared machine a neighbour on one core can hold the all-core product back (seen
     * here: 107 GFLOP/s on 2 threads, 110 on 1), and a share of a smaller number would overstate every row.
     */
    public double gflops() {
        return others.stream().mapToDouble(GemmRate::bestGflops).reduce(allCores.bestGflops(), Math::max);
    }

    /** The peak on {@code threads} ND4J threads, or NaN when that count was not measured; 0 means ND4J's default. */
    public double gflopsAt(int threads) {
        if (threads == 0 || threads == allCores.threads()) {
            return allCores.bestGflops();
        }
        return others.stream().filter(r -> r.threads() == threads).mapToDouble(GemmRate::bestGflops).findFirst()
                .orElse(Double.NaN);
    }

    /**
     * E.g. {@code host peak FLOAT gemm: 141.7 GFLOP/s on 2 threads; 73.0 GFLOP/s on 1 thread (2048x2048x2048,
     * best of 9 and 12; medians 139.9 and 72.5)}.
     */
    public String consoleLine() {
        List<GemmRate> all = new java.util.ArrayList<>();
        all.add(allCores);
        all.addAll(others);
        int n = allCores.n();
        return "host peak FLOAT gemm: " + all.stream().map(GemmRate::text).collect(Collectors.joining("; "))
                + String.format(Locale.ROOT, " (%dx%dx%d sgemm, best of %s; median%s %s)", n, n, n,
                all.stream().map(r -> Integer.toString(r.repetitions())).collect(Collectors.joining(" and ")),
                all.size() == 1 ? "" : "s",
                all.stream().map(r -> String.format(Locale.ROOT, "%.1f", r.medianGflops()))
                        .collect(Collectors.joining(" and ")));
    }
}
