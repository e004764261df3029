package org.regbench.results.history;

import java.time.Instant;

/**
 * One run's score for one benchmark.
 *
 * @param error the 95 % half-width over fork levels; JMH's 99.9 % error over iterations for a one-fork run
 */
public record RunPoint(Instant time, String commit, boolean dirty, double score, double error) {
}
