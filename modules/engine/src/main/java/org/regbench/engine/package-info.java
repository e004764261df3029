/**
 * The engine seam: {@link org.regbench.engine.Engine} builds a {@link org.regbench.engine.NetworkUnderTest} from a zoo
 * variant; benchmarks, selfcheck and the equivalence checks use only these. Engines live in subpackages (and the
 * optional torch module) and never depend on each other.
 */
package org.regbench.engine;
