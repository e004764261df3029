/**
 * The results store: the runs folder every command reads the same way ({@link org.regbench.results.store.RunStore})
 * and one run read from it ({@link org.regbench.results.store.StoredRun}).
 */
package org.regbench.results.store;
