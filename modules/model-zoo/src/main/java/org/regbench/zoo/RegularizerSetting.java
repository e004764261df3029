package org.regbench.zoo;

/** One regularizer with its strength, written {@code l2} (default strength) or {@code l2=0.0005}. */
public record RegularizerSetting(Regularizer kind, double value) implements Comparable<RegularizerSetting> {

    public RegularizerSetting {
        if (kind.takesValue() && !(value > 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("regularizer " + kind.text() + " needs a positive strength, got "
                    + DropRate.format(value));
        }
    }

    public static RegularizerSetting of(Regularizer kind) {
        return new RegularizerSetting(kind, kind.defaultValue());
    }

    public static RegularizerSetting parse(String text) {
        int eq = text.indexOf('=');
        Regularizer kind = Regularizer.parse(eq < 0 ? text : text.substring(0, eq));
        if (eq < 0) {
            return of(kind);
        }
        if (!kind.takesValue()) {
            throw new IllegalArgumentException("regularizer " + kind.text() + " takes no value: '" + text + "'");
        }
        try {
            return new RegularizerSetting(kind, Double.parseDouble(text.substring(eq + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("regularizer strength in '" + text + "' is not a number");
        }
    }

    public String text() {
        return value == kind.defaultValue() ? kind.text() : kind.text() + "=" + DropRate.format(value);
    }

    @Override
    public int compareTo(RegularizerSetting o) {
        return kind.compareTo(o.kind);
    }
}
