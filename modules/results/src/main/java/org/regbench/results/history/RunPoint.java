package org.regbench.results.history;

import java.time.Instant;

/** One run's score for one benchmark. */
public record RunPoint(Instant time, String commit, boolean dirty, double score, double error) {
}
