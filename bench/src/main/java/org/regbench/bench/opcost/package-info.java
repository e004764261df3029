/**
 * The dropout op alone against the memory-bandwidth bound: sites and shapes derived from the model zoo, the bytes
 * each op must move, and the CSV and table of an opcost run.
 */
package org.regbench.bench.opcost;
