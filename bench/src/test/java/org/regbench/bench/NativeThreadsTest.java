package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.regbench.bench.run.NativeThreads;

class NativeThreadsTest {

    @Test
    void theOpenMpPoolTakesTheRequestedCount() {
        Nd4j.create(1); // the native ops holder needs the backend loaded first
        int before = NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
        try {
            NativeThreads.apply(1);
            assertEquals(1, NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads());
        } finally {
            NativeThreads.apply(before);
        }
    }
}
