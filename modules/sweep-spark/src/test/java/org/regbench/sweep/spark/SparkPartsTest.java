package org.regbench.sweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The master URL's retries and the test's fault setting, without a Spark context. */
class SparkPartsTest {

    @Test
    void localMastersGetTwoAttemptsPerTaskInTheirUrl() {
        assertEquals("local[1,2]", SparkMaster.withRetries("local"));
        assertEquals("local[2,2]", SparkMaster.withRetries("local[2]"));
        assertEquals("local[*,2]", SparkMaster.withRetries("local[*]"));
        assertEquals("local[2,5]", SparkMaster.withRetries("local[2,5]"), "a URL naming its attempts keeps them");
        assertEquals("spark://head:7077", SparkMaster.withRetries("spark://head:7077"));
    }

    @Test
    void injectedFailuresHitTheNamedRunOnItsFirstAttemptsOnly() {
        FaultInjection.check(null, "mlp/none", 0);
        FaultInjection.check("mlp/none:1", "mlp/standard@0.5", 0);
        FaultInjection.check("mlp/none:1", "mlp/none", 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FaultInjection.check("mlp/standard@0.5:2,mlp/none:1", "mlp/none", 0));
        assertEquals("injected failure of mlp/none on attempt 1", e.getMessage());
        assertThrows(IllegalStateException.class, () -> FaultInjection.check("mlp/none:2", "mlp/none", 1));
    }
}
