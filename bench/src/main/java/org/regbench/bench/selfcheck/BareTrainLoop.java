package org.regbench.bench.selfcheck;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.regbench.bench.jmh.NetworkState;

/**
 * The training step of {@link org.regbench.bench.jmh.TrainStepBenchmark} in a plain loop, without JMH: the same
 * network and batch (built by the same {@link NetworkState} set-up, ND4J threads pinned the same way), the same body
 * (fit, wait for the backend, read the score), and JMH's iteration structure (so many warm-up and measured
 * iterations of so many milliseconds, each running fit() until its time is up). Every call is timed with
 * {@link System#nanoTime()}; the times go to stdout in {@link BareLoopProtocol}'s lines.
 *
 * <p>Started by selfcheck in a fresh JVM with bench's fork arguments:
 * {@code java <args> -cp <cp> org.regbench.bench.selfcheck.BareTrainLoop mlp/standard@0.5 128 42 4 500 5 500}.
 */
public final class BareTrainLoop {

    private static final int ARGS = 7;

    private BareTrainLoop() {
    }

    public static void main(String[] args) {
        if (args.length != ARGS) {
            System.err.println("usage: BareTrainLoop <variant> <batch> <seed> <warmup iterations> <warmup ms>"
                    + " <measured iterations> <iteration ms>; got " + Arrays.toString(args));
            System.exit(2);
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            out.println(BareLoopProtocol.jvmArgLine(a));
        }
        NetworkState state = new NetworkState();
        state.variant = args[0];
        state.batchSize = Integer.parseInt(args[1]);
        state.seed = Long.parseLong(args[2]);
        state.setUp();
        int warmups = Integer.parseInt(args[3]);
        long warmupNanos = Long.parseLong(args[4]) * 1_000_000L;
        int measured = Integer.parseInt(args[5]);
        long measureNanos = Long.parseLong(args[6]) * 1_000_000L;
        double sink = 0;
        for (int i = 0; i < warmups + measured; i++) {
            boolean measuring = i >= warmups;
            state.nextIteration(); // the same starting state as each of JMH's iterations, outside the timed calls
            long[] times = new long[64];
            int n = 0;
            long end = System.nanoTime() + (measuring ? measureNanos : warmupNanos);
            long now;
            do {
                long t0 = System.nanoTime();
                sink += state.net.trainStep();
                state.net.sync();
                now = System.nanoTime();
                if (n == times.length) {
                    times = Arrays.copyOf(times, n * 2);
                }
                times[n++] = now - t0;
            } while (now < end);
            // printed after the iteration, so that console output never falls inside a timed call
            out.println(BareLoopProtocol.iterationLine(measuring, measuring ? i - warmups : i, Arrays.copyOf(times, n)));
            out.flush();
        }
        out.println(BareLoopProtocol.doneLine(sink));
        out.flush();
        state.tearDown();
    }
}
