package org.regbench.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.regbench.bench.run.NativeThreads;

/**
 * Sustained memory bandwidth as ND4J itself reaches it: a STREAM-style copy {@code dst.assign(src)} of FLOAT
 * arrays far larger than the last-level cache, with the same ND4J thread pinning as the op benchmarks, so that a
 * dropout op's time can be set against the time its bytes need. Bandwidth = 2 x 4 bytes x elements / time.
 *
 * <p>How to run: {@code mvn -pl bench exec:java -Dexec.args="opcost"} runs it first and sizes the arrays from the
 * cache size; the annotations are defaults that it overrides.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MemoryBandwidthBenchmark {

    /** Elements of each of the two arrays; 32 Mi floats = 128 MiB. */
    @Param("33554432")
    public long elements;

    // non-final, so the JIT cannot constant-fold them
    private INDArray src;
    private INDArray dst;

    @Setup(Level.Trial)
    public void setUp() {
        NativeThreads.applyFromProperty();
        src = Nd4j.rand(DataType.FLOAT, elements);
        dst = Nd4j.zeros(DataType.FLOAT, elements); // zeros, so every page is mapped before timing
    }

    @Benchmark
    public INDArray copy() {
        INDArray out = dst.assign(src);
        Nd4j.getExecutioner().commit();
        return out;
    }
}
