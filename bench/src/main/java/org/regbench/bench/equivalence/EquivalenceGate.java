package org.regbench.bench.equivalence;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.regbench.bench.run.BenchPoint;
import org.regbench.bench.run.CnnFormat;
import org.regbench.bench.run.ForkFailedException;
import org.regbench.bench.run.Helpers;
import org.regbench.bench.run.NativeBuild;
import org.regbench.engine.Engines;
import org.regbench.results.EngineRun;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.ModelKind;
import org.regbench.zoo.Variant;

/**
 * The equivalence verdicts of a plan's configurations: the default path (the parent's build as built, DL4J's
 * MultiLayerNetwork, NCHW, helpers off) recorded in a fork per model, then one fork per model and configuration that
 * is not the default path itself, compared with the recording. Checked on the model without dropout and with standard
 * dropout at 0.5, so that the training-mode masks are covered too. Threads and workspace mode are left out of the key:
 * they change scheduling and memory reuse, not the arithmetic (the dl4j engine's tests check workspaces).
 */
public final class EquivalenceGate {

    private final Map<String, Optional<String>> failures = new LinkedHashMap<>();

    private EquivalenceGate() {
    }

    /**
     * Runs the checks for every distinct configuration of {@code points}, printing one line each: the default path is
     * recorded once per model and variant list, in a fork of its own, and each configuration is compared with it.
     */
    public static EquivalenceGate check(List<BenchPoint> points, PrintWriter console) {
        EquivalenceGate gate = new EquivalenceGate();
        Map<String, BenchPoint> toCheck = new LinkedHashMap<>();
        for (BenchPoint p : points) {
            if (!isDefaultPath(p)) {
                toCheck.putIfAbsent(key(p), p);
            }
        }
        Map<List<Variant>, EquivalenceProbe.Recording> recordings = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, BenchPoint> e : toCheck.entrySet()) {
                BenchPoint p = e.getValue();
                org.regbench.zoo.Model model = p.variant().model();
                List<Variant> variants = new ArrayList<>(List.of(Variant.none(model)));
                Variant standard = Variant.of(model, DropoutType.STANDARD, DropRate.of(0.5));
                if (Engines.get(p.config().engine()).refusal(standard, p.config().buildOptions()).isEmpty()) {
                    variants.add(standard);
                }
                Optional<String> failure;
                try {
                    EquivalenceProbe.Recording recording = recordings.get(variants);
                    if (recording == null) {
                        recording = EquivalenceProbe.record(variants);
                        recordings.put(List.copyOf(variants), recording);
                    }
                    List<EquivalenceProtocol.Verdict> verdicts = EquivalenceProbe.check(p.config(), recording);
                    failure = verdicts.stream().filter(v -> !v.equivalent()).findFirst()
                            .map(v -> v.variant() + " " + v.worst() + " off by "
                                    + String.format(java.util.Locale.ROOT, "%.2g", v.worstDifference()));
                } catch (ForkFailedException ex) {
                    failure = Optional.of("check failed: " + ex.getMessage());
                }
                gate.failures.put(e.getKey(), failure);
                console.printf("equivalence %s %s: %s%n", model.text(), p.config(), failure.map(f -> "DIFFERS, " + f)
                        .orElse("same outputs and gradients as the default path"));
                console.flush();
            }
        } finally {
            recordings.values().forEach(EquivalenceProbe.Recording::close);
        }
        return gate;
    }

    /** Why the point's configuration is not equivalent, or empty when it is (or is the default path). */
    public Optional<String> failure(BenchPoint p) {
        return isDefaultPath(p) ? Optional.empty() : failures.getOrDefault(key(p), Optional.empty());
    }

    /** What a row records ({@link EngineRun#equivalence()}): default path, equivalent, or what differs. */
    public String verdict(BenchPoint p) {
        if (isDefaultPath(p)) {
            return EngineRun.DEFAULT_PATH;
        }
        Optional<String> f = failures.get(key(p));
        return f == null ? "" : f.map(reason -> EngineRun.DIFFERS + reason).orElse(EngineRun.EQUIVALENT);
    }

    /**
     * The default path itself: the parent's native build as built, dl4j, NCHW, helpers off. Another native build with
     * helpers off is not it: the oneDNN builds run some of ND4J's own ops through oneDNN whatever DL4J's helpers do.
     */
    private static boolean isDefaultPath(BenchPoint p) {
        return Engines.DEFAULT.equals(p.config().engine()) && p.config().helpers() == Helpers.OFF
                && p.config().cnnFormat() == CnnFormat.NCHW && p.config().nativeBuild() == NativeBuild.AS_BUILT;
    }

    private static String key(BenchPoint p) {
        return p.variant().model().text() + "|" + p.config().engine() + "|" + p.config().nativeBuild() + "|"
                + p.config().helpers() + "|" + p.config().cnnFormat();
    }
}
