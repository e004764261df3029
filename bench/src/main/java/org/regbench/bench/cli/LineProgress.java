package org.regbench.bench.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Progress for files and CI logs, as JMH and Google Benchmark print theirs: one line per finished item,
 * {@code [3/28] mlp/none train-step b128  3.650 ms/batch ±4.9 %  12 s}, and a progress line when 30 s have passed or
 * another 5 % of the units is done since the last one, whichever comes first. No carriage returns, no line longer
 * than what it says.
 */
final class LineProgress extends Progress {

    static final Duration EVERY = Duration.ofSeconds(30);
    static final int PERCENT_STEP = 5;

    private final String task;
    private final String unit;
    private final int steps;
    private final int items;
    private final PrintWriter out;
    private final LongSupplier clock;
    private final long start;
    private long lastLine;
    private int done;
    private int finished;
    private int lastBucket;

    LineProgress(String task, String unit, int steps, int items, PrintWriter out, LongSupplier clock) {
        this.task = task;
        this.unit = unit;
        this.steps = Math.max(1, steps);
        this.items = items;
        this.out = out;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastLine = start;
    }

    @Override
    public synchronized void step(String status) {
        advance(1, status);
    }

    @Override
    public synchronized void stepBy(int n) {
        if (n > 0) {
            advance(n, "");
        }
    }

    private void advance(int n, String status) {
        done = Math.min(steps, done + n);
        long now = clock.getAsLong();
        int bucket = done * 100 / steps / PERCENT_STEP;
        if (bucket > lastBucket || now - lastLine >= EVERY.toNanos() || done == steps) {
            lastBucket = bucket;
            lastLine = now;
            Duration elapsed = Duration.ofNanos(now - start);
            String left = done == steps ? "" : ", about " + human(elapsed.multipliedBy(steps - done)
                    .dividedBy(done)) + " left";
            out.printf("%s: %d/%d %s (%d %%), %s elapsed%s%s%n", task, done, steps, unit, done * 100 / steps,
                    human(elapsed), left, status.isEmpty() || done == steps ? "" : "; " + status);
            out.flush();
        }
    }

    @Override
    public synchronized void result(String text) {
        finished++;
        out.printf("[%d/%d] %s  %s%n", finished, items, text, human(Duration.ofNanos(clock.getAsLong() - start)));
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}
