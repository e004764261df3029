package org.regbench.bench.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.regbench.bench.UserInputException;
import org.regbench.bench.run.Timing;
import picocli.CommandLine.Option;

/**
 * JMH's {@code -wi}, {@code -w}, {@code -i} and {@code -r}: a preset's iteration counts and times, overridden. They set
 * the base timing; a heavy model's points still stretch it as {@link Timing#forModel} says.
 */
public final class IterationOptions {

    private static final Pattern TIME = Pattern.compile("(\\d+)(ms|s)");

    @Option(names = "--warmup-iterations", paramLabel = "N", description = "warm-up iterations per point and fork"
            + " (overrides the preset; JMH's -wi)")
    Integer warmupIterations;

    @Option(names = "--warmup-time", paramLabel = "TIME", description = "length of a warm-up iteration, e.g. 200ms or"
            + " 1s (overrides the preset; JMH's -w)")
    String warmupTime;

    @Option(names = "--iterations", paramLabel = "N", description = "measured iterations per point and fork"
            + " (overrides the preset; JMH's -i)")
    Integer iterations;

    @Option(names = "--iteration-time", paramLabel = "TIME", description = "length of a measured iteration, e.g."
            + " 200ms or 1s (overrides the preset; JMH's -r)")
    String iterationTime;

    /** {@code base} with the options given; a count below its minimum or an unreadable time is refused. */
    Timing apply(Timing base) {
        int wi = count(warmupIterations, 0, "--warmup-iterations", base.warmupIterations());
        int mi = count(iterations, 1, "--iterations", base.measurementIterations());
        Duration w = warmupTime == null ? base.warmupTime() : time(warmupTime, "--warmup-time");
        Duration r = iterationTime == null ? base.measurementTime() : time(iterationTime, "--iteration-time");
        return new Timing(base.forks(), wi, w, mi, r);
    }

    private static int count(Integer value, int min, String option, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value < min) {
            throw new UserInputException(option + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    static Duration time(String text, String option) {
        Matcher m = TIME.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UserInputException(option + " takes a time such as 200ms or 1s, got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = m.group(2).equals("s") ? Duration.ofSeconds(n) : Duration.ofMillis(n);
        if (d.toMillis() < 10) {
            throw new UserInputException(option + " must be at least 10ms, got '" + text + "'");
        }
        return d;
    }
}
