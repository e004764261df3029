package org.regbench.bench.selfcheck;

import org.regbench.bench.run.ForkCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.regbench.bench.run.ForkClasspath;
import org.regbench.bench.run.ForkFailedException;
import org.regbench.bench.run.ForkReport;
import org.regbench.bench.run.Timing;
import org.regbench.zoo.Variant;

/**
 * Starts {@link BareTrainLoop} in a fresh JVM the way {@link org.regbench.bench.run.JmhPointRunner} has JMH start its
 * forks: this JVM's {@code java}, the given JVM arguments plus a {@link ForkReport} file, and {@code -cp} with the
 * forks' class path ({@link ForkClasspath#current()}). Checks that the child got every argument, and returns what
 * it reported it ran on, for comparison with the JMH fork's report.
 */
public final class BareLoopLauncher {

    private static final long SEED = 42; // NetworkState's default, which bench's forks use

    private final List<String> jvmArgs;

    public BareLoopLauncher(List<String> jvmArgs) {
        this.jvmArgs = List.copyOf(jvmArgs);
    }

    /** The times the loop printed and the backend its JVM reported. */
    public record Result(BareLoopProtocol.Report times, ForkReport fork) {
    }

    public List<String> command(Variant variant, int batchSize, Timing timing, Path forkReport) {
        List<String> args = new ArrayList<>(jvmArgs);
        args.add("-D" + ForkReport.PROPERTY + "=" + forkReport);
        List<String> cmd = ForkCommand.of(args, ForkClasspath.current(), BareTrainLoop.class, List.of(variant.text(),
                Integer.toString(batchSize), Long.toString(SEED), Integer.toString(timing.warmupIterations()),
                Long.toString(timing.warmupTime().toMillis()), Integer.toString(timing.measurementIterations()),
                Long.toString(timing.measurementTime().toMillis())));
        return cmd;
    }

    /** Runs one bare-loop JVM to completion. */
    public Result run(Variant variant, int batchSize, Timing timing) throws ForkFailedException {
        String what = "bare loop " + variant.text() + " b" + batchSize;
        Path errors = null;
        Path forkReport = null;
        try {
            errors = Files.createTempFile("regbench-bare", ".log");
            forkReport = Files.createTempFile("regbench-bare-fork-", ".properties");
            Files.delete(forkReport); // absent until the child writes it
            Process p = new ProcessBuilder(command(variant, batchSize, timing, forkReport))
                    .redirectError(errors.toFile())
                    .start();
            p.getOutputStream().close();
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            }
            int code = p.waitFor();
            String log = tail(lines, errors);
            if (code != 0) {
                throw new ForkFailedException(what, "JVM exited with code " + code, log);
            }
            BareLoopProtocol.Report report;
            try {
                report = BareLoopProtocol.parse(lines);
            } catch (RuntimeException e) {
                throw new ForkFailedException(what, e.getMessage(), log);
            }
            if (!report.done() || report.measuredNanos().size() != timing.measurementIterations()) {
                throw new ForkFailedException(what, "reported " + report.measuredNanos().size() + " of "
                        + timing.measurementIterations() + " measured iterations", log);
            }
            if (!report.jvmArgs().containsAll(jvmArgs)) {
                throw new ForkFailedException(what, "the JVM got " + report.jvmArgs() + ", not all of " + jvmArgs, log);
            }
            Path written = forkReport;
            ForkReport fork = ForkReport.read(forkReport).orElseThrow(() -> new ForkFailedException(what,
                    "the JVM reported no backend (" + written + " missing)", log));
            return new Result(report, fork);
        } catch (IOException e) {
            throw new ForkFailedException(what, "cannot start a JVM: " + e.getMessage(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForkFailedException(what, "interrupted", "");
        } finally {
            deleteQuietly(errors);
            deleteQuietly(forkReport);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }

    private static String tail(List<String> stdout, Path stderr) throws IOException {
        List<String> all = new ArrayList<>(stdout.stream().filter(l -> !l.startsWith(BareLoopProtocol.PREFIX)).toList());
        all.addAll(new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8).lines().toList());
        return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - 25), all.size()));
    }
}
