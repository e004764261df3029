package org.regbench.results.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.regbench.results.BenchRow;
import org.regbench.results.Provenance;
import org.regbench.results.history.BenchmarkSeries;
import org.regbench.results.regress.ComparisonResult;

/**
 * What goes into a report.
 *
 * @param comparison   verdicts against the machine's baseline, absent when it has none
 * @param baseline     the baseline's provenance (its first row: when and where it was measured), with the comparison
 * @param baselineNote why there are no verdicts, shown instead of the table
 * @param comparedNote which rows the comparison left out (other builds or engines of the run); empty when none
 * @param history      series of this machine's runs, for trend charts (may be empty)
 * @param sweep        the newest sweep, whose best rate and charts the report shows, when there is one
 */
public record ReportInputs(Path runFile, List<BenchRow> run, Optional<ComparisonResult> comparison,
                           Optional<Provenance> baseline, String baselineNote, String comparedNote,
                           List<BenchmarkSeries> history,
                           Optional<LatestSweep> sweep) {

    public ReportInputs {
        run = List.copyOf(run);
        history = List.copyOf(history);
    }

    /** The run's provenance (its first row). */
    public Provenance provenance() {
        return run.get(0).provenance();
    }

    /** Whether the page shows a regression: then {@code report} exits 1, as {@code compare} does. */
    public boolean hasRegression() {
        return comparison.map(ComparisonResult::hasRegression).orElse(false);
    }
}
