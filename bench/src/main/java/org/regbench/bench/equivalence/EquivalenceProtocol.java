package org.regbench.bench.equivalence;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.regbench.engine.EquivalenceCheck;
import org.regbench.zoo.Variant;

/**
 * The one line per variant an equivalence fork prints:
 * {@code EQUIVALENCE <variant> <ok|DIFFERS> <helper layers> <worst quantity>=<relative difference> <details>}.
 */
public final class EquivalenceProtocol {

    /** DL4J's switch for its layer helpers: {@code false} turns them on. */
    public static final String HELPERS_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    static final String PREFIX = "EQUIVALENCE ";
    /** What a recording fork prints per variant it recorded. */
    static final String RECORDED = "RECORDED ";

    private EquivalenceProtocol() {
    }

    /** One variant's verdict as read back in the parent. */
    public record Verdict(String variant, boolean equivalent, int helperLayers, String worst, double worstDifference,
                          String details) {
    }

    static String line(Variant v, int helperLayers, EquivalenceCheck.Report r) {
        EquivalenceCheck.Comparison worst = r.comparisons().stream()
                .max(Comparator.comparingDouble(c -> c.relativeDifference() / c.tolerance())).orElseThrow();
        return PREFIX + v.text() + " " + (r.passed() ? "ok" : "DIFFERS") + " " + helperLayers + " "
                + worst.what().replace(' ', '_') + "=" + String.format(Locale.ROOT, "%.3e", worst.relativeDifference())
                + " " + (r.passed() ? "" : r.failures().toString());
    }

    static Optional<Verdict> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] f = line.substring(PREFIX.length()).split(" ", 5);
        String[] worst = f[3].split("=");
        return Optional.of(new Verdict(f[0], "ok".equals(f[1]), Integer.parseInt(f[2]), worst[0].replace('_', ' '),
                Double.parseDouble(worst[1]), f.length > 4 ? f[4] : ""));
    }
}
