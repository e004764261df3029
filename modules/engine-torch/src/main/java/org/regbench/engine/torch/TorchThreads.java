package org.regbench.engine.torch;

import static org.bytedeco.pytorch.global.torch.get_num_interop_threads;
import static org.bytedeco.pytorch.global.torch.get_num_threads;
import static org.bytedeco.pytorch.global.torch.set_num_interop_threads;
import static org.bytedeco.pytorch.global.torch.set_num_threads;

import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * libtorch's thread pools in this process: intra-op (OpenMP, {@code at::set_num_threads}), inter-op
 * ({@code at::set_num_interop_threads}) and OpenBLAS's own pool, which libtorch calls for dense layers and which
 * keeps its size whatever torch is told. Unpinned, OpenBLAS defaults to one thread per core: on this 2-core machine,
 * under load, a 512x512 matrix product took 10-21 ms with torch at 1 or 2 threads against 3.5 ms with OpenBLAS at 1
 * (issue 12 saw the MLP's inference go from 0.45 to about 8 ms with only OMP_NUM_THREADS=2).
 */
public final class TorchThreads {

    /** The pools' sizes; {@code openBlas} is -1 while OpenBLAS runs at its own default. */
    public record State(int intraOp, long interOp, int openBlas) {
    }

    private TorchThreads() {
    }

    /**
     * Sets every pool to {@code threads} (positive). The inter-op pool can be sized only before its first use; eager
     * operators (all this engine runs) never use it, so a later call that cannot resize it leaves it as it is.
     */
    public static State pin(int threads) {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        set_num_threads(threads);
        if (get_num_interop_threads() != threads) {
            try {
                set_num_interop_threads(threads);
            } catch (RuntimeException alreadyStarted) {
                // "cannot set number of interop threads after parallel work has started or set_num_interop_threads
                // called": the pool keeps its size and stays idle
            }
        }
        // finds openblas_set_num_threads in the OpenBLAS that libtorch links (JavaCPP loads one libopenblas.so.0)
        openblas_nolapack.blas_set_num_threads(threads);
        return current();
    }

    public static State current() {
        return new State(get_num_threads(), get_num_interop_threads(), openblas_nolapack.blas_get_num_threads());
    }
}
