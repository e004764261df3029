package org.regbench.bench.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.regbench.results.stats.TextTable;

/**
 * What a dry run prints instead of every point: points per model, dropout type and phase, the batch sizes and
 * configurations, how many JVMs the schedule starts, each model's iteration timing and the estimate. The full list
 * (thousands of lines for {@code full}) stays behind {@code --verbose}.
 */
public final class PlanSummary {

    private PlanSummary() {
    }

    public static String render(BenchPlan plan, List<RoundSchedule.Fork> forks) {
        StringBuilder out = new StringBuilder();
        List<Phase> phases = plan.points().stream().map(BenchPoint::phase).distinct().sorted().toList();
        Map<String, Map<Phase, Integer>> counts = new LinkedHashMap<>();
        for (BenchPoint p : plan.points()) {
            String row = p.variant().model().text() + "\t" + p.variant().type().text();
            counts.computeIfAbsent(row, r -> new LinkedHashMap<>()).merge(p.phase(), 1, Integer::sum);
        }
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("model", "dropout"));
        phases.forEach(ph -> header.add(ph.text()));
        header.add("points");
        rows.add(header.toArray(String[]::new));
        counts.forEach((key, perPhase) -> {
            List<String> cells = new ArrayList<>(List.of(key.split("\t")));
            phases.forEach(ph -> cells.add(Integer.toString(perPhase.getOrDefault(ph, 0))));
            cells.add(Integer.toString(perPhase.values().stream().mapToInt(Integer::intValue).sum()));
            rows.add(cells.toArray(String[]::new));
        });
        boolean[] right = new boolean[header.size()];
        for (int c = 2; c < right.length; c++) {
            right[c] = true;
        }
        out.append("points per model, dropout type and phase:\n");
        out.append(TextTable.format(rows, right).lines().map(l -> "  " + l).collect(Collectors.joining("\n")))
                .append('\n');
        Set<Integer> batches = new LinkedHashSet<>();
        plan.points().forEach(p -> batches.add(p.batchSize()));
        out.append("  batch sizes: ").append(batches.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .append("; configurations per model: ").append(plan.configurationsPerModel().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append('\n');
        out.append("  forks: ").append(plan.timing().forks()).append(" rounds, ").append(forks.size())
                .append(" forked JVMs in all\n");
        out.append("  iterations per point and fork (warm-up + measured):\n");
        // per model, each timing text with the phases and batch sizes that get it
        Map<String, Map<String, TimingUse>> uses = new LinkedHashMap<>();
        for (BenchPoint p : plan.points()) {
            Timing t = plan.timing().forPoint(p);
            String text = t.warmupIterations() + " x " + seconds(t.warmupTime()) + " + " + t.measurementIterations()
                    + " x " + seconds(t.measurementTime());
            TimingUse use = uses.computeIfAbsent(p.variant().model().text(), m -> new LinkedHashMap<>())
                    .computeIfAbsent(text, x -> new TimingUse(new TreeSet<>(), new LinkedHashSet<>()));
            use.phases().add(p.phase());
            use.batches().add(p.batchSize());
        }
        uses.forEach((model, byText) -> {
            // a timing is labelled by what tells it from the model's others: its phases, its batch sizes or both
            boolean byPhase = byText.values().stream().map(TimingUse::phases).distinct().count() > 1;
            boolean byBatch = byText.values().stream().map(TimingUse::batches).distinct().count() > 1;
            out.append("    ").append(model).append(": ").append(byText.entrySet().stream()
                    .map(e -> (byPhase ? e.getValue().phases().stream().map(Phase::text)
                            .collect(Collectors.joining(", ")) + " " : "")
                            + (byBatch ? "b" + e.getValue().batches().stream().map(String::valueOf)
                            .collect(Collectors.joining(",b")) + " " : "") + e.getKey())
                    .collect(Collectors.joining("; "))).append('\n');
        });
        out.append("  estimate: ").append(human(RoundSchedule.estimate(forks, plan.timing())))
                .append(" (about 2.5 s of start-up per JVM included)\n");
        return out.toString();
    }

    /** The phases and batch sizes of a model's points that one timing serves. */
    private record TimingUse(Set<Phase> phases, Set<Integer> batches) {
    }

    private static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** A duration as {@code 1h 05m} or {@code 4m 07s}. */
    public static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh %02dm", s / 3600, s % 3600 / 60)
                : String.format("%dm %02ds", s / 60, s % 60);
    }
}
