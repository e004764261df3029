package org.regbench.results.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.results.BenchRow;
import org.regbench.results.ForkResult;
import org.regbench.results.InvalidResultsException;
import org.regbench.results.Provenance;
import org.regbench.results.TestRows;

class BenchCsvTest {

    static final String HEADER = "timestamp,git_commit,git_dirty,host,os,cpu,cores,threads,java_version,jvm,"
            + "dl4j_version,backend,native_build,device,cuda_version,cudnn_version,machine_id,model,dropout_type,"
            + "dropout_rate,placement,variant,phase,batch_size,data_type,workspace_mode,data_format,helpers,engine,"
            + "engine_version,helper_layers,equivalence,score,"
            + "score_error,unit,samples_per_second,ms_per_batch,ci_half_width_pct,flops_per_batch,gflops,peak_gflops,"
            + "percent_of_peak,alloc_bytes_per_op,iterations,forks,schedule,fork_rounds,fork_starts,fork_loads,"
            + "fork_levels,drift_pct,fork_jvm_args,raw_scores";

    @TempDir
    Path dir;

    private static List<BenchRow> rows() {
        Provenance p = TestRows.provenance();
        return List.of(
                TestRows.row(p, "cnn", "none", 0, "train-step", 128, new double[] {10.0, 10.5, 9.5}, 3),
                TestRows.row(p, "cnn", "standard", 0.5, "train-step", 128, new double[] {11.0, 11.25, 10.75}, 3));
    }

    @Test
    void headerIsTheContractInOrder() {
        String header = Stream.of(BenchColumn.values()).map(BenchColumn::header).collect(Collectors.joining(","));
        assertEquals(HEADER, header);
    }

    @Test
    void provenanceColumnsLeadTheHeaderAsProvenanceCellsNamesThem() {
        List<String> leading = Stream.of(BenchColumn.values()).limit(ProvenanceCells.COLUMNS.size())
                .map(BenchColumn::header).toList();
        assertEquals(ProvenanceCells.COLUMNS, leading);
    }

