package org.regbench.bench.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.regbench.bench.peak.HostPeak;
import org.regbench.results.BenchRow;
import org.regbench.results.EngineRun;
import org.regbench.results.Efficiency;
import org.regbench.results.Provenance;
import org.regbench.results.ProvenanceProbe;
import org.regbench.results.RepoPaths;
import org.regbench.results.csv.BenchCsv;
import org.regbench.results.regress.BaselineStore;
import org.regbench.results.store.RunStore;
import org.regbench.results.stats.EfficiencyTable;
import org.regbench.results.stats.NoiseSummary;
import org.regbench.results.stats.EngineRatio;
import org.regbench.results.stats.OverheadTable;
import org.regbench.results.stats.Calibration;
import org.regbench.results.stats.OverheadCalculator;
import org.regbench.zoo.Variant;

/**
 * Turns measurements into CSV rows and rewrites the run's file after every point (temporary file, then a move), so
 * points already measured survive a failure or an interrupt of later ones.
 */
public final class RunRecorder {

    private final Provenance provenance;
    private final Path path;
    private final List<BenchRow> rows = new ArrayList<>();
    private final Map<BenchPoint, PointMeasurement> measured = new LinkedHashMap<>();
    private final Map<BenchPoint, Integer> rowOfPoint = new HashMap<>();
    private final List<BenchRow> superseded = new ArrayList<>();
    private String schedule = "";
    private java.util.function.Function<BenchPoint, String> equivalence = p -> "";
    private final PointFlops flops = new PointFlops();
    private Optional<HostPeak> peak = Optional.empty();

    private RunRecorder(Provenance provenance, Path path) {
        this.provenance = provenance;
        this.path = path;
    }

    /** The provenance of a run on {@code backend}; each row then names its own fork's build and threads. */
    public static Provenance provenance(BackendInfo backend) {
        return ProvenanceProbe.probe(backend.backend(), backend.nativeBuild(), backend.device(),
                backend.cudaVersion(), backend.cudnnVersion(), backend.threads(), backend.dl4jVersion());
    }

    /** A run's default file name in the runs folder: {@code <UTC time>_<commit>_<host>_<backend>.csv}. */
    public static String defaultName(Provenance p) {
        return p.runStamp() + "_" + slug(p.host()) + "_" + slug(p.backend()) + ".csv";
    }

    /** Records into {@code path}, which the caller has checked and claimed (OutputPaths, OutputClaim). */
    public static RunRecorder to(Provenance provenance, Path path) {
        return new RunRecorder(provenance, path);
    }

    /** How the run orders its forks (the {@code schedule} column of every row). */
    /** The equivalence verdict each row records ({@link EngineRun#equivalence()}); none unless a run checked. */
    public void useEquivalence(java.util.function.Function<BenchPoint, String> verdicts) {
        this.equivalence = verdicts;
    }

    public void useSchedule(String text) {
        this.schedule = text;
    }

    /**
     * Records a measurement: a new point gets a row, a further fork of a point already recorded (the next round)
     * updates its row. The file is rewritten every time, so every finished fork survives an interrupt.
     */
    public void record(PointMeasurement m) {
        PointMeasurement all = measured.containsKey(m.point()) ? measured.get(m.point()).plus(m) : m;
        measured.put(m.point(), all);
        Integer i = rowOfPoint.get(m.point());
        if (i == null) {
            rowOfPoint.put(m.point(), rows.size());
            rows.add(row(all));
        } else {
            rows.set(i, row(all));
        }
        // the JSON files first: once the CSV shows a fork, they hold it too
        writeJmhJson();
        BencherMetrics.write(bencherMetricsPath(), rows);
        BenchCsv.write(path, rows);
    }

    /** JMH's own JSON of the run, beside its CSV: {@code <run>.jmh.json} ({@link JmhResults}). */
    public Path jmhJsonPath() {
        return JmhResults.besideRun(path);
    }

    /** The run in Bencher Metric Format, beside its CSV: {@code <run>.bmf.json} ({@link BencherMetrics}). */
    public Path bencherMetricsPath() {
        return BencherMetrics.besideRun(path);
    }

    /** Rewrites the JMH JSON with every point measured so far, as the CSV is rewritten. */
    private void writeJmhJson() {
        List<org.openjdk.jmh.results.RunResult> results = measured.values().stream()
                .map(PointMeasurement::jmhResult).flatMap(Optional::stream).toList();
        if (!results.isEmpty()) {
            JmhResults.writeJson(jmhJsonPath(), results);
        }
    }

