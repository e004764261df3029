package org.regbench.bench.equivalence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.regbench.bench.run.BenchPoint;
import org.regbench.bench.run.ForkCommand;
import org.regbench.bench.run.ForkFailedException;
import org.regbench.bench.run.ForkJvmArgs;
import org.regbench.bench.run.JmhPointRunner;
import org.regbench.bench.run.Phase;
import org.regbench.bench.run.PointConfig;
import org.regbench.bench.run.PointFailedException;
import org.regbench.zoo.Variant;

/**
 * Whether a configuration computes what the default path computes. The default path ({@link PointConfig#DEFAULT}: the
 * parent's native build, dl4j, NCHW, helpers off) runs in a fork of its own and records its answers
 * ({@link #record}); each candidate is then checked in a fork started like a benchmark fork of its configuration
 * (its native build, helpers, layout, engine) against that recording ({@link #check}). A faster configuration counts
 * only if it passes: tune leaves configurations that fail out of its winners, and names them.
 */
public final class EquivalenceProbe {

    /** Small enough for a check of a few seconds, big enough for blocked kernels to take their real code paths. */
    public static final int BATCH = 32;
    private static final long SEED = 42;

    private EquivalenceProbe() {
    }

    /** The default path's answers for some variants of one model, in a temporary directory; close deletes it. */
    public static final class Recording implements AutoCloseable {
        private final List<Variant> variants;
        private final Path dir;

        private Recording(List<Variant> variants, Path dir) {
            this.variants = List.copyOf(variants);
            this.dir = dir;
        }

        public List<Variant> variants() {
            return variants;
        }

        @Override
        public void close() {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary directory is harmless
            }
        }
    }

    /** Runs {@code variants} (of one model) on the default path in a fork and records what they compute. */
    public static Recording record(List<Variant> variants) throws ForkFailedException {
        Path dir;
        try {
            dir = Files.createTempDirectory("regbench-equivalence-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Recording recording = new Recording(variants, dir);
        try {
            List<String> lines = fork(PointConfig.DEFAULT, "record", recording);
            long recorded = lines.stream().filter(l -> l.startsWith(EquivalenceProtocol.RECORDED)).count();
            if (recorded != variants.size()) {
                throw new ForkFailedException("equivalence reference", recorded + " of " + variants.size()
                        + " variants recorded", tail(lines));
            }
            return recording;
        } catch (ForkFailedException | RuntimeException e) {
            recording.close();
            throw e;
        }
    }

    /** The verdicts of {@code config} for every variant of {@code recording}. */
    public static List<EquivalenceProtocol.Verdict> check(PointConfig config, Recording recording)
            throws ForkFailedException {
        List<String> lines = fork(config, "compare", recording);
        List<EquivalenceProtocol.Verdict> verdicts = lines.stream().map(EquivalenceProtocol::parse)
                .flatMap(java.util.Optional::stream).toList();
        if (verdicts.size() != recording.variants().size()) {
            throw new ForkFailedException("equivalence check " + config, verdicts.size() + " of "
                    + recording.variants().size() + " verdicts", tail(lines));
        }
        return verdicts;
    }

    /** Records the default path and checks {@code config} against it: both forks, for one configuration. */
    public static List<EquivalenceProtocol.Verdict> check(PointConfig config, List<Variant> variants)
            throws ForkFailedException {
        try (Recording r = record(variants)) {
            return check(config, r);
        }
    }

    private static List<String> fork(PointConfig config, String mode, Recording recording)
            throws ForkFailedException {
        String what = "equivalence " + mode + " " + config;
        List<String> classpath;
        try {
            classpath = JmhPointRunner.classpath(new BenchPoint(recording.variants().get(0), Phase.INFERENCE, BATCH,
                    config));
        } catch (PointFailedException e) {
            throw new ForkFailedException(what, e.getMessage(), "");
        }
        List<String> jvmArgs = new ArrayList<>(ForkJvmArgs.COLLECTOR);
        jvmArgs.addAll(config.jvmArgs());
        List<String> cmd = ForkCommand.of(jvmArgs, classpath, EquivalenceMain.class, List.of(mode,
                String.join(";", recording.variants().stream().map(Variant::text).toList()),
                Integer.toString(BATCH), Long.toString(SEED), recording.dir.toString()));
        Path output = null;
        try {
            output = Files.createTempFile("regbench-equivalence-", ".txt");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new ForkFailedException(what, "did not finish within 10 minutes", "");
            }
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new ForkFailedException(what, "exit " + p.exitValue(), tail(lines));
            }
            return lines;
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

    private static String tail(List<String> lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
