package org.regbench.results.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.regbench.results.BenchRow;
import org.regbench.results.InvalidResultsException;

/**
 * A run file with its validated rows.
 *
 * @param rows never empty (the reader refuses a file without data rows)
 */
public record StoredRun(Path file, List<BenchRow> rows) {

    public StoredRun {
        rows = List.copyOf(rows);
    }

    /** When the run started, as the file says: file names may be anything ({@code bench --out}), this may not. */
    public Instant timestamp() {
        return rows.stream().map(r -> r.provenance().timestamp()).min(Comparator.naturalOrder()).orElseThrow();
    }

    /** The machine of the first row; a run of several native builds has one machine id per build. */
    public String machineId() {
        return rows.get(0).provenance().machineId();
    }

    /**
     * The run's one machine id; refuses, naming the first row that differs, a file whose rows come from several
     * machines or builds: a baseline, and either side of a comparison, must be judged as one machine.
     */
    public String requireOneMachine(String purpose) {
        String id = machineId();
        for (int i = 1; i < rows.size(); i++) {
            String other = rows.get(i).provenance().machineId();
            if (!other.equals(id)) {
                throw new InvalidResultsException(file + ": row " + (i + 1) + ", column machine_id: machine " + other
                        + " differs from " + id + " in row 1; " + purpose + " must come from one machine");
            }
        }
        return id;
    }
}
