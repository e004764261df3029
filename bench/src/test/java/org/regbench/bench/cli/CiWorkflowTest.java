package org.regbench.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.dataformat.yaml.YAMLMapper;
import org.regbench.bench.run.BencherMetrics;
import org.regbench.bench.run.JmhResults;
import org.regbench.results.RepoPaths;
import org.regbench.results.store.RunStore;
import picocli.CommandLine;

/**
 * The example pull-request workflow ({@code scripts/ci/regbench-pr.yml}) is YAML that GitHub can read, every
 * {@code scripts/regbench} command in it is one this command line parses (command, subcommand and options), the
 * steps after the benchmark run even when it failed, and the artifacts are the files a run writes.
 */
class CiWorkflowTest {

    static final Path WORKFLOW = RepoPaths.root().resolve("scripts").resolve("ci").resolve("regbench-pr.yml");

    @Test
    void theWorkflowRunsRealCommandsAndUploadsWhatTheRunWrote() throws Exception {
        JsonNode workflow = new YAMLMapper().readTree(WORKFLOW.toFile());
        // YAML 1.1 readers may take the key `on` for a boolean
        JsonNode on = workflow.has("on") ? workflow.get("on") : workflow.get("true");
        assertTrue(on != null && on.has("pull_request"), "runs on pull requests");
        JsonNode job = workflow.get("jobs").get("bench");
        String run = job.get("env").get("RUN").asText();

        List<List<String>> commands = new ArrayList<>();
        boolean afterBench = false;
        List<String> uploaded = new ArrayList<>();
        JsonNode bencher = null;
        for (JsonNode step : job.get("steps")) {
            String script = step.path("run").asText("");
            List<List<String>> here = regbenchCommands(script);
            commands.addAll(here);
            if (afterBench) {
                assertTrue(step.path("if").asText("").contains("always()"), "a step after the benchmark runs even"
                        + " when the benchmark failed: " + step);
            }
            if (here.stream().anyMatch(c -> c.get(0).equals("bench"))) {
                afterBench = true;
            }
            if (script.contains("bencher run")) {
                bencher = step;
            }
            if (step.path("uses").asText("").startsWith("actions/upload-artifact@")) {
                uploaded.addAll(step.get("with").get("path").asText().lines().map(String::trim).toList());
            }
        }
        assertEquals(List.of("bench", "baseline", "compare", "report"), commands.stream().map(c -> c.get(0)).toList());
        for (List<String> c : commands) {
            // picocli refuses an unknown command or option; placeholders stand for the shell's variables
            CommandLine.ParseResult parsed = Main.commandLine().parseArgs(c.toArray(String[]::new));
            assertTrue(parsed.hasSubcommand(), c.toString());
        }
        assertEquals(List.of("baseline", "path", "$RUN"), commands.get(1));
        assertTrue(commands.get(2).containsAll(List.of("--report", "$COMPARISON")), commands.get(2).toString());
        assertTrue(commands.get(0).containsAll(List.of("--preset", "quick", "--out", "$RUN")), commands.get(0).toString());

        Path csv = Path.of(run);
        // where bench moves the rows its re-measurements replaced, relative to the run as the workflow names it
        Path superseded = csv.resolveSibling(csv.toAbsolutePath().getParent()
                .relativize(RunStore.supersededFileOf(csv.toAbsolutePath())));
        for (Path p : List.of(csv, JmhResults.besideRun(csv), BencherMetrics.besideRun(csv), superseded)) {
            assertTrue(uploaded.contains(p.toString()), p + " among the artifacts " + uploaded);
        }
        assertTrue(uploaded.contains(job.get("env").get("COMPARISON").asText()), uploaded.toString());
        assertTrue(uploaded.contains(job.get("env").get("REPORT_DIR").asText() + "/"), uploaded.toString());
        // Bencher reads the run's BMF file, and only when the repository has its token
        String sent = bencher.get("run").asText();
        assertTrue(sent.contains("--adapter json") && sent.contains("--file \"${RUN%.csv}.bmf.json\""), sent);
        assertTrue(bencher.get("if").asText().contains("env.BENCHER_API_TOKEN != ''"), bencher.toString());
        assertEquals("${{ secrets.BENCHER_API_TOKEN }}", job.get("env").get("BENCHER_API_TOKEN").asText());
    }

    /** The argument lists of every {@code scripts/regbench} call in a step's shell script. */
    static List<List<String>> regbenchCommands(String script) {
        List<List<String>> out = new ArrayList<>();
        for (String line : script.replace("\\\n", " ").lines().toList()) {
            int at = line.indexOf("scripts/regbench ");
            while (at >= 0) {
                String rest = line.substring(at + "scripts/regbench ".length());
                int end = rest.length();
                for (String stop : List.of("||", "&&", ";", ")", "|")) {
                    int i = rest.indexOf(stop);
                    if (i >= 0 && i < end) {
                        end = i;
                    }
                }
                List<String> args = new ArrayList<>();
                for (String token : rest.substring(0, end).trim().split("\\s+")) {
                    args.add(token.replace("\"", "").replace("'", ""));
                }
                out.add(args);
                at = line.indexOf("scripts/regbench ", at + 1);
            }
        }
        return out;
    }
}
