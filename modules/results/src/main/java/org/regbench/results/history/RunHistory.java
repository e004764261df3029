package org.regbench.results.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.regbench.results.BenchRow;
import org.regbench.results.BenchmarkKey;
import org.regbench.results.store.RunStore;
import org.regbench.results.store.StoredRun;

/** The runs of a store, grouped by machine and benchmark. */
public final class RunHistory {

    private final List<List<BenchRow>> runs;

    private RunHistory(List<List<BenchRow>> runs) {
        this.runs = runs;
    }

    /** The runs of a store ({@link RunStore#runs()}: readable ones only, oldest first). */
    public static RunHistory of(List<StoredRun> runs) {
        return new RunHistory(runs.stream().map(StoredRun::rows).toList());
    }

    public int size() {
        return runs.size();
    }

    /** The machine of the most recent run, the natural default when nobody says which machine to look at. */
    public Optional<String> newestMachine() {
        return runs.isEmpty() ? Optional.empty()
                : Optional.of(runs.get(runs.size() - 1).get(0).provenance().machineId());
    }

    public List<List<BenchRow>> runsOf(String machineId) {
        return runs.stream().filter(r -> r.get(0).provenance().machineId().equals(machineId)).toList();
    }

    /**
     * The 95 % half-width over fork levels, the interval every other figure of the suite uses; JMH's own 99.9 %
     * error over iterations only for a run with one fork, which has no fork-level interval.
     */
    static double error(BenchRow r) {
        double w = r.relativeHalfWidthPercent();
        return Double.isFinite(w) ? r.score() * w / 100 : r.scoreError();
    }

    /** One series per benchmark key of this machine, with change points from {@code detector}. */
    public List<BenchmarkSeries> series(String machineId, EDivisive detector) {
        Map<BenchmarkKey, List<RunPoint>> points = new TreeMap<>(Comparator.comparing(BenchmarkKey::text));
        Map<BenchmarkKey, String> units = new LinkedHashMap<>();
        for (List<BenchRow> run : runsOf(machineId)) {
            for (BenchRow r : run) {
                String unit = units.putIfAbsent(r.key(), r.unit());
                if (unit != null && !unit.equals(r.unit())) {
                    // a unit change would make a fake step; the series restarts instead of mixing scales
                    points.remove(r.key());
                    units.put(r.key(), r.unit());
                }
                points.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(new RunPoint(
                        r.provenance().timestamp(), r.provenance().gitCommit(), r.provenance().gitDirty(), r.score(),
                        error(r)));
            }
        }
        List<BenchmarkSeries> out = new ArrayList<>();
        for (Map.Entry<BenchmarkKey, List<RunPoint>> e : points.entrySet()) {
            double[] scores = e.getValue().stream().mapToDouble(RunPoint::score).toArray();
            out.add(new BenchmarkSeries(e.getKey(), units.get(e.getKey()), e.getValue(), detector.detect(scores)));
        }
        return out;
    }
}
