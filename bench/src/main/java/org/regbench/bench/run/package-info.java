/**
 * Planning and running benchmark points: presets, the variant grid, one forked JMH run per point, backend provenance.
 */
package org.regbench.bench.run;
