/**
 * The JMH harness and the command line of regbench: what dropout costs in throughput, forward and backward.
 */
package org.regbench.bench;
