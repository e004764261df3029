package org.regbench.bench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.regbench.zoo.Variant;

/** What a worker JVM is told and what it reports come back exactly, the doubles bit for bit. */
class WorkerProtocolTest {

    @Test
    void argumentsAndResultsRoundTrip() {
        TrainingRun run = new TrainingRun(Variant.parse("mlp/paper"), "fashion-mnist", 1000, 3, 30, 128, 0, 391, true);
        DataSpec data = new DataSpec("fashion-mnist", Path.of("/data/idx"), 42, 10_000);
        List<String> args = WorkerProtocol.args(run, data, "samediff", List.of(1, 10, 50), "/tmp/r");
        var parsed = WorkerProtocol.parseArgs(args.toArray(String[]::new));
        assertEquals(run, WorkerProtocol.run(parsed));
        assertEquals(data, DataSpec.fromArgs(parsed));
        assertEquals(List.of(1, 10, 50), WorkerProtocol.mcPasses(parsed));
        assertEquals("samediff", WorkerProtocol.engine(parsed));
        assertEquals("dl4j", WorkerProtocol.engine(WorkerProtocol.parseArgs(new String[] {"seed=1"})),
                "a worker told no engine trains on DL4J's MultiLayerNetwork");

        List<EpochMetrics> epochs = List.of(
                new EpochMetrics(1, 391, 48.875, 0.1 + 0.2, 1.0 / 3, 0.5, 0.8125, Double.NaN, Double.NaN, 1.25),
                new EpochMetrics(2, 782, 97.75, 0.2, 0.9, 0.45, 0.85, 0.4321, 0.8499, 1.5));
        RunResult result = new RunResult(run, epochs, 0.47, 0.84, 1);
        WorkerProtocol.DataFacts facts = new WorkerProtocol.DataFacts(1000, 10_000, 10_000, 55, "ab12");
        List<McResult> mc = List.of(new McResult(run, 50, 0.851, 0.8499));
        WorkerProtocol.Parsed back = WorkerProtocol.parseResult(run,
                WorkerProtocol.resultLines(1, facts, result, mc));
        assertEquals(result, back.result());
        assertEquals(mc, back.mc());
        assertEquals(facts, back.data());
    }

    @Test
    void anUnfinishedResultIsRejected() {
        TrainingRun run = new TrainingRun(Variant.parse("mlp/none"), "mnist", 100, 1, 1, 64, 0);
        assertThrows(IllegalArgumentException.class, () -> WorkerProtocol.parseResult(run,
                List.of("threads 1", "checkpoint 1 2 1.0 0.5 0.8 0.6 0.7 NaN NaN 0.1")));
    }
}
