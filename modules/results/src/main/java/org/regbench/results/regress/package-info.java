/**
 * Regression tracking: baselines per machine and backend, and the comparison of a run against one with a verdict
 * per benchmark that needs both a practically relevant slowdown and statistical significance.
 */
package org.regbench.results.regress;
