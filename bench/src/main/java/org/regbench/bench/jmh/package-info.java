/**
 * JMH benchmarks, one class per timed phase. They share {@link org.regbench.bench.jmh.NetworkState}, built once per
 * trial, and are driven from code by {@link org.regbench.bench.run.JmhPointRunner}, never in-process.
 */
package org.regbench.bench.jmh;
