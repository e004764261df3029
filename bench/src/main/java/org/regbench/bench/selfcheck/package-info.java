/**
 * Harness-overhead self-check: JMH's train-step score against a bare {@code net.fit} loop timed with
 * {@code System.nanoTime} in a JVM started with the same arguments, class path and ND4J thread pinning.
 */
package org.regbench.bench.selfcheck;
