package org.regbench.results;

import java.util.Locale;

/** Whether a bigger score is better, decided by the JMH unit so that time and throughput modes both work. */
public enum Direction {
    /** Time per operation, e.g. ms/op: a bigger score is a slowdown. */
    LOWER_IS_BETTER,
    /** Operations per time, e.g. ops/s: a bigger score is a speedup. */
    HIGHER_IS_BETTER;

    public static Direction ofUnit(String unit) {
        String u = unit.trim().toLowerCase(Locale.ROOT);
        if (u.endsWith("/op")) {
            return LOWER_IS_BETTER;
        }
        if (u.startsWith("ops/") || u.startsWith("op/") || u.endsWith("/s") || u.endsWith("/ms")
                || u.endsWith("/us") || u.endsWith("/ns") || u.endsWith("/min")) {
            return HIGHER_IS_BETTER;
        }
        throw new IllegalArgumentException("unit " + unit + " is neither time per op (x/op) nor a rate (ops/x)");
    }

    /**
     * How many times slower {@code current} is than {@code reference}: above 1 is a slowdown in either direction.
     */
    public double slowdown(double reference, double current) {
        return this == LOWER_IS_BETTER ? current / reference : reference / current;
    }
}
