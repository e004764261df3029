package org.regbench.bench.run;

/**
 * One forked JMH run's result: the mean score with JMH's 99.9 % half-width, and every measured iteration's score
 * over all forks, in {@code unit}.
 */
public record ForkedScores(double score, double scoreError, String unit, double[] rawScores, int forks) {

    public int iterations() {
        return rawScores.length;
    }
}
