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
 * A forward pass in training mode, dropout on: what MC dropout pays per pass.
 *
 * <p>How to run: {@code mvn -pl bench exec:java -Dexec.args="bench --phases forward-train"}; the annotations are
 * defaults that the presets override.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ForwardTrainBenchmark {

    @Benchmark
    public Object forwardTrain(NetworkState s) {
        Object out = s.net.forwardTrain();
        s.net.sync();
        return out;
    }
}
