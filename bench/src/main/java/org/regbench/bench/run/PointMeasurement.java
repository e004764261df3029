package org.regbench.bench.run;

/**
 * JMH's result for one point: the mean score with its 99.9 % half-width, every measured iteration's score, and what
 * the fork reported it ran on.
 */
public record PointMeasurement(BenchPoint point, double score, double scoreError, String unit, double[] rawScores,
                               int forks, ForkReport report) {

    public int iterations() {
        return rawScores.length;
    }
}
