/**
 * Floating-point operations of the zoo's networks, counted from the DL4J configuration the zoo builds: what one
 * example or one batch of each timed phase costs in arithmetic, so a measured time per batch becomes GFLOP/s.
 *
 * <p>The counting rules (a multiply-add is 2 FLOPs, backward of a matrix product is twice its forward, and so on)
 * are written down once, in {@link org.regbench.zoo.flops.FlopCounter}, and in {@code results/README.md}.
 */
package org.regbench.zoo.flops;
