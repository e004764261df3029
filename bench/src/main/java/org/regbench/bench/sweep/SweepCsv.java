package org.regbench.bench.sweep;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.regbench.results.AtomicFiles;
import org.regbench.results.InvalidResultsException;
import org.regbench.results.Provenance;
import org.regbench.results.csv.ProvenanceCells;
import org.regbench.zoo.Variant;

/**
 * Writes the sweep's CSV files and reads a sweep back from them ({@code sweep --from DIR}). Every row of every file
 * starts with the machine's provenance ({@link ProvenanceCells#COLUMNS}, {@code threads} being the row's own runs'
 * ND4J thread count) and the sweep's ({@link SweepProvenance#COLUMNS}). Measured figures are written with a fixed
 * number of decimals and never in exponent notation: accuracies and losses 6, seconds 3, epochs and passes 3.
 * Each write goes to a temporary file in the same directory and is moved into place, so a reader never sees half a
 * file and an interrupted sweep keeps the runs already finished.
 */
public final class SweepCsv {

    static final int METRIC_DECIMALS = 6;
    static final int SECONDS_DECIMALS = 3;

    private final Provenance provenance;
    private final SweepProvenance sweep;
    private final Map<TrainingRun, Machine> machines;

    public SweepCsv(Provenance provenance, SweepProvenance sweep) {
        this(provenance, sweep, Map.of());
    }

    /**
     * @param machines the machine each run trained on when it was not this one (a Spark executor): its rows record
     *                 that machine's host, CPU, JVM and build; read as rows are written, so a runner may add to it
     *                 while the sweep goes on
     */
    public SweepCsv(Provenance provenance, SweepProvenance sweep, Map<TrainingRun, Machine> machines) {
        this.provenance = provenance;
        this.sweep = sweep;
        this.machines = machines;
    }

    public Provenance provenance() {
        return provenance;
    }

    public SweepProvenance sweep() {
        return sweep;
    }

    static String metric(double v) {
        return ProvenanceCells.fixed(v, METRIC_DECIMALS);
    }

    static String seconds(double v) {
        return ProvenanceCells.fixed(v, SECONDS_DECIMALS);
    }

    public void writeEpochs(Path file, List<RunResult> results) {
        List<Object[]> rows = new ArrayList<>();
        for (RunResult r : results) {
            for (EpochMetrics e : r.epochs()) {
                rows.add(new Object[] {r, e});
            }
        }
        write(file, SweepColumn.class, rows, row -> rowProvenance((RunResult) row[0]), (c, row) -> {
            RunResult r = (RunResult) row[0];
            EpochMetrics e = (EpochMetrics) row[1];
            TrainingRun run = r.run();
            return switch (c) {
                case model, dropout_type, dropout_rate, placement, variant -> variantCell(c.name(), run.variant());
                case dataset -> run.dataset();
                case train_size -> Integer.toString(run.trainSize());
                case seed -> Long.toString(run.seed());
                case early_stopping -> Integer.toString(run.earlyStoppingPatience());
                case restore_best -> Boolean.toString(run.restoreBest());
                case steps_per_checkpoint -> Integer.toString(run.stepsPerCheckpoint());
                case epoch -> Integer.toString(e.epoch());
                case updates -> Long.toString(e.updates());
                case passes -> ProvenanceCells.fixed(e.passes(), 3);
                case train_loss -> metric(e.trainLoss());
                case train_accuracy -> metric(e.trainAccuracy());
                case val_loss -> metric(e.valLoss());
                case val_accuracy -> metric(e.valAccuracy());
                case test_loss -> metric(e.testLoss());
                case test_accuracy -> metric(e.testAccuracy());
                case epoch_seconds -> seconds(e.epochSeconds());
            };
        });
    }

