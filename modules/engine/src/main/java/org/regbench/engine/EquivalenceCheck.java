package org.regbench.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a candidate path (another engine, layout, native build or helper setting) computes what the reference path
 * computes, on the same weights and the same inputs: a faster path counts only if it passes. The candidate takes the
 * reference's parameters and batch; then inference outputs, the loss and every gradient, and (where both draw their
 * dropout masks from the same random stream) the training-mode output are compared.
 *
 * <p>Tolerances are relative to the largest magnitude in each array: float32 summation in another order (blocked
 * GEMM, oneDNN's convolutions, libtorch) moves results by a few ulps per accumulation, about 1e-6 relative at these
 * sizes; the bounds leave two orders of magnitude above that and stay far below what a wrong kernel gives (the NHWC
 * conv-gradient bug of DL4J's oneDNN helper is off by order 1).
 */
public final class EquivalenceCheck {

    /** Outputs, loss and training-mode outputs. */
    public static final double OUTPUT_TOLERANCE = 1e-4;
    /** Gradients: longer reductions than the forward pass. */
    public static final double GRADIENT_TOLERANCE = 1e-3;

    private EquivalenceCheck() {
    }

    /** One compared quantity. */
    public record Comparison(String what, double relativeDifference, double tolerance) {
        public boolean passed() {
            return relativeDifference <= tolerance;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s: %.2e (tolerance %.0e) %s", what, relativeDifference,
                    tolerance, passed() ? "ok" : "DIFFERS");
        }
    }

    /** The comparisons of one candidate against one reference. */
    public record Report(String reference, String candidate, List<Comparison> comparisons) {
        public boolean passed() {
            return comparisons.stream().allMatch(Comparison::passed);
        }

        public List<Comparison> failures() {
            return comparisons.stream().filter(c -> !c.passed()).toList();
        }

        @Override
        public String toString() {
            return candidate + " against " + reference + ": " + (passed() ? "equivalent" : "DIFFERS " + failures());
        }
    }

    /**
     * Compares {@code candidate} with {@code reference}; {@code candidate} is given the reference's parameters and
     * batch first.
     *
     * @param sameMaskStream both draw dropout masks from one random stream after {@link NetworkUnderTest#reset()}
     *                       (DL4J paths with the same seed), so training-mode outputs must match too; across
     *                       engines masks differ and only dropout-free quantities are compared
     */
    public static Report compare(NetworkUnderTest reference, NetworkUnderTest candidate, boolean sameMaskStream) {
        List<Comparison> out = new ArrayList<>();
        List<Tensor> params = reference.parameters();
        candidate.setBatch(reference.batch());
        prepare(candidate, params);
        out.add(compare("inference output", reference.output(false), candidate.output(false), OUTPUT_TOLERANCE));
        if (sameMaskStream) {
            // DL4J draws masks from one process-wide stream: each network restarts it just before its own pass
            prepare(reference, params);
            Tensor trainRef = reference.output(true);
            prepare(candidate, params);
            out.add(compare("training-mode output", trainRef, candidate.output(true), OUTPUT_TOLERANCE));
        }
        prepare(reference, params);
        double lossRef = reference.forwardBackward();
        List<Tensor> gr = reference.gradients();
        prepare(candidate, params);
        double lossCand = candidate.forwardBackward();
        List<Tensor> gc = candidate.gradients();
        if (sameMaskStream || !reference.variant().hasDropout()) {
            out.add(new Comparison("loss", Math.abs(lossRef - lossCand) / Math.max(1e-6, Math.abs(lossRef)),
                    OUTPUT_TOLERANCE));
            if (gr.size() != gc.size()) {
                out.add(new Comparison("gradient count " + gr.size() + " vs " + gc.size(), Double.POSITIVE_INFINITY,
                        0));
            } else {
                for (int i = 0; i < gr.size(); i++) {
                    out.add(compare("gradient " + gr.get(i).name(), gr.get(i), gc.get(i), GRADIENT_TOLERANCE));
                }
            }
        }
        return new Report(reference.description(), candidate.description(), out);
    }

    /** The built state (optimizer, step count, mask stream) with {@code params} as the weights. */
    private static void prepare(NetworkUnderTest net, List<Tensor> params) {
        net.reset();
        net.setParameters(params);
    }

    private static Comparison compare(String what, Tensor a, Tensor b, double tolerance) {
        if (!java.util.Arrays.equals(a.shape(), b.shape())) {
            return new Comparison(what + " shape " + java.util.Arrays.toString(a.shape()) + " vs "
                    + java.util.Arrays.toString(b.shape()), Double.POSITIVE_INFINITY, tolerance);
        }
        return new Comparison(what, a.relativeDifference(b), tolerance);
    }
}
