package org.regbench.bench.equivalence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.regbench.bench.run.NativeThreads;
import org.regbench.bench.run.PointConfig;
import org.regbench.engine.Engine;
import org.regbench.engine.Engines;
import org.regbench.engine.EquivalenceCheck;
import org.regbench.engine.NetworkUnderTest;
import org.regbench.engine.RecordedReference;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.Variant;

/**
 * The main class of the two kinds of equivalence fork. {@code record} runs on the default path (the parent's native
 * build, the dl4j engine, NCHW, DL4J's default workspaces, helpers off) and writes one {@link RecordedReference} per
 * variant; {@code compare} runs on the candidate's configuration (its native build, helpers, layout, engine), builds
 * the candidate and prints one {@link EquivalenceProtocol} line per variant against the recording. Two JVMs because a
 * process loads one native build: a oneDNN candidate is checked against the plain build itself, and the recording's
 * weights and batch are what the candidate is given.
 *
 * <p>Arguments: {@code record|compare}, variants (text forms) separated by {@code ;}, batch size, seed, directory of
 * the recordings.
 */
public final class EquivalenceMain {

    private EquivalenceMain() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String mode = args[0];
        String[] variants = args[1].split(";");
        int batch = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        Path dir = Path.of(args[4]);
        int threads = NativeThreads.requested();
        Engine engine = Engines.get("record".equals(mode) ? Engines.DEFAULT
                : System.getProperty(PointConfig.ENGINE_PROPERTY, Engines.DEFAULT));
        engine.pinThreads(threads > 0 ? threads : 1);
        for (int i = 0; i < variants.length; i++) {
            Variant v = Variant.parse(variants[i]);
            Path file = recording(dir, i);
            if ("record".equals(mode)) {
                try (NetworkUnderTest ref = engine.build(v, seed, batch, BuildOptions.DEFAULT);
                     OutputStream o = Files.newOutputStream(file)) {
                    RecordedReference.record(ref).write(o);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                out.println(EquivalenceProtocol.RECORDED + v.text());
            } else {
                RecordedReference ref;
                try (InputStream in = Files.newInputStream(file)) {
                    ref = RecordedReference.read(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                try (NetworkUnderTest cand = engine.build(v, seed, batch, PointConfig.buildOptionsFromProperties())) {
                    // DL4J on any ND4J build, seeded alike, draws the same masks; other engines draw their own
                    boolean sameMasks = engine.name().equals(Engines.DEFAULT);
                    EquivalenceCheck.Report r = EquivalenceCheck.compare(ref, cand, sameMasks);
                    out.println(EquivalenceProtocol.line(v, cand.acceleratedLayers(), r));
                }
            }
        }
    }

    static Path recording(Path dir, int index) {
        return dir.resolve("reference-" + index + ".bin");
    }
}
