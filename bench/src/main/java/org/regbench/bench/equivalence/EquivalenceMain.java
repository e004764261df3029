package org.regbench.bench.equivalence;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.regbench.bench.run.NativeThreads;
import org.regbench.bench.run.PointConfig;
import org.regbench.engine.Engine;
import org.regbench.engine.Engines;
import org.regbench.engine.EquivalenceCheck;
import org.regbench.engine.NetworkUnderTest;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.Variant;

/**
 * Runs in a forked JVM on the candidate's native build: builds the reference (the dl4j engine, NCHW, DL4J's default
 * workspaces, helpers off) and the candidate (the configuration the fork was started with) in this JVM, and prints
 * one {@link EquivalenceProtocol} line per variant. Both networks share the JVM so that they can share weights, batch
 * and dropout-mask stream; the reference is built before helpers are switched on, as DL4J decides per layer, at
 * construction, whether a helper attaches.
 *
 * <p>Arguments: variants (text forms) separated by {@code ;}, batch size, seed.
 */
public final class EquivalenceMain {

    private EquivalenceMain() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Engine candidateEngine = Engines.get(System.getProperty(PointConfig.ENGINE_PROPERTY, Engines.DEFAULT));
        Engine reference = Engines.get(Engines.DEFAULT);
        String helpersAsked = System.getProperty(EquivalenceProtocol.HELPERS_PROPERTY, "true");
        int threads = NativeThreads.requested();
        reference.pinThreads(threads > 0 ? threads : 1);
        int batch = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        for (String text : args[0].split(";")) {
            Variant v = Variant.parse(text);
            System.setProperty(EquivalenceProtocol.HELPERS_PROPERTY, "true");
            try (NetworkUnderTest ref = reference.build(v, seed, batch, BuildOptions.DEFAULT)) {
                System.setProperty(EquivalenceProtocol.HELPERS_PROPERTY, helpersAsked);
                try (NetworkUnderTest cand = candidateEngine.build(v, seed, batch,
                        PointConfig.buildOptionsFromProperties())) {
                    boolean sameMasks = candidateEngine.name().equals(reference.name());
                    EquivalenceCheck.Report r = EquivalenceCheck.compare(ref, cand, sameMasks);
                    out.println(EquivalenceProtocol.line(v, cand.acceleratedLayers(), r));
                }
            }
        }
    }
}