    public void writeRuns(Path file, List<RunResult> results) {
        write(file, RunColumn.class, results, this::rowProvenance, (c, r) -> {
            TrainingRun run = r.run();
            EpochMetrics t = r.tested();
            EpochMetrics min = r.minValLoss();
            return switch (c) {
                case model, dropout_type, dropout_rate, placement, variant -> variantCell(c.name(), run.variant());
                case dataset -> run.dataset();
                case train_size -> Integer.toString(run.trainSize());
                case seed -> Long.toString(run.seed());
                case epochs -> Integer.toString(run.epochs());
                case checkpoints -> Integer.toString(r.epochs().size());
                case updates -> Long.toString(r.last().updates());
                case passes -> ProvenanceCells.fixed(r.last().passes(), 3);
                case steps_per_checkpoint -> Integer.toString(run.stepsPerCheckpoint());
                case max_updates -> Long.toString(run.maxUpdates());
                case early_stopping -> Integer.toString(run.earlyStoppingPatience());
                case restore_best -> Boolean.toString(run.restoreBest());
                case min_val_loss_epoch -> Integer.toString(min.epoch());
                case min_val_loss -> metric(min.valLoss());
                case final_val_loss -> metric(r.last().valLoss());
                case tested_epoch -> Integer.toString(t.epoch());
                case tested_train_loss -> metric(t.trainLoss());
                case tested_train_accuracy -> metric(t.trainAccuracy());
                case tested_val_loss -> metric(t.valLoss());
                case tested_val_accuracy -> metric(t.valAccuracy());
                case test_loss -> metric(t.testLoss());
                case test_accuracy -> metric(t.testAccuracy());
                case final_train_accuracy -> metric(r.last().trainAccuracy());
                case final_test_loss -> metric(r.finalTestLoss());
                case final_test_accuracy -> metric(r.finalTestAccuracy());
                case epoch_seconds_median -> seconds(r.medianEpochSeconds());
                case train_seconds -> seconds(r.secondsTo(Integer.MAX_VALUE));
            };
        });
    }

    public void writeSummary(Path file, List<SummaryRow> summary) {
        write(file, SummaryColumn.class, summary, r -> provenance, (c, r) -> switch (c) {
            case model, dropout_type, dropout_rate, placement, variant -> variantCell(c.name(), r.variant());
            case dataset -> r.dataset();
            case train_size -> Integer.toString(r.trainSize());
            case early_stopping -> Integer.toString(r.earlyStopping());
            case seeds -> Integer.toString(r.seeds());
            case epochs_mean -> ProvenanceCells.fixed(r.epochsMean(), 3);
            case tested_epoch_mean -> ProvenanceCells.fixed(r.testedEpochMean(), 3);
            case train_accuracy_mean -> metric(r.trainAccuracyMean());
            case val_accuracy_mean -> metric(r.valAccuracyMean());
            case test_accuracy_mean -> metric(r.testAccuracyMean());
            case test_accuracy_sd -> metric(r.testAccuracySd());
            case gap_mean -> metric(r.gapMean());
            case gap_sd -> metric(r.gapSd());
            case target_val_accuracy -> metric(r.target());
            case runs_reaching_target -> Integer.toString(r.runsReachingTarget());
            case epochs_to_target_mean -> ProvenanceCells.fixed(r.epochsToTargetMean(), 3);
            case seconds_to_target_mean -> seconds(r.secondsToTargetMean());
            case epoch_seconds_median -> seconds(r.epochSecondsMedian());
            case cost_vs_none -> ProvenanceCells.fixed(r.costVsNone(), 3);
            case best -> Boolean.toString(r.best());
        });
    }

    public void writePaired(Path file, List<PairedRow> paired) {
        write(file, PairedColumn.class, paired, r -> provenance, (c, r) -> switch (c) {
            case model -> r.variant().model().text();
            case dataset -> r.dataset();
            case train_size -> Integer.toString(r.trainSize());
            case early_stopping -> Integer.toString(r.earlyStopping());
            case variant -> r.variant().text();
            case reference -> Variant.none(r.variant().model()).text();
            case pairs -> Integer.toString(r.pairs());
            case val_accuracy_mean -> metric(r.valAccuracyMean());
            case val_accuracy_diff -> metric(r.valAccuracy().mean());
            case test_accuracy_mean -> metric(r.testAccuracyMean());
            case test_accuracy_diff -> metric(r.testAccuracy().mean());
            case test_accuracy_diff_ci_low -> metric(r.testAccuracy().low());
            case test_accuracy_diff_ci_high -> metric(r.testAccuracy().high());
            case test_loss_mean -> metric(r.testLossMean());
            case test_loss_diff -> metric(r.testLoss().mean());
            case test_loss_diff_ci_low -> metric(r.testLoss().low());
            case test_loss_diff_ci_high -> metric(r.testLoss().high());
            case selected_on_validation -> Boolean.toString(r.selectedOnValidation());
        });
    }

