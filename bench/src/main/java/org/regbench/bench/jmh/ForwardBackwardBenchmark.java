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
 * Forward in training mode plus backpropagation: the gradient, without the optimizer's update. The backward pass
 * alone is this minus {@link ForwardTrainBenchmark}.
 *
 * <p>How to run: {@code mvn -pl bench exec:java -Dexec.args="bench --phases forward-backward"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ForwardBackwardBenchmark {

    @Benchmark
    public double forwardBackward(NetworkState s) {
        double out = s.net.forwardBackward();
        s.net.sync();
        return out;
    }
}
