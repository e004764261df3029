/**
 * Charts (XChart, PNG for the page and SVG for print) and the static HTML report. Files are written through a
 * temporary name and a move so a browser or CI artifact upload never picks up half an image.
 */
package org.regbench.results.report;