    /** Whether a fork of the point was recorded. */
    public boolean has(BenchPoint point) {
        return measured.containsKey(point);
    }

    /** What the point's first fork reported it ran on. */
    public ForkReport reportOf(BenchPoint point) {
        return measured.get(point).report();
    }

    /** The row of a point recorded in this run. */
    public BenchRow rowOf(BenchPoint point) {
        return rows.get(rowOfPoint.get(point));
    }

    /**
     * Replaces the row of {@code m}'s benchmark with {@code m} (a re-measurement) and keeps the replaced row in
     * {@link #supersededPath()}, so nothing measured is lost; returns the replaced row.
     */
    public BenchRow replace(PointMeasurement m) {
        BenchRow fresh = row(m);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().equals(fresh.key())) {
                measured.put(m.point(), m);
                BenchRow old = rows.set(i, fresh);
                superseded.add(old);
                BenchCsv.write(supersededPath(), superseded);
                writeJmhJson();
                BencherMetrics.write(bencherMetricsPath(), rows);
                BenchCsv.write(path, rows);
                return old;
            }
        }
        throw new IllegalArgumentException("no row to replace for " + fresh.key());
    }

    /** Where rows replaced by re-measurements go: {@code superseded/<run>-superseded.csv} beside the run. */
    public Path supersededPath() {
        return RunStore.supersededFileOf(path);
    }

    private BenchRow row(PointMeasurement m) {
        Variant v = m.point().variant();
        double msPerBatch = toMillis(m.score(), m.unit());
        // the build and thread count this point's fork reported, not the parent's: one run may hold several
        Provenance p = provenance.withBuild(m.report().backend(), m.report().nativeBuild())
                .withThreads(m.report().threads());
        return new BenchRow(p, v.model().text(), v.type().text(), v.rate().value(), v.placementText(),
                v.text(), m.point().phase().text(), m.point().batchSize(), "FLOAT", m.score(), m.scoreError(),
                m.unit(), m.point().batchSize() * 1000.0 / msPerBatch, msPerBatch, m.iterations(), m.forks().size(),
                m.rawScores(), m.point().config().settings(), efficiency(m.point(), msPerBatch))
                .withForkResults(schedule, m.forks()).withJvmArgs(String.join(" ", m.jvmArgs()))
                .withEngineRun(new EngineRun(m.report().engineVersion(), m.report().helperLayers(),
                        equivalence.apply(m.point())))
                .withAllocation(m.allocBytesPerOp());
    }

    public int size() {
        return rows.size();
    }

    public Path path() {
        return path;
    }

    public List<BenchRow> rows() {
        return List.copyOf(rows);
    }

    /** The session's measured gemm peak: the denominator of percent_of_peak; empty leaves those cells empty. */
    public void usePeak(Optional<HostPeak> measured) {
        this.peak = measured;
    }

    /** Counted FLOPs of the point's batch over its time; the peak columns stay NaN (empty) when unmeasured. */
    private Efficiency efficiency(BenchPoint point, double msPerBatch) {
        return Efficiency.of(flops.perBatch(point), msPerBatch, peak.map(HostPeak::gflops).orElse(Double.NaN));
    }

    /** The noise summary and the GFLOP/s table printed after the overhead table. */
    public String efficiencySummary() {
        return NoiseSummary.render(rows) + System.lineSeparator()
                + EfficiencyTable.render(rows, t -> peak.map(p -> p.gflopsAt(t)).orElse(Double.NaN));
    }

    public String overheadTable() {
        return OverheadTable.render(rows);
    }

    /** DL4J against the other engines of the run, per model and phase; empty with one engine. */
    public String engineRatios() {
        return EngineRatio.render(rows);
    }

    /** The run's A/A rows and resolution, printed after the overhead table. */
    public String calibration() {
        return Calibration.render(OverheadCalculator.compute(rows));
    }

    /** This machine's baseline, if one was saved. */
    public Optional<Path> baseline() {
        return new BaselineStore(RepoPaths.root()).find(provenance.machineId());
    }

    public String machineId() {
        return provenance.machineId();
    }

    /** A JMH score in a time-per-op unit in milliseconds. */
    static double toMillis(double score, String unit) {
        return switch (unit) {
            case "ms/op" -> score;
            case "us/op" -> score / 1e3;
            case "ns/op" -> score / 1e6;
            case "s/op" -> score * 1e3;
            default -> throw new IllegalStateException("unexpected JMH unit " + unit);
        };
    }


    private static String slug(String s) {
        return s.toLowerCase().replaceAll("[^a-z0-9.]+", "-").replaceAll("(^-|-$)", "");
    }
}
