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
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * What a forked JVM actually ran on, as the fork itself saw it: the native library ND4J loaded (from its path, as
 * {@link BackendInfo#probe()} reads it), the thread count in force and how many layers got a DL4J helper. The fork
 * writes it to the file named by {@value #PROPERTY}; the parent reads it into the point's CSV row, so a row names
 * the build that ran, not the one that was asked for.
 *
 * @param helperLayers layers with a oneDNN/cuDNN helper; 0 when helpers are off or DL4J found none it could use
 */
public record ForkReport(String backend, String nativeBuild, int threads, int helperLayers, List<Integer> order) {

    public static final String PROPERTY = "regbench.forkReport";

    public ForkReport {
        order = List.copyOf(order);
    }

    /** A report without an iteration order: a fork of one variant. */
    public ForkReport(String backend, String nativeBuild, int threads, int helperLayers) {
        this(backend, nativeBuild, threads, helperLayers, List.of());
    }

    /** In a fork: probes the backend and writes the report if the parent asked for one. */
    public static void writeIfAsked(MultiLayerNetwork net, int threads) {
        writeIfAsked(List.of(net), threads);
    }

    /** The same for a fork of several networks; helper layers are those of the first. */
    public static void writeIfAsked(List<MultiLayerNetwork> nets, int threads) {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        BackendInfo b = BackendInfo.probe();
        int helpers = 0;
        for (Layer layer : nets.get(0).getLayers()) {
            if (layer.getHelper() != null) {
                helpers++;
            }
        }
        new ForkReport(b.backend(), b.nativeBuild(), threads, helpers).write(Path.of(file));
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
        read(Path.of(file)).ifPresent(r -> new ForkReport(r.backend, r.nativeBuild, r.threads, r.helperLayers, order)
                .write(Path.of(file)));
    }

    public void write(Path file) {
        Properties p = new Properties();
        p.setProperty("backend", backend);
        p.setProperty("nativeBuild", nativeBuild);
        p.setProperty("threads", Integer.toString(threads));
        p.setProperty("helperLayers", Integer.toString(helperLayers));
        p.setProperty("order", String.join(",", order.stream().map(String::valueOf).toList()));
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
                    : java.util.Arrays.stream(order.split(",")).map(Integer::valueOf).toList()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
