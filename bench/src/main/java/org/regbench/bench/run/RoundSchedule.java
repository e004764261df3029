package org.regbench.bench.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.regbench.zoo.TextForms;

/**
 * The order in which a run's forks execute. Interleaved (the default): the run is a sequence of rounds, and each
 * round runs one fork of every point. Points compared with each other (one model, phase and batch size: the
 * no-dropout reference, its variants and its configurations) form a group that runs back to back within a round, in
 * a seeded random order, and the groups themselves come in a seeded random order. So each comparison has one pair
 * of forks per round measured seconds apart, and the rounds spread every point over the whole run: slow stretches
 * of the host land on both sides of a pair instead of on whichever point ran during them, and the spread between
 * rounds carries time-of-day variation into the intervals. This is Google Benchmark's random interleaving and asv's
 * interleaved processes, with the pairing kept. Sequential: every fork of a point, then the next point (JMH's own
 * order), kept for comparison with older runs.
 */
public final class RoundSchedule {

    /** How forks are ordered. */
    public enum Kind {
        INTERLEAVED("interleaved"), SEQUENTIAL("sequential");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        public static Kind parse(String text) {
            return TextForms.parse(Kind.class, text, Kind::text, "schedule");
        }
    }

    /** One fork to run: a point and the round it belongs to (1-based). */
    public record Fork(BenchPoint point, int round) {
    }

    private RoundSchedule() {
    }

    /** The forks of {@code points}, {@code rounds} of each, in the order {@code kind} runs them. */
    public static List<Fork> of(List<BenchPoint> points, int rounds, Kind kind, long seed) {
        List<Fork> out = new ArrayList<>();
        if (kind == Kind.SEQUENTIAL) {
            for (BenchPoint p : points) {
                for (int r = 1; r <= rounds; r++) {
                    out.add(new Fork(p, r));
                }
            }
            return out;
        }
        Map<String, List<BenchPoint>> groups = new LinkedHashMap<>();
        for (BenchPoint p : points) {
            groups.computeIfAbsent(groupOf(p), g -> new ArrayList<>()).add(p);
        }
        Random rnd = new Random(seed);
        for (int r = 1; r <= rounds; r++) {
            List<List<BenchPoint>> order = new ArrayList<>(groups.values());
            Collections.shuffle(order, rnd);
            for (List<BenchPoint> group : order) {
                List<BenchPoint> shuffled = new ArrayList<>(group);
                Collections.shuffle(shuffled, rnd);
                for (BenchPoint p : shuffled) {
                    out.add(new Fork(p, r));
                }
            }
        }
        return out;
    }

    /** Points that are compared with each other: one model, phase and batch size. */
    static String groupOf(BenchPoint p) {
        return p.variant().model().text() + "|" + p.phase().text() + "|" + p.batchSize();
    }

    /** The schedule column of every row, e.g. {@code interleaved seed=42}. */
    public static String describe(Kind kind, long seed) {
        return kind == Kind.INTERLEAVED ? kind.text() + " seed=" + seed : kind.text();
    }
}
