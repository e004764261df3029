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
 * Inference: {@code output(x)}, dropout off.
 *
 * <p>How to run: {@code mvn -pl bench exec:java -Dexec.args="bench --phases inference"}; the annotations are
 * defaults that the presets override.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InferenceBenchmark {

    @Benchmark
    public Object inference(NetworkState s) {
        Object out = s.net.inference();
        s.net.sync();
        return out;
    }
}
