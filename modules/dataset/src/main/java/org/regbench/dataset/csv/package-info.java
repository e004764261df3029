/** CSV data sets read through DataVec, the record-reading layer DL4J pipelines are built on. */
package org.regbench.dataset.csv;
