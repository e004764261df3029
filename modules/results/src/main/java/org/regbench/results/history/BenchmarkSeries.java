package org.regbench.results.history;

import java.util.List;
import org.regbench.results.BenchmarkKey;

/** One benchmark over time on one machine, oldest run first, with the steps found in it. */
public record BenchmarkSeries(BenchmarkKey key, String unit, List<RunPoint> points, List<ChangePoint> changes) {

    public BenchmarkSeries {
        points = List.copyOf(points);
        changes = List.copyOf(changes);
    }

    /** The run where a step shows first: its commit is the first one that can have caused it. */
    public RunPoint firstRunAfter(ChangePoint c) {
        return points.get(c.index());
    }
}
