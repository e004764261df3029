package org.regbench.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.bench.cli.Main;
import picocli.CommandLine;

/**
 * One bad file among good runs (a sweep CSV written there, a truncated copy) is skipped with one warning naming it;
 * history and report still work, and the report shows the run that started last, whatever the file names.
 */
class BadFileAmongRunsTest {

    @TempDir
    Path dir;

    @Test
    void historyAndReportSkipTheBadFileWithAWarning() throws Exception {
        Path runs = Files.createDirectory(dir.resolve("runs"));
        for (int day = 1; day <= 4; day++) {
            RunFiles.write(runs.resolve("run-" + day + ".csv"), Instant.parse("2026-01-0" + day + "T00:00:00Z"), 3,
                    4.0);
        }
        // the newest run under a name that sorts first
        RunFiles.write(runs.resolve("a-newest.csv"), Instant.parse("2026-01-09T00:00:00Z"), 3, 4.0);
        Path sweep = Files.writeString(runs.resolve("epochs.csv"),
                "timestamp,model,epoch\n2026-01-05T00:00:00Z,mlp,1\n");
        Path truncated = Files.writeString(runs.resolve("truncated.csv"), "");

        String warnings = "regbench: warning: skipping " + sweep + ": header, column git_commit: required column is"
                + " missing\nregbench: warning: skipping " + truncated + ": file is empty (expected a header line and"
                + " data rows)\n";
        String[] history = run("history", "--runs", runs.toString(), "--out", dir.resolve("history").toString());
        assertEquals("0", history[0], history[2]);
        assertEquals(warnings, history[2]);
        assertTrue(history[1].startsWith("5 runs of machine " + RunFiles.machineId()), history[1]);

        String[] report = run("report", "--runs", runs.toString(), "--baselines", dir.resolve("b").toString(),
                "--sweeps", dir.resolve("s").toString(), "--out", dir.resolve("report").toString());
        assertEquals("0", report[0], report[2]);
        assertEquals(warnings, report[2]);
        assertTrue(Files.readString(dir.resolve("report/index.html")).contains("a-newest.csv"));
    }

    private static String[] run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }
}