    public void writeChecks(Path file, List<CheckRow> checks) {
        write(file, CheckColumn.class, checks, r -> provenance, (c, r) -> switch (c) {
            case kind -> r.kind();
            case id -> r.id();
            case claim -> r.claim();
            case measured -> r.measured();
            case verdict -> r.verdict();
            case estimate -> metric(r.estimate());
            case ci_low -> metric(r.low());
            case ci_high -> metric(r.high());
        });
    }

    public void writeMonteCarlo(Path file, List<McResult> results) {
        write(file, McColumn.class, results, m -> onMachine(provenance, m.run()), (c, m) -> switch (c) {
            case model -> m.run().variant().model().text();
            case variant -> m.run().variant().text();
            case dataset -> m.run().dataset();
            case train_size -> Integer.toString(m.run().trainSize());
            case seed -> Long.toString(m.run().seed());
            case early_stopping -> Integer.toString(m.run().earlyStoppingPatience());
            case passes -> Integer.toString(m.passes());
            case mc_accuracy -> metric(m.mcAccuracy());
            case standard_accuracy -> metric(m.standardAccuracy());
        });
    }

    private static String variantCell(String column, Variant v) {
        return switch (column) {
            case "model" -> v.model().text();
            case "dropout_type" -> v.type().text();
            case "dropout_rate" -> v.rate().text();
            case "placement" -> v.placementText();
            case "variant" -> v.text();
            default -> throw new IllegalArgumentException(column);
        };
    }

    /** The header of a sweep file whose own columns are {@code columns}. */
    static <C extends Enum<C>> List<String> header(Class<C> columns) {
        List<String> header = new ArrayList<>(ProvenanceCells.COLUMNS);
        header.addAll(SweepProvenance.COLUMNS);
        for (C c : columns.getEnumConstants()) {
            header.add(c.name());
        }
        return header;
    }

    /** The provenance of a run's rows: its own thread count, and the machine it trained on. */
    private Provenance rowProvenance(RunResult r) {
        return onMachine(provenance.withThreads(r.threads()), r.run());
    }

    private Provenance onMachine(Provenance p, TrainingRun run) {
        Machine m = machines.get(run);
        return m == null ? p : m.applyTo(p);
    }

