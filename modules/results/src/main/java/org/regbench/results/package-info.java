/**
 * The results contract shared with the JMH harness: one {@link org.regbench.results.BenchRow} per measured point,
 * with the {@link org.regbench.results.Provenance} that makes runs comparable across years and machines. Pure Java on
 * purpose: nothing here loads ND4J, so the harness can describe the backend and this module only records it.
 */
package org.regbench.results;
