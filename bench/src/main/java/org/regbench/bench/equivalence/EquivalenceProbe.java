package org.regbench.bench.equivalence;

import org.regbench.bench.run.ForkCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.regbench.bench.run.BenchPoint;
import org.regbench.bench.run.ForkFailedException;
import org.regbench.bench.run.ForkJvmArgs;
import org.regbench.bench.run.JmhPointRunner;
import org.regbench.bench.run.PointConfig;
import org.regbench.bench.run.PointFailedException;
import org.regbench.bench.run.Phase;
import org.regbench.zoo.Variant;

/**
 * Whether a configuration computes what the default path computes, checked in a fork started like a benchmark fork
 * of that configuration (its native build, helpers, layout, engine). A faster configuration counts only if it
 * passes: tune leaves configurations that fail out of its winners, and names them.
 */
public final class EquivalenceProbe {

    /** Small enough for a check of a few seconds, big enough for blocked kernels to take their real code paths. */
    public static final int BATCH = 32;
    private static final long SEED = 42;

    private EquivalenceProbe() {
    }

    /** The verdicts for {@code variants} (of one model) in {@code config}. */
    public static List<EquivalenceProtocol.Verdict> check(PointConfig config, List<Variant> variants)
            throws ForkFailedException {
        String what = "equivalence check " + config;
        List<String> classpath;
        try {
            classpath = JmhPointRunner.classpath(new BenchPoint(variants.get(0), Phase.INFERENCE, BATCH, config));
        } catch (PointFailedException e) {
            throw new ForkFailedException(what, e.getMessage(), "");
        }
        List<String> jvmArgs = new ArrayList<>(ForkJvmArgs.COLLECTOR);
        jvmArgs.addAll(config.jvmArgs());
        List<String> cmd = ForkCommand.of(jvmArgs, classpath, EquivalenceMain.class, List.of(
                String.join(";", variants.stream().map(Variant::text).toList()), Integer.toString(BATCH),
                Long.toString(SEED)));
        Path output = null;
        try {
            output = Files.createTempFile("regbench-equivalence-", ".txt");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new ForkFailedException(what, "did not finish within 10 minutes", "");
            }
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            List<EquivalenceProtocol.Verdict> verdicts = lines.stream().map(EquivalenceProtocol::parse)
                    .flatMap(java.util.Optional::stream).toList();
            if (p.exitValue() != 0 || verdicts.size() != variants.size()) {
                throw new ForkFailedException(what, "exit " + p.exitValue() + ", " + verdicts.size() + " of "
                        + variants.size() + " verdicts", String.join("\n", lines.subList(Math.max(0,
                        lines.size() - 30), lines.size())));
            }
            return verdicts;
        } catch (IOException e) {
            throw new ForkFailedException(what, "cannot start: " + e.getMessage(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForkFailedException(what, "interrupted", "");
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }
}
