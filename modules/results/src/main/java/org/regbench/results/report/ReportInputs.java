package org.regbench.results.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.regbench.results.BenchRow;
import org.regbench.results.history.BenchmarkSeries;
import org.regbench.results.regress.ComparisonResult;

/**
 * What goes into a report.
 *
 * @param comparison   verdicts against the machine's baseline, absent when it has none
 * @param baselineNote why there are no verdicts, shown instead of the table
 * @param history      series of this machine's runs, for trend charts (may be empty)
 * @param sweepCharts  PNG charts of the newest sweep, copied into the report (may be empty)
 */
public record ReportInputs(Path runFile, List<BenchRow> run, Optional<ComparisonResult> comparison,
                           String baselineNote, List<BenchmarkSeries> history, List<Path> sweepCharts) {

    public ReportInputs {
        run = List.copyOf(run);
        history = List.copyOf(history);
        sweepCharts = List.copyOf(sweepCharts);
    }
}
