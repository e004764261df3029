package org.regbench.results.history;

/**
 * A step in a series.
 *
 * @param index  the first point after the step
 * @param before mean of the segment before it
 * @param after  mean of the segment from it on
 */
public record ChangePoint(int index, double pValue, double before, double after) {

    public double percentChange() {
        return (after / before - 1) * 100;
    }
}
