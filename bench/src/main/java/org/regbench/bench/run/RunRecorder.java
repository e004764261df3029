package org.regbench.bench.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.regbench.bench.cli.UserInputException;
import org.regbench.bench.peak.HostPeak;
import org.regbench.results.BenchRow;
import org.regbench.results.Efficiency;
import org.regbench.results.Provenance;
import org.regbench.results.ProvenanceProbe;
import org.regbench.results.RepoPaths;
import org.regbench.results.csv.BenchCsv;
import org.regbench.results.regress.BaselineStore;
import org.regbench.results.stats.EfficiencyTable;
import org.regbench.results.stats.NoiseSummary;
import org.regbench.results.stats.OverheadTable;
import org.regbench.zoo.Variant;

/**
 * Turns measurements into CSV rows and rewrites the run's file after every point (temporary file, then a move), so
 * points already measured survive a failure or an interrupt of later ones.
 */
public final class RunRecorder {

    private final Provenance provenance;
    private final Path path;
    private final List<BenchRow> rows = new ArrayList<>();
    private final List<BenchRow> superseded = new ArrayList<>();
    private final PointFlops flops = new PointFlops();
    private Optional<HostPeak> peak = Optional.empty();

    private RunRecorder(Provenance provenance, Path path) {
        this.provenance = provenance;
        this.path = path;
    }

    public static RunRecorder start(BackendInfo backend, Path out) {
        Provenance p = ProvenanceProbe.probe(backend.backend(), backend.nativeBuild(), backend.device(),
                backend.cudaVersion(), backend.cudnnVersion(), backend.threads(), backend.dl4jVersion());
        Path path = out != null ? out : RepoPaths.runs().resolve(
                p.runStamp() + "_" + slug(p.host()) + "_" + slug(p.backend()) + ".csv");
        checkWritable(path);
        return new RunRecorder(p, path);
    }

    /** Fails with the path in one line when the file could not be written, before any point is measured. */
    public static void checkWritable(Path out) {
        Path file = out.toAbsolutePath();
        if (Files.isDirectory(file)) {
            throw new UserInputException("output path " + out + " is a directory");
        }
        Path dir = file.getParent();
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".regbench-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new UserInputException("cannot write output file " + out + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    public void record(PointMeasurement m) {
        rows.add(row(m));
        BenchCsv.write(path, rows);
    }

    /**
     * Replaces the row of {@code m}'s benchmark with {@code m} (a re-measurement) and keeps the replaced row in
     * {@link #supersededPath()}, so nothing measured is lost; returns the replaced row.
     */
    public BenchRow replace(PointMeasurement m) {
        BenchRow fresh = row(m);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().equals(fresh.key())) {
                BenchRow old = rows.set(i, fresh);
                superseded.add(old);
                BenchCsv.write(supersededPath(), superseded);
                BenchCsv.write(path, rows);
                return old;
            }
        }
        throw new IllegalArgumentException("no row to replace for " + fresh.key());
    }

    /** Where rows replaced by re-measurements go: next to the run, {@code <run>-superseded.csv}. */
    public Path supersededPath() {
        String name = path.getFileName().toString();
        return path.resolveSibling(name.replaceFirst("\\.csv$", "") + "-superseded.csv");
    }

    private BenchRow row(PointMeasurement m) {
        Variant v = m.point().variant();
        double msPerBatch = toMillis(m.score(), m.unit());
        // the build and thread count this point's fork reported, not the parent's: one run may hold several
        Provenance p = provenance.withBuild(m.report().backend(), m.report().nativeBuild())
                .withThreads(m.report().threads());
        return new BenchRow(p, v.model().text(), v.type().text(), v.rate().value(), v.placementText(),
                v.text(), m.point().phase().text(), m.point().batchSize(), "FLOAT", m.score(), m.scoreError(),
                m.unit(), m.point().batchSize() * 1000.0 / msPerBatch, msPerBatch, m.iterations(), m.forks(),
                m.rawScores(), m.point().config().settings(), efficiency(m.point(), msPerBatch));
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

    /** Prints the verdicts against this machine's baseline, if it has one; returns the exit code they imply. */
    /** This machine's baseline, if one was saved. */
    public Optional<Path> baseline() {
        return new BaselineStore(RepoPaths.root()).find(provenance.machineId());
    }

    public String machineId() {
        return provenance.machineId();
    }

    private static double toMillis(double score, String unit) {
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
