package org.regbench.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.regbench.bench.sweep.ShardManifest;
import org.regbench.bench.sweep.ShardMerge;
import org.regbench.bench.sweep.SweepCsv;
import org.regbench.results.ExitCode;
import org.regbench.results.Provenance;
import org.regbench.results.RepoPaths;
import org.regbench.results.files.OutputClaim;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sweep merge DIR...}: one sweep from the folders of {@code sweep --shard I/N}, with the summary, paired
 * comparison, checks and charts of the whole plan, as {@code sweep --from} computes them.
 */
@Command(name = "merge", description = "Combine the folders of sweep --shard I/N (all N of one plan and commit) into"
        + " one sweep folder, then write its summary and charts.")
public final class SweepMergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "the shards' folders (or their epochs files)")
    List<Path> shards;

    @Option(names = "--out", description = "merged per-epoch CSV (default results/sweeps/<UTC time>_<commit>_merged/"
            + "epochs.csv, time and commit of the first shard); the other files go next to it")
    Path out;

    @Mixin
    TargetOption target = new TargetOption();

    @Mixin
    OverwriteOption overwrite = new OverwriteOption();

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        double goal = target.checked();
        List<ShardMerge.Shard> given = new ArrayList<>();
        for (Path s : shards) {
            SweepFolder f = SweepFolder.of(s);
            given.add(new ShardMerge.Shard(f.dir(), f.stem(), ShardManifest.read(ShardManifest.file(f.dir(),
                    f.stem()))));
        }
        ShardMerge merge = ShardMerge.of(given);
        SweepCommand.checkOut(spec, out, overwrite, false);
        ShardMerge.Shard first = given.get(0);
        Provenance p = SweepCsv.read(first.dir(), first.stem()).provenance();
        try (OutputClaim claim = RunStart.claim(out, RepoPaths.sweeps(), p.runStamp() + "_merged/epochs.csv",
                console)) {
            Path epochsFile = claim.file();
            Path dir = epochsFile.toAbsolutePath().getParent();
            String stem = SweepCommand.stem(epochsFile);
            ShardMerge.Result result = merge.write(epochsFile, dir, stem);
            console.printf("regbench sweep merge: %d shards of plan %s, commit %s: %d of the plan's %d runs%n",
                    merge.shardCount(), first.manifest().plan().substring(0, 12),
                    Provenance.shortCommit(first.manifest().gitCommit()), result.mergedRuns(), result.planRuns());
            if (merge.anyDirty()) {
                console.println("  note: a shard ran on a work tree with uncommitted changes; the commit does not pin"
                        + " its code");
            }
            SweepCsv.Read read = SweepCsv.read(dir, stem);
            SweepCommand.analyse(console, dir, stem, new SweepCsv(read.provenance(), read.sweep()), read.results(),
                    read.mc(), goal);
            if (!result.missingRuns().isEmpty()) {
                console.printf("%d run(s) of the plan have no rows (they failed in their shard; run that shard"
                        + " again):%n", result.missingRuns().size());
                result.missingRuns().forEach(r -> console.println("  " + r));
                console.flush();
                return ExitCode.FAILURE;
            }
            console.flush();
            return ExitCode.OK;
        }
    }
}
