package org.regbench.bench.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Progress of a command that works through {@code steps} units (forks, epochs) and finishes {@code items} things
 * (points, training runs) along the way. {@link #step} marks a unit done and says what runs now; {@link #result}
 * reports a finished item with its result, numbered {@code [k/items]}.
 */
public abstract class Progress implements AutoCloseable {

    /** Progress as {@code mode} shows it: bar on {@code err}, lines on {@code out}, or nothing. */
    public static Progress start(ProgressMode mode, String task, String stepUnit, int steps, int items,
                                 PrintWriter out, PrintStream err, LongSupplier nanoClock) {
        return switch (mode) {
            case BAR -> new BarProgress(task, steps, items, err, nanoClock);
            case LINES -> new LineProgress(task, stepUnit, steps, items, out, nanoClock);
            case NONE -> new Progress() {
                @Override
                public void step(String status) {
                }

                @Override
                public void stepBy(int n) {
                }

                @Override
                public void result(String text) {
                }

                @Override
                public void close() {
                }
            };
            case AUTO -> throw new IllegalArgumentException("resolve the mode first");
        };
    }

    /** One unit done; {@code status} says what runs next (may be empty). */
    public abstract void step(String status);

    /** {@code n} units skipped at once (a run that stopped early), without a status. */
    public abstract void stepBy(int n);

    /** An item finished: {@code text} is its result, e.g. {@code mlp/none train-step b128  3.650 ms/batch ±4.9 %}. */
    public abstract void result(String text);

    @Override
    public abstract void close();

    /** A duration as a person reads it in a log: {@code 12 s}, {@code 4m 07s}, {@code 1h 05m}. */
    static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        return s >= 3600 ? String.format("%dh %02dm", s / 3600, s % 3600 / 60)
                : String.format("%dm %02ds", s / 60, s % 60);
    }
}
