package org.regbench.zoo;

/**
 * A drop rate: the probability that a unit is zeroed during training (Keras {@code Dropout(rate)}, PyTorch {@code p}).
 *
 * <p>Zero means "no dropout": callers must build no dropout object at all for it, because DL4J still draws a mask
 * for {@code new Dropout(1.0)}.
 */
public record DropRate(double value) implements Comparable<DropRate> {

    public static final DropRate NONE = new DropRate(0.0);

    public DropRate {
        if (!(value >= 0.0 && value < 1.0)) {
            throw new IllegalArgumentException("dropout rate " + format(value) + " is outside [0, 1)");
        }
    }

    public static DropRate of(double value) {
        return new DropRate(value);
    }

    /** Parses a rate such as {@code 0.5}; the message names the text when it is not a number or out of range. */
    public static DropRate parse(String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dropout rate '" + text + "' is not a number");
        }
        return new DropRate(v);
    }

    public boolean isNone() {
        return value == 0.0;
    }

    /** The retain probability DL4J's Dropout, AlphaDropout, SpatialDropout and DropConnect expect: {@code 1 - rate}. */
    public double retainProbability() {
        return 1.0 - value;
    }

    /** Shortest decimal text: 0.5, 0.25, 0 — stable across runs because it is used in variant names and CSV. */
    public String text() {
        return format(value);
    }

    public static String format(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    @Override
    public int compareTo(DropRate o) {
        return Double.compare(value, o.value);
    }

    @Override
    public String toString() {
        return text();
    }
}
