package org.regbench.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step: forward, backward and the Adam update, as {@code fit} runs it for one batch.
 *
 * <p>How to run: {@code mvn -pl bench exec:java -Dexec.args="bench --phases train-step"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrainStepBenchmark {

    @Benchmark
    public double trainStep(NetworkState s) {
        double out = s.net.trainStep();
        s.net.sync();
        return out;
    }
}
