package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.regbench.bench.cli.Main;
import picocli.CommandLine;

/**
 * What tests of whole sweeps share, here and in modules/sweep-spark (through bench's test jar): the command line run
 * in this JVM, a sweep file's rows, and the check that two sweep folders hold the same numbers, every cell of every
 * file but those that time or place a run.
 */
public final class SweepFixture {

    /** The files whose every row must agree between two runners of one plan. */
    public static final List<String> FILES = List.of("epochs.csv", "runs.csv", "summary.csv", "paired.csv",
            "mc.csv");

    /** Cells that differ by nature between runners of one plan: times and how many runs trained at once. */
    public static final Set<String> ALLOWED_TO_DIFFER = Set.of("timestamp", "jobs", "epoch_seconds",
            "epoch_seconds_median", "train_seconds", "seconds_to_target_mean", "cost_vs_none");

    private SweepFixture() {
    }

    /** A command's exit code and what it printed. */
    public record Result(int code, String out, String err) {
    }

    /** Runs the command line in this JVM. */
    public static Result run(String... args) {
        return run(new StringWriter(), args);
    }

    /** Runs the command line in this JVM, its standard output going to {@code out} too. */
    public static Result run(Writer out, String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        StringWriter console = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws java.io.IOException {
                console.write(buf, off, len);
                out.write(buf, off, len);
            }

            @Override
            public void flush() throws java.io.IOException {
                out.flush();
            }

            @Override
            public void close() {
            }
        }, true));
        int code = cl.execute(args);
        return new Result(code, console.toString(), err.toString());
    }

    /** The rows of a CSV file with a header. */
    public static List<CSVRecord> read(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return p.getRecords();
        }
    }

    /** Every row of {@code file} as column to cell, without {@link #ALLOWED_TO_DIFFER}. */
    public static List<Map<String, String>> cells(Path file) throws Exception {
        List<Map<String, String>> out = new ArrayList<>();
        for (CSVRecord r : read(file)) {
            Map<String, String> m = new TreeMap<>(r.toMap());
            m.keySet().removeAll(ALLOWED_TO_DIFFER);
            out.add(m);
        }
        return out;
    }

    /** Every file of {@link #FILES} in {@code actual} holds {@code expected}'s rows, cell for cell. */
    public static void assertSameNumbers(Path expected, Path actual, String what) throws Exception {
        for (String file : FILES) {
            List<Map<String, String>> e = cells(expected.resolve(file));
            assertFalse(e.isEmpty(), expected.resolve(file).toString());
            assertEquals(e, cells(actual.resolve(file)), file + " " + what);
        }
    }
}
