package org.regbench.bench.run;

/**
 * JMH's result for one point: the mean score with its 99.9 % half-width, and every measured iteration's score.
 */
public record PointMeasurement(BenchPoint point, double score, double scoreError, String unit, double[] rawScores,
                               int forks) {

    public int iterations() {
        return rawScores.length;
    }
}
