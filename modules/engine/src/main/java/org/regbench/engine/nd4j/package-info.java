/**
 * Process-wide ND4J settings that every ND4J-backed engine ({@code dl4j}, {@code samediff}) shares: thread pools and
 * platform helpers (oneDNN). One place, so that two engines in one fork cannot set them differently.
 */
package org.regbench.engine.nd4j;
