package org.regbench.bench.sweep;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.regbench.results.AtomicFiles;
import org.regbench.results.Provenance;
import org.regbench.zoo.Variant;

/**
 * Writes the sweep's three CSV files. Each write goes to a temporary file in the same directory and is moved into
 * place, so a reader never sees half a file and an interrupted sweep keeps the runs already finished.
 */
public final class SweepCsv {

    private final Provenance provenance;

    public SweepCsv(Provenance provenance) {
        this.provenance = provenance;
    }

    public void writeEpochs(Path file, List<RunResult> results) {
        List<List<Object>> rows = new ArrayList<>();
        for (RunResult r : results) {
            TrainingRun run = r.run();
            Variant v = run.variant();
            for (EpochMetrics e : r.epochs()) {
                rows.add(List.of(provenance.timestamp().toString(), provenance.gitCommit(), provenance.gitDirty(),
                        provenance.host(), provenance.cpu(), provenance.cores(), provenance.threads(),
                        provenance.javaVersion(), provenance.dl4jVersion(), provenance.backend(),
                        provenance.nativeBuild(), v.model().text(), v.type().text(), v.rate().text(), v.placementText(),
                        v.text(), run.dataset(), run.trainSize(), run.seed(), run.batchSize(),
                        run.earlyStoppingPatience(), e.epoch(), num(e.trainLoss()), num(e.trainAccuracy()),
                        num(e.valLoss()), num(e.valAccuracy()), num(e.testAccuracy()), num(e.epochSeconds())));
            }
        }
        write(file, SweepColumn.class, rows);
    }

    public void writeSummary(Path file, List<SummaryRow> summary) {
        List<List<Object>> rows = new ArrayList<>();
        for (SummaryRow r : summary) {
            Variant v = r.variant();
            rows.add(List.of(provenance.timestamp().toString(), provenance.gitCommit(), provenance.backend(),
                    v.model().text(), v.type().text(), v.rate().text(), v.placementText(), v.text(), r.dataset(),
                    r.trainSize(), r.earlyStopping(), r.seeds(), num(r.epochsMean()), num(r.trainAccuracyMean()),
                    num(r.testAccuracyMean()), num(r.testAccuracySd()), num(r.gapMean()), num(r.gapSd()),
                    num(r.target()), r.runsReachingTarget(), num(r.epochsToTargetMean()),
                    num(r.secondsToTargetMean()), num(r.epochSecondsMedian()), num(r.costVsNone()), r.best()));
        }
        write(file, SummaryColumn.class, rows);
    }

    public void writeMonteCarlo(Path file, List<McResult> results) {
        List<List<Object>> rows = new ArrayList<>();
        for (McResult m : results) {
            TrainingRun run = m.run();
            rows.add(List.of(provenance.timestamp().toString(), provenance.gitCommit(), provenance.backend(),
                    run.variant().model().text(), run.variant().text(), run.dataset(), run.trainSize(), run.seed(),
                    m.passes(), num(m.mcAccuracy()), num(m.standardAccuracy())));
        }
        write(file, McColumn.class, rows);
    }

    /** Empty for NaN (not measured), otherwise the shortest exact decimal. */
    static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static void write(Path file, Class<? extends Enum<?>> header, List<List<Object>> rows) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header).get();
        AtomicFiles.write(file, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(w, format)) {
                for (List<Object> row : rows) {
                    printer.printRecord(row);
                }
            }
        });
    }
}
