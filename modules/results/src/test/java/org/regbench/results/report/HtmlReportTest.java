package org.regbench.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.results.BenchRow;
import org.regbench.results.Provenance;
import org.regbench.results.TestRows;
import org.regbench.results.regress.CompareOptions;
import org.regbench.results.regress.ComparisonResult;
import org.regbench.results.regress.KeyComparison;
import org.regbench.results.regress.Verdict;
import org.regbench.results.stats.RatioInterval;

/** The page's structure as a reader meets it: answers first, then evidence by severity, in one file. */
class HtmlReportTest {

    private static final Provenance RUN = TestRows.provenance("a8704c9e24aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            Instant.parse("2026-11-29T12:46:56Z"));
    private static final Provenance BASE = TestRows.provenance("4461749224bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
            Instant.parse("2026-11-23T07:49:35Z"));

    @TempDir
    Path dir;

    /** Four forks of two iterations each, at the given fork levels. */
    private static double[] forks(double... levels) {
        double[] raw = new double[levels.length * 2];
        for (int i = 0; i < levels.length; i++) {
            raw[2 * i] = levels[i] * 0.999;
            raw[2 * i + 1] = levels[i] * 1.001;
        }
        return raw;
    }

    private static BenchRow row(String model, String type, double rate, String phase, double... levels) {
        return TestRows.row(RUN, model, type, rate, phase, 128, forks(levels), levels.length);
    }

    private static List<BenchRow> quietRun() {
        return List.of(
                row("cnn", "none", 0, "inference", 100, 101, 99, 100),
                row("cnn", "standard", 0.5, "inference", 100, 100.5, 99.5, 100),
                row("cnn", "none", 0, "train-step", 300, 301, 299, 300),
                row("cnn", "standard", 0.5, "train-step", 345, 346, 344, 345),
                row("mlp", "none", 0, "train-step", 4, 4.02, 3.98, 4),
                row("mlp", "standard", 0.5, "train-step", 4.2, 4.22, 4.18, 4.2),
                row("mlp", "dropconnect", 0.5, "train-step", 4.1, 4.12, 4.08, 4.1));
    }

    private static KeyComparison key(BenchRow r, Verdict v, double change) {
        Optional<BenchRow> base = v == Verdict.NEW ? Optional.empty() : Optional.of(r);
        Optional<BenchRow> cur = v == Verdict.MISSING ? Optional.empty() : Optional.of(r);
        boolean both = base.isPresent() && cur.isPresent();
        return new KeyComparison(r.key(), base, cur, v,
                both ? Optional.of(new RatioInterval(1 + change / 100, 1 + change / 200, 1 + change / 50, 0.95))
                        : Optional.empty(), both ? change : Double.NaN, both ? 0.001 : Double.NaN, 5,
                both ? "Welch t on fork levels, 4 vs 4" : "");
    }

    /** Verdicts in scrambled order: the page must sort them. */
    private static ComparisonResult comparison(List<BenchRow> run, boolean regression) {
        List<KeyComparison> keys = new ArrayList<>();
        keys.add(key(run.get(0), Verdict.UNCHANGED, 0.2));
        keys.add(key(run.get(4), Verdict.NEW, 0));
        keys.add(key(run.get(1), Verdict.FASTER, -7));
        if (regression) {
            keys.add(key(run.get(2), Verdict.SLOWER, 6.1));
            keys.add(key(run.get(3), Verdict.SLOWER, 15.3));
        }
        keys.add(key(run.get(5), Verdict.MISSING, 0));
        keys.add(key(run.get(6), Verdict.INCONCLUSIVE, 9));
        return new ComparisonResult(Path.of("results/baselines/m.csv"), Path.of("results/runs/r.csv"),
                BASE.machineId(), RUN.machineId(), BASE.gitCommit(), RUN.gitCommit(), false, CompareOptions.defaults(),
                keys);
    }

    private static ReportInputs inputs(List<BenchRow> run, Optional<ComparisonResult> c, Optional<LatestSweep> s) {
        return new ReportInputs(Path.of("results/runs/20261129T124656Z_a8704c9e24_vm_cpu-avx2.csv"), run, c,
                c.map(x -> BASE), "No baseline for machine " + RUN.machineId(), "", List.of(), s);
    }

    @Test
    void theSummaryComesFirstAndNamesTheRegressionThenTheDetailsFollowBySeverity() {
        List<BenchRow> run = quietRun();
        String html = HtmlReport.page(inputs(run, Optional.of(comparison(run, true)), Optional.empty()));

        int summary = html.indexOf("<section id=\"summary\">");
        int summaryEnd = html.indexOf("</section>", summary);
        int details = html.indexOf("<table id=\"verdicts\"");
        assertTrue(summary > 0 && summary < details, "summary before the verdict table");
        assertTrue(summaryEnd < html.indexOf("<table id=\"provenance\">"), "summary before the provenance");
        String top = html.substring(summary, summaryEnd);
        // the regression block is the first answer, and it names both slower benchmarks, the larger first
        assertTrue(top.indexOf("id=\"summary-regressions\"") < top.indexOf("id=\"summary-cost\"")
                && top.indexOf("id=\"summary-cost\"") < top.indexOf("id=\"summary-sweep\""), top);
        assertTrue(top.contains("REGRESSION: 2 of 7 benchmarks slower than the baseline (1 faster, 1 inconclusive,"
                + " 1 unchanged, 1 new, 1 missing); report exits 1, as compare does."), top);
        int big = top.indexOf("<code>cnn/standard@0.5 train-step b128 FLOAT cpu-avx2 t2</code> +15.3 % time");
        int small = top.indexOf("<code>cnn/none train-step b128 FLOAT cpu-avx2 t2</code> +6.1 % time");
        assertTrue(big > 0 && small > big, top);
        // each answer says where it comes from
        assertTrue(top.contains("commit 4461749224 on machine " + BASE.machineId() + ", 2026-11-23 07:49 UTC"), top);
        assertTrue(top.contains("commit a8704c9e24 on machine " + RUN.machineId() + ", 2026-11-29 12:46 UTC"), top);
        assertFalse(html.contains("(exit 1)"), "no exit code the command does not return");

        assertEquals(List.of("slower", "slower", "inconclusive", "faster", "unchanged", "new", "missing"),
                verdictOrder(html));
        int fold = html.indexOf("<details id=\"verdicts-folded\">");
        int foldEnd = html.indexOf("</details>", fold);
        assertTrue(fold > html.indexOf("data-verdict=\"faster\""), "what needs action stays open");
        for (String v : List.of("unchanged", "new", "missing")) {
            int at = html.indexOf("data-verdict=\"" + v + "\"");
            assertTrue(at > fold && at < foldEnd, v + " rows are folded");
        }
        assertTrue(html.contains("<summary>1 unchanged, 1 new, 1 missing</summary>"), html);
    }

    @Test
    void withoutARegressionThePageSaysSoAndTheExitCodeIsZero() {
        List<BenchRow> run = quietRun();
        ReportInputs in = inputs(run, Optional.of(comparison(run, false)), Optional.empty());
        String html = HtmlReport.page(in);
        assertFalse(in.hasRegression());
        assertTrue(html.contains("No regression: 0 of 5 benchmarks slower than the baseline (1 faster, 1"
                + " inconclusive, 1 unchanged, 1 new, 1 missing); report exits 0."), html);
        assertFalse(html.contains("REGRESSION"), html);
        assertTrue(inputs(run, Optional.of(comparison(run, true)), Optional.empty()).hasRegression());
    }

    @Test
    void theCostSummaryGivesTheResolutionAndTheTrainingStepCosts() {
        String html = HtmlReport.page(inputs(quietRun(), Optional.empty(), Optional.empty()));
        String cost = between(html, "<div class=\"answer\" id=\"summary-cost\">", "</div>");
        assertTrue(cost.contains("This run resolves cnn ±"), cost);
        Matcher m = Pattern.compile("<td>(\\w+)</td><td>train-step, b128</td><td>([^<]+)</td>").matcher(cost);
        List<String> variants = new ArrayList<>();
        while (m.find()) {
            variants.add(m.group(1) + " " + m.group(2));
        }
        // costliest first within a model
        assertEquals(List.of("cnn cnn/standard@0.5", "mlp mlp/standard@0.5", "mlp mlp/dropconnect@0.5"), variants);
        assertTrue(cost.contains("<td class=\"num\">+15.0% ["), cost);
        assertTrue(html.contains("No verdicts: No baseline for machine"), "no baseline: said in the summary");
    }

    @Test
    void chartsAreEmbeddedSoTheFileStandsAlone() {
        String html = HtmlReport.page(inputs(quietRun(), Optional.empty(), Optional.empty()));
        Matcher img = Pattern.compile("<img src=\"([^\"]*)\"").matcher(html);
        int n = 0;
        while (img.find()) {
            n++;
            assertTrue(img.group(1).startsWith("data:image/png;base64,iVBORw0KGgo"), "an embedded PNG: "
                    + img.group(1).substring(0, Math.min(80, img.group(1).length())));
        }
        assertEquals(2, n, "a throughput chart per model");
        assertFalse(html.contains(".png\""), "no reference to a PNG file");
        assertFalse(html.contains("href=\"charts/"), "no link into a charts folder");
    }

    @Test
    void aNoisyRunGetsABannerAboveTheSummaryAndAQuietOneDoesNot() {
        List<BenchRow> noisy = List.of(
                row("mlp", "none", 0, "train-step", 4, 5.2, 3.1, 4.6),
                row("mlp", "standard", 0.5, "train-step", 4.2, 5.6, 3.3, 4.1));
        String html = HtmlReport.page(inputs(noisy, Optional.empty(), Optional.empty()));
        int banner = html.indexOf("<div class=\"banner\" id=\"noise-banner\"><strong>Noisy run:</strong>");
        assertTrue(banner > 0 && banner < html.indexOf("<section id=\"summary\">"), html);
        assertTrue(html.contains("not fit to quote"), html);
        assertFalse(HtmlReport.page(inputs(quietRun(), Optional.empty(), Optional.empty())).contains("noise-banner"));
    }

    @Test
    void theSweepSaysWhereItRanAndWarnsWhenItIsAnotherMachine() throws Exception {
        Path other = sweep("20261123T072753Z_4d59b6daec", "2026-11-23T07:27:53Z", "Intel Xeon Gold 6130", "");
        String html = HtmlReport.page(inputs(quietRun(), Optional.empty(),
                Optional.of(LatestSweep.read(other))));
        String top = between(html, "id=\"summary-sweep\">", "</div>");
        assertTrue(top.contains("<code>mlp/standard@0.2</code> on fashion-mnist, 49,945 training examples: validation"
                + " 88.10 %, test 87.90 % (4 seeds)"), top);
        assertTrue(top.contains("commit 4d59b6daec on machine intel-xeon-2c-linux-cpu-avx2-"), top);
        assertTrue(top.contains("2026-11-23 07:27 UTC"), top);
        assertTrue(top.contains("From another machine than this run (" + RUN.machineId() + ")"), top);
        assertTrue(between(html, "<p id=\"sweep-origin\">", "</p>").contains("From another machine"), html);

        Path same = sweep("20261129T140000Z_a8704c9e24", "2026-11-29T14:00:00Z", RUN.cpu(), "");
        String sameHtml = HtmlReport.page(inputs(quietRun(), Optional.empty(), Optional.of(LatestSweep.read(same))));
        assertTrue(sameHtml.contains(", the machine of this run."), sameHtml);
        assertFalse(sameHtml.contains("From another machine"), sameHtml);
    }

    /** A sweep summary as {@code sweep} writes it (the columns the report reads), on the given CPU. */
    private Path sweep(String name, String time, String cpu, String stem) throws Exception {
        Path d = Files.createDirectories(dir.resolve("sweeps").resolve(name));
        String header = "timestamp,git_commit,git_dirty,host,os,cpu,cores,threads,backend,native_build,machine_id,"
                + "variant,dataset,train_size,seeds,val_accuracy_mean,test_accuracy_mean,best\n";
        String commit = name.substring(name.indexOf('_') + 1) + "000000000000000000000000000000";
        String prov = time + "," + commit + ",false,vm,Linux 6.1.0-18-amd64," + cpu + ",2,1,cpu-avx2,"
                + "linux-x86_64-avx2,,";
        Files.writeString(d.resolve(stem + "summary.csv"), header
                + prov + "mlp/none,fashion-mnist,49945,4,0.8790,0.8770,false\n"
                + prov + "mlp/standard@0.2,fashion-mnist,49945,4,0.8810,0.8790,true\n");
        return d.resolve(stem + "summary.csv");
    }

    private static List<String> verdictOrder(String html) {
        Matcher m = Pattern.compile("data-verdict=\"(\\w+)\"").matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String between(String s, String start, String end) {
        int a = s.indexOf(start);
        assertTrue(a >= 0, "no " + start + " in " + s);
        return s.substring(a, s.indexOf(end, a + start.length()));
    }
}
