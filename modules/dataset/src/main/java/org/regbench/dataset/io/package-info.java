/** File helpers shared by the readers and importers: writes that are either complete or absent. */
package org.regbench.dataset.io;
