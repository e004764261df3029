package org.regbench.bench.run;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.regbench.engine.Engine;
import org.regbench.engine.NetworkUnderTest;

/**
 * What a forked JVM actually ran on, as the fork itself saw it: the native library ND4J loaded (from its path, as
 * {@link BackendInfo#probe()} reads it), the thread count in force and how many layers got a DL4J helper. The fork
 * writes it to the file named by {@value #PROPERTY}; the parent reads it into the point's CSV row, so a row names
 * the build that ran, not the one that was asked for.
 *
 * @param helperLayers  layers with a oneDNN/cuDNN helper; 0 when helpers are off or DL4J found none it could use
 * @param engineVersion what the engine runs on, e.g. {@code DL4J 1.0.0-M2.1} ({@link Engine#version()})
 */
public record ForkReport(String backend, String nativeBuild, int threads, int helperLayers, List<Integer> order,
                         String engineVersion) {

    public static final String PROPERTY = "regbench.forkReport";

    /** Engines that do not run on ND4J report this as their backend and build. */
    public static final String NOT_ND4J = "none";

    public ForkReport {
        order = List.copyOf(order);
        engineVersion = engineVersion == null ? "" : engineVersion;
    }

    /** A report without an iteration order or engine: a fork of one DL4J network. */
    public ForkReport(String backend, String nativeBuild, int threads, int helperLayers) {
        this(backend, nativeBuild, threads, helperLayers, List.of(), "");
    }

    /**
     * In a benchmark fork: what {@code engine} runs on and the helper layers of its first network; the thread count
     * asked for ({@code 0}: the engine's default, read back from ND4J where the engine runs on it).
     */
    public static void writeIfAsked(Engine engine, List<NetworkUnderTest> nets, int threads) {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        String backend = NOT_ND4J;
        String build = NOT_ND4J;
        int inForce = threads;
        if (engine.runsOnNd4j()) {
            BackendInfo b = BackendInfo.probe();
            backend = b.backend();
            build = b.nativeBuild();
            inForce = threads > 0 ? threads : b.threads();
        }
        new ForkReport(backend, build, inForce, nets.get(0).acceleratedLayers(), List.of(), engine.version())
                .write(Path.of(file));
    }

    /**
     * In a fork, at its end: adds which network each iteration ran (warm-up and measured, in order) to the report,
     * for a paired fork's parent to split the iterations by variant.
     */
    public static void appendOrderIfAsked(List<Integer> order) {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        read(Path.of(file)).ifPresent(r -> new ForkReport(r.backend, r.nativeBuild, r.threads, r.helperLayers, order,
                r.engineVersion).write(Path.of(file)));
    }

    public void write(Path file) {
        Properties p = new Properties();
        p.setProperty("backend", backend);
        p.setProperty("nativeBuild", nativeBuild);
        p.setProperty("threads", Integer.toString(threads));
        p.setProperty("helperLayers", Integer.toString(helperLayers));
        p.setProperty("order", String.join(",", order.stream().map(String::valueOf).toList()));
        p.setProperty("engineVersion", engineVersion);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "regbench fork report");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write fork report " + file, e);
        }
    }

    /** The report a fork left, or empty when it left none (it failed before its set-up finished). */
    public static Optional<ForkReport> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            String order = p.getProperty("order", "");
            return Optional.of(new ForkReport(p.getProperty("backend", "unknown"),
                    p.getProperty("nativeBuild", "unknown"), Integer.parseInt(p.getProperty("threads", "0")),
                    Integer.parseInt(p.getProperty("helperLayers", "0")), order.isBlank() ? List.of()
                    : java.util.Arrays.stream(order.split(",")).map(Integer::valueOf).toList(),
                    p.getProperty("engineVersion", "")));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