    private <C extends Enum<C>, R> void write(Path file, Class<C> columns, List<R> rows,
                                              java.util.function.Function<R, Provenance> provenanceOf,
                                              BiFunction<C, R, String> cell) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header(columns).toArray(String[]::new)).get();
        AtomicFiles.write(file, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(w, format)) {
                for (R r : rows) {
                    Provenance p = provenanceOf.apply(r);
                    List<String> cells = new ArrayList<>();
                    for (String name : ProvenanceCells.COLUMNS) {
                        cells.add(ProvenanceCells.cell(p, name));
                    }
                    for (String name : SweepProvenance.COLUMNS) {
                        cells.add(sweep.cell(name).orElseThrow());
                    }
                    for (C c : columns.getEnumConstants()) {
                        cells.add(cell.apply(c, r));
                    }
                    printer.printRecord(cells);
                }
            }
        });
    }

    /** A sweep read back from its directory: runs with their checkpoints, Monte-Carlo results, provenance. */
    public record Read(List<RunResult> results, List<McResult> mc, Provenance provenance, SweepProvenance sweep) {
    }

    /**
     * Reads {@code runs.csv}, {@code epochs.csv} and (when present) {@code mc.csv} of a sweep directory, each name
     * prefixed by {@code stem} ({@link #epochsFile}). The numbers
     * are the files' (rounded as written), so figures recomputed from them can differ from the live run's in the last
     * written decimal.
     */
    public static Read read(Path dir, String stem) {
        Path runsFile = dir.resolve(stem + "runs.csv");
        Path epochsFile = epochsFile(dir, stem);
        if (!Files.isRegularFile(runsFile) || !Files.isRegularFile(epochsFile)) {
            throw new InvalidResultsException(dir + ": not a sweep directory (runs.csv and epochs.csv needed)");
        }
        Map<String, List<EpochMetrics>> epochs = new LinkedHashMap<>();
        for (CSVRecord r : records(epochsFile)) {
            epochs.computeIfAbsent(key(r), k -> new ArrayList<>()).add(new EpochMetrics(
                    Integer.parseInt(r.get(SweepColumn.epoch)), Long.parseLong(r.get(SweepColumn.updates)),
                    num(r.get(SweepColumn.passes)), num(r.get(SweepColumn.train_loss)),
                    num(r.get(SweepColumn.train_accuracy)), num(r.get(SweepColumn.val_loss)),
                    num(r.get(SweepColumn.val_accuracy)), num(r.get(SweepColumn.test_loss)),
                    num(r.get(SweepColumn.test_accuracy)), num(r.get(SweepColumn.epoch_seconds))));
        }
        List<RunResult> results = new ArrayList<>();
        Map<String, TrainingRun> runs = new LinkedHashMap<>();
        Provenance provenance = null;
        SweepProvenance sweep = null;
        for (CSVRecord r : records(runsFile)) {
            if (provenance == null) {
                provenance = ProvenanceCells.read(r::get);
                sweep = SweepProvenance.read(name -> r.isMapped(name) ? r.get(name) : null);
            }
            TrainingRun run = new TrainingRun(Variant.parse(r.get(RunColumn.variant)), r.get(RunColumn.dataset),
                    Integer.parseInt(r.get(RunColumn.train_size)), Long.parseLong(r.get(RunColumn.seed)),
                    Integer.parseInt(r.get(RunColumn.epochs)), sweep.batchSize(),
                    Integer.parseInt(r.get(RunColumn.early_stopping)),
                    Integer.parseInt(r.get(RunColumn.steps_per_checkpoint)),
                    Boolean.parseBoolean(r.get(RunColumn.restore_best)), Long.parseLong(r.get(RunColumn.max_updates)));
            List<EpochMetrics> e = epochs.get(key(r));
            if (e == null) {
                throw new InvalidResultsException(epochsFile + ": no checkpoints of " + run.label());
            }
            runs.put(key(r), run);
            results.add(new RunResult(run, e, num(r.get(RunColumn.final_test_loss)),
                    num(r.get(RunColumn.final_test_accuracy)), Integer.parseInt(r.get("threads"))));
        }
        if (provenance == null) {
            throw new InvalidResultsException(runsFile + ": no runs");
        }
        List<McResult> mc = new ArrayList<>();
        Path mcFile = dir.resolve(stem + "mc.csv");
        if (Files.isRegularFile(mcFile)) {
            for (CSVRecord r : records(mcFile)) {
                TrainingRun run = runs.get(key(r));
                if (run == null) {
                    throw new InvalidResultsException(mcFile + ": Monte-Carlo row of a run runs.csv does not hold");
                }
                mc.add(new McResult(run, Integer.parseInt(r.get(McColumn.passes)), num(r.get(McColumn.mc_accuracy)),
                        num(r.get(McColumn.standard_accuracy))));
            }
        }
        return new Read(results, mc, provenance, sweep);
    }

    /**
     * The per-checkpoint file of a sweep whose other files start with {@code stem}: {@code epochs.csv} for the
     * default names, {@code NAME.csv} when {@code --out NAME.csv} gave the stem {@code NAME-}.
     */
    public static Path epochsFile(Path dir, String stem) {
        return dir.resolve(stem.isEmpty() ? "epochs.csv" : stem.substring(0, stem.length() - 1) + ".csv");
    }

    /** A run's identity in the files: variant, training-set size, seed and early stopping. */
    static String key(CSVRecord r) {
        return r.get("variant") + "|" + r.get("train_size") + "|" + r.get("seed") + "|" + r.get("early_stopping");
    }

    /** {@link #key(CSVRecord)} of the rows {@code run} writes. */
    static String key(TrainingRun run) {
        return run.variant().text() + "|" + run.trainSize() + "|" + run.seed() + "|" + run.earlyStoppingPatience();
    }

    private static double num(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    static List<CSVRecord> records(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidResultsException(file + ": not a readable sweep file (" + e.getMessage() + ")");
        }
    }
}
