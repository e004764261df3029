/**
 * What regbench may write and who may write it: output paths are checked before anything is created (a regular file
 * or nothing, an existing file only with {@code --force}), one run at a time writes an output (a lock file beside
 * it), and what an interrupted run left behind (temporary files, lock files of dead runs) is removed by the next run
 * that writes to the same folder.
 */
package org.regbench.results.files;
