package org.regbench.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.results.InvalidResultsException;

/** The sweep tables the README quotes are printed from a sweep's checks.csv and paired.csv, read by header. */
class SweepTablesTest {

    @TempDir
    Path dir;

    @Test
    void checksAndClaimsComeFromTheirRowsOfChecksCsv() throws IOException {
        Path f = dir.resolve("checks.csv");
        Files.writeString(f, "timestamp,kind,id,claim,measured,verdict\r\n"
                + "t,check,b,dropout beats none,\"+0.50 pt [+0.20, +0.80]\",confirmed\r\n"
                + "t,claim,small-data,no help on small data,a | b,not confirmed\r\n");
        assertEquals("| check | claim | measured | verdict |\n| --- | --- | --- | --- |\n"
                + "| b | dropout beats none | +0.50 pt [+0.20, +0.80] | **confirmed** |\n",
                MarkdownTables.render(TableKind.parse("sweep-checks"), List.of(f)));
        assertEquals("| the documents say | here | measured |\n| --- | --- | --- |\n"
                + "| no help on small data | **not confirmed** | a \\| b |\n",
                MarkdownTables.render(TableKind.SWEEP_CLAIMS, List.of(f)));
    }

    @Test
    void pairedRowsShowPointsAndIntervalsAndTheValidationChoice() throws IOException {
        Path f = dir.resolve("paired.csv");
        Files.writeString(f, "train_size,variant,pairs,val_accuracy_mean,test_accuracy_mean,test_accuracy_diff,"
                + "test_accuracy_diff_ci_low,test_accuracy_diff_ci_high,test_loss_diff,test_loss_diff_ci_low,"
                + "test_loss_diff_ci_high,selected_on_validation\r\n"
                + "49945,mlp/none,4,0.885000,0.883000,,,,,,,false\r\n"
                + "49945,mlp/paper,4,0.891000,0.889500,0.006500,0.002000,0.011000,-0.012300,-0.020000,-0.004600,true\r\n");
        assertEquals("| training examples | variant | seeds | val accuracy | test accuracy |"
                + " test accuracy - none [95% CI] | test log-loss - none [95% CI] | chosen on validation |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
                + "| 49,945 | mlp/none | 4 | 88.50 % | 88.30 % | reference | reference |  |\n"
                + "| 49,945 | mlp/paper | 4 | 89.10 % | 88.95 % | +0.65 pt [+0.20, +1.10] | -0.0123 [-0.0200, -0.0046]"
                + " | **yes** |\n", MarkdownTables.render(TableKind.SWEEP_PAIRED, List.of(f)));
    }

    @Test
    void aFileWithoutTheColumnsIsRejectedNamingIt() throws IOException {
        Path f = dir.resolve("run.csv");
        Files.writeString(f, "model,variant\r\nmlp,mlp/none\r\n");
        InvalidResultsException e = assertThrows(InvalidResultsException.class,
                () -> MarkdownTables.render(TableKind.SWEEP_CHECKS, List.of(f)));
        assertEquals(true, e.getMessage().contains("run.csv"), e.getMessage());
    }

    @Test
    void hyphenatedKindsAreMarkersTooAndRegenerate() throws IOException {
        Path f = dir.resolve("checks.csv");
        Files.writeString(f, "kind,id,claim,measured,verdict\r\ncheck,a,x,y,confirmed\r\n");
        String doc = "<!-- report --markdown sweep-checks --run checks.csv -->\nstale\n<!-- end -->\n";
        assertEquals("<!-- report --markdown sweep-checks --run checks.csv -->\n"
                + "| check | claim | measured | verdict |\n| --- | --- | --- | --- |\n| a | x | y | **confirmed** |\n"
                + "<!-- end -->\n", DocTables.regenerate(doc, dir));
    }
}
