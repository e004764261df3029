package org.regbench.bench.sweep;

import java.util.ArrayList;
import java.util.List;
import org.regbench.bench.UserInputException;

/**
 * One slice of a sweep's plan for a batch scheduler ({@code sweep --shard I/N}, I from 1 to N): the runs whose
 * position in the plan, counted from 0, leaves remainder I-1 when divided by N. Dealt round-robin rather than in
 * blocks because plans list seed by seed and model by model: blocks would give one shard all the slow CNN runs. The
 * slice depends only on the plan and I/N, so every machine computes the same one.
 */
public record SweepShard(int index, int count) {

    public SweepShard {
        if (count < 1 || index < 1 || index > count) {
            throw new UserInputException("--shard must be I/N with 1 <= I <= N, got " + index + "/" + count);
        }
    }

    /** {@code I/N}, e.g. {@code 2/3}. */
    public static SweepShard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2) {
            throw new UserInputException("--shard must be I/N (e.g. 2/3), got '" + text + "'");
        }
        try {
            return new SweepShard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new UserInputException("--shard must be I/N (e.g. 2/3), got '" + text + "'");
        }
    }

    /** Positions (from 0) in a plan of {@code planSize} runs that belong to this shard, ascending. */
    public List<Integer> positions(int planSize) {
        List<Integer> out = new ArrayList<>();
        for (int i = index - 1; i < planSize; i += count) {
            out.add(i);
        }
        return out;
    }

    public String text() {
        return index + "/" + count;
    }
}