    @Test
    void writesExactTextAndReadsBackEqualRows() throws IOException {
        Path file = dir.resolve("run.csv");
        BenchCsv.write(file, rows());
        String id = TestRows.provenance().machineId();
        String common = "2025-03-01T10:15:30Z,0123456789abcdef0123456789abcdef01234567,false,bench-host,"
                + "Linux 6.1.0-18-amd64,AMD EPYC 7763 64-Core Processor,2,2,17.0.15,"
                + "Eclipse Adoptium OpenJDK 64-Bit Server VM,1.0.0-M2.1,cpu-avx2,linux-x86_64-avx2,"
                + "AMD EPYC 7763 64-Core Processor,,," + id + ",cnn,";
        String expected = HEADER + "\r\n"
                + common + "none,0,,cnn/none,train-step,128,FLOAT,ENABLED,NCHW,off,dl4j,,,,10,0.1,ms/op,12800,10,12.42,,,,,,3,3,"
                + ",,,,10 10.5 9.5,,,10 | 10.5 | 9.5\r\n"
                + common + "standard,0.5,all-hidden,cnn/standard@0.5,train-step,128,FLOAT,ENABLED,NCHW,off,dl4j,,,,11,0.11,ms/op,"
                + "11636.363636363636,11,5.646,,,,,,3,3,,,,,11 11.25 10.75,,,11 | 11.25 | 10.75\r\n";
        assertEquals(expected, Files.readString(file));
        List<BenchRow> back = BenchCsv.read(file);
        assertEquals(rows(), back);
        assertArrayEquals(new double[] {11.0, 11.25, 10.75}, back.get(1).rawScores());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void forksKeepTheirRoundsStartsLoadsAndIterationsExactly() throws IOException {
        Provenance p = TestRows.provenance();
        BenchRow row = TestRows.row(p, "mlp", "none", 0, "train-step", 128, new double[] {4, 4.5, 4.25, 5, 5.5, 6}, 2)
                .withForkResults("interleaved seed=7", List.of(
                        new ForkResult(2, Instant.parse("2025-03-01T10:16:00Z"), 1.25, new double[] {4, 4.5, 4.25}),
                        new ForkResult(3, Instant.parse("2025-03-01T10:17:00Z"), 0.5, new double[] {5, 5.5, 6})))
                .withJvmArgs("-Xmn32m");
        Path file = dir.resolve("forks.csv");
        BenchCsv.write(file, List.of(row));
        String line = Files.readAllLines(file).get(1);
        // forks, schedule, rounds, starts, loads, levels (medians), JVM arguments, drift (median of 4.25/4 - 1 = 6.25 %
        // and 6/5 - 1 = 20 %: last half's median over first half's, the middle iteration in neither), raw by fork
        assertTrue(line.endsWith(",6,2,interleaved seed=7,2 3,2025-03-01T10:16:00Z 2025-03-01T10:17:00Z,1.25 0.5,"
                + "4.25 5.5,13.12,-Xmn32m,4 4.5 4.25 | 5 5.5 6"), line);
        BenchRow back = BenchCsv.read(file).get(0);
        assertEquals(row, back);
        assertEquals(List.of(2, 3), back.forkResults().stream().map(ForkResult::round).toList());
        assertArrayEquals(new double[] {4.25, 5.5}, back.forkLevels());
    }

    @Test
    void perForkCellsMustMatchTheForksOfRawScores() throws IOException {
        Path file = dir.resolve("bad-forks.csv");
        BenchCsv.write(file, List.of(TestRows.row(TestRows.provenance(), "mlp", "none", 0, "train-step", 128,
                new double[] {4, 5}, 2).withForkResults("", List.of(
                        new ForkResult(1, Instant.EPOCH, Double.NaN, new double[] {4}),
                        new ForkResult(2, Instant.EPOCH, Double.NaN, new double[] {5})))));
        String text = Files.readString(file).replace(",1 2,", ",1 2 3,");
        Files.writeString(file, text);
        InvalidResultsException e = assertThrows(InvalidResultsException.class, () -> BenchCsv.read(file));
        assertEquals(file + ": row 1, column fork_rounds: 3 values but raw_scores holds 2 forks", e.getMessage());
    }

    @Test
    void appendAllRewritesTheWholeFile() throws IOException {
        Path file = dir.resolve("runs/run.csv");
        BenchCsv.appendAll(file, rows().subList(0, 1));
        BenchCsv.appendAll(file, rows().subList(1, 2));
        assertEquals(rows(), BenchCsv.read(file));
        assertEquals(3, Files.readAllLines(file).size());
    }

    @Test
    void missingFile() {
        assertInvalid(dir.resolve("nope.csv"), "nope.csv: file does not exist");
    }

    @Test
    void emptyFile() throws IOException {
        Path f = Files.writeString(dir.resolve("empty.csv"), "");
        assertInvalid(f, "empty.csv: file is empty");
        Files.writeString(f, HEADER + "\r\n");
        assertInvalid(f, "empty.csv: file has a header but no data rows");
    }

    @Test
    void missingRequiredColumn() throws IOException {
        Path f = write(text().replace(",score_error,", ",score_err,"));
        assertInvalid(f, "run.csv: header, column score_error: required column is missing");
    }

    @Test
    void nonNumericScore() throws IOException {
        Path f = write(text().replace(",off,dl4j,,,,11,", ",off,dl4j,,,,fast,"));
        assertInvalid(f, "run.csv: row 2, column score: 'fast' is not a number");
    }

    @Test
    void nonNumericScoreError() throws IOException {
        Path f = write(text().replace(",10,0.1,", ",10,n/a,"));
        assertInvalid(f, "run.csv: row 1, column score_error: 'n/a' is not a number");
    }

    @Test
    void nonNumericRawScore() throws IOException {
        Path f = write(text().replace("11 | 11.25 | 10.75", "11 | x | 10.75"));
        assertInvalid(f, "run.csv: row 2, column raw_scores: value 2 'x' is not a number");
    }

    @Test
    void rawScoreCountMustMatchIterations() throws IOException {
        Path f = write(text().replace("11 | 11.25 | 10.75", "11 | 11.25"));
        assertInvalid(f, "run.csv: row 2, column raw_scores: 2 raw scores but iterations is 3");
    }

    @Test
    void mixedUnits() throws IOException {
        Path f = write(text().replace(",0.11,ms/op,", ",0.11,us/op,"));
        assertInvalid(f, "run.csv: row 2, column unit: mixed units for phase train-step: us/op here, ms/op in row 1");
    }

    @Test
    void duplicateKey() throws IOException {
        String t = text();
        String firstRow = t.split("\r\n")[1];
        Path f = write(t + firstRow + "\r\n");
        assertInvalid(f, "run.csv: row 3, columns model/variant/phase/batch_size/data_type/backend/threads/settings: "
                + "duplicate benchmark key cnn/none train-step b128 FLOAT cpu-avx2 t2 (first in row 1)");
    }

    @Test
    void dropRateOutsideZeroToOne() throws IOException {
        Path f = write(text().replace(",standard,0.5,all-hidden,", ",standard,7,all-hidden,"));
        assertInvalid(f, "run.csv: row 2, column dropout_rate: '7' is not a drop rate in [0, 1)");
    }

    @Test
    void nonPositiveBatchSize() throws IOException {
        Path f = write(text().replace(",train-step,128,FLOAT,", ",train-step,-5,FLOAT,"));
        assertInvalid(f, "run.csv: row 1, column batch_size: '-5' is not a positive whole number");
    }

    @Test
    void zeroCores() throws IOException {
        Path f = write(text().replace(",AMD EPYC 7763 64-Core Processor,2,2,",
                ",AMD EPYC 7763 64-Core Processor,0,2,"));
        assertInvalid(f, "run.csv: row 1, column cores: '0' is not a positive whole number");
    }

    @Test
    void negativeThreadsAndZeroForks() throws IOException {
        Path threads = write(text().replace(",AMD EPYC 7763 64-Core Processor,2,2,",
                ",AMD EPYC 7763 64-Core Processor,2,-1,"));
        assertInvalid(threads, "run.csv: row 1, column threads: '-1' is not 0 or more");
        Path forks = write(text().replace(",3,3,,", ",3,0,,"));
        assertInvalid(forks, "run.csv: row 1, column forks: '0' is not a positive whole number");
    }

    @Test
    void everyMessageIsOneLine() throws IOException {
        Path f = write(text().replace(",128,", ",12\n8,"));
        InvalidResultsException e = assertThrows(InvalidResultsException.class, () -> BenchCsv.read(f));
        assertTrue(!e.getMessage().contains("\n") && e.getMessage().contains("run.csv"), e.getMessage());
    }

    private String text() {
        return BenchCsv.toCsv(rows());
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("run.csv"), text);
    }

    private static void assertInvalid(Path file, String expectedStart) {
        InvalidResultsException e = assertThrows(InvalidResultsException.class, () -> BenchCsv.read(file));
        String message = e.getMessage().replace(file.getParent() + "/", "");
        assertTrue(message.startsWith(expectedStart), message);
        assertTrue(!message.contains("\n"), message);
    }
}
