/** Exact duplicate images found and removed before splitting, so that no image sits on both sides of a split. */
package org.regbench.dataset.dedup;
