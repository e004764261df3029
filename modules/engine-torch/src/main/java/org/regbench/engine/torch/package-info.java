/**
 * The {@code torch} engine: the zoo models built with libtorch's C++ API (PyTorch 2.10) through
 * {@code org.bytedeco:pytorch}, on the CPU, as the reference peer of DL4J. Nothing here touches ND4J, so a fork that
 * runs only this engine never loads ND4J's native library or its thread pools.
 */
package org.regbench.engine.torch;
