package org.regbench.bench.peak;

import org.regbench.bench.run.ForkCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link GemmPeakMain} in a fresh JVM, the way JMH starts the benchmark forks: the same java binary, class
 * path and JVM arguments. A fresh JVM, because the measuring JVM must not carry the bench session's own heap, JIT
 * state and ND4J pools into the number, and because its thread pools start at ND4J's default size.
 *
 * <p>A probe that fails or times out is reported and leaves the peak unknown: the run itself does not depend on it.
 */
public final class PeakProbe {

    /** A generic (non-AVX) build on a slow CPU needs a few seconds per product; more than this is a hang. */
    static final long TIMEOUT_SECONDS = 120;

    private PeakProbe() {
    }

    /**
     * Measures the all-core peak and the peak on each of {@code runThreads} (0 = ND4J's default). Returns empty,
     * after writing why to {@code log}, when the forked JVM fails.
     */
    public static Optional<HostPeak> measure(List<String> jvmArgs, List<Integer> runThreads, Appendable log) {
        List<String> args = new ArrayList<>(List.of(Integer.toString(GemmPeakMain.DEFAULT_N)));
        runThreads.forEach(t -> args.add(Integer.toString(t)));
        List<String> command = ForkCommand.of(jvmArgs, List.of(System.getProperty("java.class.path")),
                GemmPeakMain.class, args);
        Path out = null;
        Path err = null;
        Process process = null;
        try {
            out = Files.createTempFile("regbench-peak", ".out");
            err = Files.createTempFile("regbench-peak", ".err");
            process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                return failed(log, "no result within " + TIMEOUT_SECONDS + " s", err);
            }
            List<GemmRate> rates = Files.readAllLines(out, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith(GemmRate.PREFIX)).map(GemmRate::parse).toList();
            if (process.exitValue() != 0 || rates.isEmpty()) {
                return failed(log, "exit code " + process.exitValue(), err);
            }
            return Optional.of(new HostPeak(rates.get(0), rates.subList(1, rates.size())));
        } catch (IOException | RuntimeException e) {
            return failed(log, e.toString(), err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(log, "interrupted", err);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            delete(out);
            delete(err);
        }
    }

    private static Optional<HostPeak> failed(Appendable log, String why, Path err) {
        try {
            log.append("host peak not measured (").append(why).append("); peak_gflops and percent_of_peak stay empty")
                    .append(System.lineSeparator());
            if (err != null && Files.exists(err)) {
                List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
                for (String l : lines.subList(Math.max(0, lines.size() - 10), lines.size())) {
                    log.append("  ").append(l).append(System.lineSeparator());
                }
            }
        } catch (IOException e) {
            // the log is the console: nothing better to do
        }
        return Optional.empty();
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }
}
