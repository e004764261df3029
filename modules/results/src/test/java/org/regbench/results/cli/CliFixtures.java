package org.regbench.results.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.regbench.results.BenchRow;
import org.regbench.results.Provenance;
import org.regbench.results.TestRows;
import org.regbench.results.csv.BenchCsv;
import picocli.CommandLine;

/** Runs commands the way tests of a subcommand can, capturing output, and writes synthetic run files. */
final class CliFixtures {

    record Result(int exitCode, String out, String err) {
    }

    private CliFixtures() {
    }

    static Result run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    static final Instant START = Instant.parse("2025-01-06T09:00:00Z");

    /**
     * Writes {@code count} daily runs into {@code dir}, named like the harness names them. The cnn train-step gets
     * 15 % slower from run {@code stepAt} on; everything else stays put.
     */
    static List<Path> history(Path dir, int count, int stepAt, long seed) {
        Random rnd = new Random(seed);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant t = START.plus(i, ChronoUnit.DAYS);
            String commit = String.format("c%02d", i) + "0000000000000000000000000000000000000".substring(0, 37);
            Provenance p = TestRows.provenance(commit, t);
            double cnn = i >= stepAt ? 23.0 : 20.0;
            List<BenchRow> rows = run(p, rnd, cnn);
            Path f = dir.resolve(t.toString().replace(":", "").replace("-", "") + "_" + commit.substring(0, 10)
                    + "_bench-host_cpu-avx2.csv");
            BenchCsv.write(f, rows);
            files.add(f);
        }
        return files;
    }

    static List<BenchRow> run(Provenance p, Random rnd, double cnnStandardMs) {
        return List.of(
                TestRows.row(p, "cnn", "none", 0, "train-step", 128, TestRows.noisy(rnd, 18, 0.01, 10), 2),
                TestRows.row(p, "cnn", "standard", 0.2, "train-step", 128, TestRows.noisy(rnd, 19, 0.01, 10), 2),
                TestRows.row(p, "cnn", "standard", 0.5, "train-step", 128,
                        TestRows.noisy(rnd, cnnStandardMs, 0.01, 10), 2),
                TestRows.row(p, "cnn", "spatial", 0.5, "train-step", 128, TestRows.noisy(rnd, 20.5, 0.01, 10), 2),
                TestRows.row(p, "mlp", "none", 0, "train-step", 128, TestRows.noisy(rnd, 2, 0.01, 10), 2),
                TestRows.row(p, "mlp", "standard", 0.5, "train-step", 128, TestRows.noisy(rnd, 2.2, 0.01, 10), 2));
    }
}
