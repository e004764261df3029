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
 * order), kept for comparison with older runs. Paired: interleaved rounds in which a round's compared points share
 * one JVM and alternate iteration by iteration ({@code NetworkState}), so a pair's two sides meet the same JIT state,
 * heap and host in adjacent iterations, and each JVM's start-up and warm-up serve all its points.
 */
public final class RoundSchedule {

    /** Separates the points of a paired fork in the JMH parameters {@code variant} and {@code layouts}. */
    public static final String SEPARATOR = ";";

    /** How forks are ordered. */
    public enum Kind {
        PAIRED("paired"), INTERLEAVED("interleaved"), SEQUENTIAL("sequential");

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

    /**
     * One forked JVM to run: its points (one, or in a paired fork the compared points it rotates through, in its
     * rotation order) and the round it belongs to (1-based).
     */
    public record Fork(List<BenchPoint> points, int round) {

        public Fork {
            points = List.copyOf(points);
        }

        public Fork(BenchPoint point, int round) {
            this(List.of(point), round);
        }

        public BenchPoint point() {
            return points.get(0);
        }

        /** Estimated wall time of this fork under {@code timing} (stretched per model as points are). */
        public java.time.Duration estimate(Timing timing) {
            return timing.forPoint(point()).withForks(1).estimate(points.size());
        }
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
            groups.computeIfAbsent(kind == Kind.PAIRED ? jvmGroupOf(p) : groupOf(p), g -> new ArrayList<>()).add(p);
        }
        Random rnd = new Random(seed);
        for (int r = 1; r <= rounds; r++) {
            List<List<BenchPoint>> order = new ArrayList<>(groups.values());
            Collections.shuffle(order, rnd);
            for (List<BenchPoint> group : order) {
                List<BenchPoint> shuffled = new ArrayList<>(group);
                Collections.shuffle(shuffled, rnd);
                if (kind == Kind.PAIRED) {
                    out.add(new Fork(shuffled, r));
                } else {
                    for (BenchPoint p : shuffled) {
                        out.add(new Fork(p, r));
                    }
                }
            }
        }
        return out;
    }

    /** Estimated wall time of all forks. */
    public static java.time.Duration estimate(List<Fork> forks, Timing timing) {
        return forks.stream().map(f -> f.estimate(timing)).reduce(java.time.Duration.ZERO,
                java.time.Duration::plus);
    }

    /** The points of {@code points} that share {@code point}'s JVM under {@code kind}, {@code point} first. */
    public static List<BenchPoint> forkOf(BenchPoint point, List<BenchPoint> points, Kind kind) {
        List<BenchPoint> out = new ArrayList<>(List.of(point));
        if (kind == Kind.PAIRED) {
            points.stream().filter(p -> !p.equals(point) && jvmGroupOf(p).equals(jvmGroupOf(point))).forEach(out::add);
        }
        return out;
    }

    /**
     * Points that can share one JVM of a paired fork: compared with each other, and the same build, threads and
     * helpers (process-wide settings) and workspace mode. Workspaces off beside workspaces on in one JVM crashed a
     * fork in native code here (SIGSEGV in {@code DataBuffer::primary} during a training step, once in six quick
     * runs), so such points get JVMs of their own, still paired with the others by round.
     */
    static String jvmGroupOf(BenchPoint p) {
        PointConfig c = p.config();
        return groupOf(p) + "|" + c.engine() + "|" + c.nativeBuild() + "|" + c.threads() + "|" + c.helpers() + "|"
                + c.workspace();
    }

    /** Points that are compared with each other: one model, phase and batch size. */
    static String groupOf(BenchPoint p) {
        return p.variant().model().text() + "|" + p.phase().text() + "|" + p.batchSize();
    }

    /** The schedule column of every row, e.g. {@code interleaved seed=42}. */
    public static String describe(Kind kind, long seed) {
        return kind == Kind.SEQUENTIAL ? kind.text() : kind.text() + " seed=" + seed;
    }
}
