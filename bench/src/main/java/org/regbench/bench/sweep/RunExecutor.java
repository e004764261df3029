package org.regbench.bench.sweep;

import java.util.List;
import java.util.Map;

/**
 * Where a sweep's training runs execute: forked JVMs on this machine ({@link SweepExecutor}) or the tasks of a cluster
 * ({@link ClusterRunner}). Either way a run's numbers depend only on the run, and the outcome lists results in the
 * order of {@code runs}.
 */
public interface RunExecutor {

    SweepExecutor.Outcome run(List<TrainingRun> runs, Map<TrainingRun, List<Integer>> mcPasses,
                              SweepExecutor.Listener listener);
}
