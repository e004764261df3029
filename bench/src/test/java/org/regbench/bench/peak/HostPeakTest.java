package org.regbench.bench.peak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostPeakTest {

    @Test
    void ratesComeFromTheFastestAndTheMedianRepetition() {
        // n = 1000: 2e9 FLOPs per product; 0.02 s -> 100 GFLOP/s, 0.025 s -> 80, 0.04 s -> 50
        GemmRate r = GemmRate.of(2, 1000, new double[] {0.04, 0.02, 0.025});
        assertEquals(100.0, r.bestGflops(), 1e-9);
        assertEquals(80.0, r.medianGflops(), 1e-9);
        assertEquals(3, r.repetitions());
        // even count: the median time is the mean of the middle two, (0.025 + 0.04) / 2 = 0.0325 -> 61.538
        assertEquals(2e9 / 0.0325 / 1e9, GemmRate.of(2, 1000, new double[] {0.04, 0.02, 0.025, 0.05})
                .medianGflops(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> GemmRate.of(1, 10, new double[0]));
    }

    @Test
    void theForkedLineReadsBack() {
        GemmRate r = new GemmRate(1, 2048, 9, 106.906, 103.632);
        assertEquals("regbench-gemm threads=1 n=2048 repetitions=9 best=106.906 median=103.632", r.line());
        assertEquals(r, GemmRate.parse(r.line()));
        assertThrows(IllegalArgumentException.class, () -> GemmRate.parse("regbench-gemm threads=1"));
        assertThrows(IllegalArgumentException.class,
                () -> GemmRate.parse("regbench-gemm n=1 threads=1 repetitions=9 best=1 median=1"));
    }

    @Test
    void thePeakIsTheAllCoreRateAndOtherCountsAreLookedUp() {
        HostPeak p = new HostPeak(new GemmRate(2, 2048, 8, 141.72, 139.94),
                List.of(new GemmRate(1, 2048, 12, 73.04, 72.51)));
        assertEquals(141.72, p.gflops());
        assertEquals(141.72, p.gflopsAt(2));
        assertEquals(141.72, p.gflopsAt(0), "0 is ND4J's default count, the all-core one");
        assertEquals(73.04, p.gflopsAt(1));
        assertTrue(Double.isNaN(p.gflopsAt(4)));
        assertEquals("host peak FLOAT gemm: 141.7 GFLOP/s on 2 threads; 73.0 GFLOP/s on 1 thread"
                + " (2048x2048x2048 sgemm, best of 8 and 12; medians 139.9 and 72.5)", p.consoleLine());
        assertEquals("host peak FLOAT gemm: 141.7 GFLOP/s on 2 threads (2048x2048x2048 sgemm, best of 8; median"
                + " 139.9)", new HostPeak(p.allCores(), List.of()).consoleLine());
    }

    @Test
    void aBusyNeighbourCannotPullThePeakBelowASmallerCountsRate() {
        HostPeak p = new HostPeak(new GemmRate(2, 2048, 10, 106.7, 104.0),
                List.of(new GemmRate(1, 2048, 10, 109.7, 107.0)));
        assertEquals(109.7, p.gflops());
        assertEquals(106.7, p.gflopsAt(2));
    }

    @Test
    void aSmallProductInProcessGivesAPositiveRate() {
        GemmRate r = GemmPeakMain.measure(64, 1);
        assertTrue(r.repetitions() >= GemmPeakMain.MIN_REPETITIONS && r.repetitions() <= GemmPeakMain.MAX_REPETITIONS);
        assertTrue(r.bestGflops() > 0 && r.bestGflops() >= r.medianGflops(), r.toString());
    }
}
