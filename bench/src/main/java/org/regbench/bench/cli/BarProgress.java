package org.regbench.bench.cli;

import java.io.PrintStream;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress for a person at a terminal: progressbar's bar on standard error, redrawn every second at the terminal's
 * width (no fixed cut), with finished items printed above it as lines of their own.
 */
final class BarProgress extends Progress {

    private final ProgressBar bar;
    private final PrintStream err;
    private final int items;
    private int finished;

    BarProgress(String task, int steps, int items, PrintStream err, LongSupplier clock) {
        this.err = err;
        this.items = items;
        // without a maximum length, the consumer asks the terminal for its width at every redraw
        this.bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(steps).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(1000).continuousUpdate().setConsumer(new ConsoleProgressBarConsumer(err))
                .build();
    }

    @Override
    public void step(String status) {
        bar.step();
        bar.setExtraMessage(status);
    }

    @Override
    public void stepBy(int n) {
        bar.stepBy(n);
    }

    @Override
    public synchronized void result(String text) {
        finished++;
        // erase the bar's line, print the result, and let the next redraw put the bar below it
        err.print("\r\033[K[" + finished + "/" + items + "] " + text + System.lineSeparator());
        err.flush();
    }

    @Override
    public void close() {
        bar.close();
    }
}
