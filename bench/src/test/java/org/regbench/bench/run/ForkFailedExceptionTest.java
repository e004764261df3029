package org.regbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Only a JVM that died of a signal counts as crashed: the sweep runs such a run again, and no other failure. */
class ForkFailedExceptionTest {

    @ParameterizedTest
    @CsvSource({"134, true", "139, true", "137, true", "1, false", "2, false", "128, false", "-1, false"})
    void aJvmCrashedWhenItsExitCodeSaysASignalEndedIt(int exitCode, boolean crashed) {
        ForkFailedException e = new ForkFailedException("sweep run mlp/none", "JVM exited with code " + exitCode, "",
                exitCode);
        assertEquals(crashed, e.crashed());
        assertEquals("sweep run mlp/none: JVM exited with code " + exitCode, e.getMessage());
    }

    @Test
    void aFailureWithoutAnExitCodeIsNotACrash() {
        assertFalse(new ForkFailedException("sweep run", "interrupted", "").crashed());
    }
}
