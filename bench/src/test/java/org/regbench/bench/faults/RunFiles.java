package org.regbench.bench.faults;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.regbench.results.BenchRow;
import org.regbench.results.Provenance;
import org.regbench.results.csv.BenchCsv;

/** Valid run files of a made-up machine, as many rows as a test needs, each with three forks. */
final class RunFiles {

    private RunFiles() {
    }

    static Provenance provenance(Instant time) {
        return new Provenance(time, "0123456789abcdef0123456789abcdef01234567", false, "fault-host",
                "Linux 6.1.0", "AMD EPYC 7763 64-Core Processor", 2, 1, "17.0.15", "OpenJDK 64-Bit Server VM",
                "1.0.0-M2.1", "cpu-avx2", "linux-x86_64-avx2", "AMD EPYC 7763 64-Core Processor", "", "");
    }

    /** One mlp/none train-step row per batch size 1..{@code rows}, scores around {@code ms}. */
    static Path write(Path file, Instant time, int rows, double ms) {
        Provenance p = provenance(time);
        List<BenchRow> out = new ArrayList<>();
        for (int b = 1; b <= rows; b++) {
            double[] raw = {ms, ms * 1.01, ms * 0.99, ms * 1.02, ms, ms * 0.98, ms, ms * 1.01, ms * 0.99};
            out.add(new BenchRow(p, "mlp", "none", 0, "", "mlp/none", "train-step", b, "FLOAT", ms, ms * 0.01,
                    "ms/op", b * 1000.0 / ms, ms, raw.length, 3, raw));
        }
        BenchCsv.write(file, out);
        return file;
    }

    static String machineId() {
        return provenance(Instant.EPOCH).machineId();
    }
}
