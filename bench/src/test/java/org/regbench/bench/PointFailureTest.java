package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.regbench.bench.run.BenchPoint;
import org.regbench.bench.run.JmhPointRunner;
import org.regbench.bench.run.Phase;
import org.regbench.bench.run.PointFailedException;
import org.regbench.bench.run.Timing;
import org.regbench.bench.run.ForkClasspath;
import org.regbench.zoo.Variant;

/** A point whose forked JVM cannot run is reported as a failed point instead of ending the whole run. */
class PointFailureTest {

    @Test
    void aForkThatCannotStartBecomesAPointFailedException() {
        ForkClasspath.ensure();
        // a maximum heap below the harness's initial heap: the forked JVM refuses to start
        JmhPointRunner runner = new JmhPointRunner(List.of("-Xmx8m"));
        BenchPoint point = new BenchPoint(Variant.parse("mlp/none"), Phase.INFERENCE, 32);
        PointFailedException e = assertThrows(PointFailedException.class, () -> runner.run(point,
                new Timing(1, 1, Duration.ofMillis(100), 1, Duration.ofMillis(100))));
        assertEquals(point, e.point());
    }
}
