package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.csv.CSVRecord;
import org.regbench.zoo.Variant;
import org.regbench.zoo.flops.FlopCount;
import org.regbench.zoo.flops.Pass;

/** What a bench CSV row's efficiency columns must hold: the exact FLOP count, and rates consistent with it. */
final class EfficiencyColumns {

    private EfficiencyColumns() {
    }

    static void check(CSVRecord row) {
        String what = row.get("variant") + " " + row.get("phase");
        long flops = FlopCount.of(Variant.parse(row.get("variant")))
                .perBatch(Pass.parse(row.get("phase")), Integer.parseInt(row.get("batch_size")));
        assertEquals(Long.toString(flops), row.get("flops_per_batch"), what);
        double ms = Double.parseDouble(row.get("ms_per_batch"));
        double gflops = Double.parseDouble(row.get("gflops"));
        double peak = Double.parseDouble(row.get("peak_gflops"));
        double percent = Double.parseDouble(row.get("percent_of_peak"));
        int cores = Integer.parseInt(row.get("cores"));
        assertTrue(gflops > 0 && peak > 0, what);
        assertTrue(percent > 0 && percent <= 100.0 * cores, what + ": " + percent + " % of peak");
        // the file keeps 4 significant digits of the derived figures
        assertEquals(flops / (ms / 1e3) / 1e9, gflops, 1e-3 * gflops, what);
        assertEquals(100 * gflops / peak, percent, 1e-3 * percent, what);
    }
}
