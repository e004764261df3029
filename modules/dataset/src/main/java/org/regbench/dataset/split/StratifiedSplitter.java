package org.regbench.dataset.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.regbench.dataset.DatasetException;

/**
 * Stratified splitting: every class contributes to every part in proportion to its size. Per-class shares are
 * rounded with the largest-remainder method, so part sizes are exact ({@code round(fraction * n)}) and no class is
 * over- or under-drawn by more than one example.
 */
public final class StratifiedSplitter {

    // Different streams for splitting and subsetting, so a subset is not just a prefix of the split's order.
    private static final long SUBSET_SALT = 0x5DEECE66DL;

    private StratifiedSplitter() {
    }

    /** Splits all examples {@code 0..labels.length-1} into train, validation and test. */
    public static SplitIndices split(int[] labels, int numClasses, SplitFractions fractions, long seed) {
        int n = labels.length;
        int[] all = range(n);
        Random rng = new Random(seed);
        List<int[]> byClass = shuffledByClass(labels, all, numClasses, rng);
        int[] sizes = sizes(byClass);
        int[] testCounts = allocate(sizes, (int) Math.round(fractions.test() * n));
        int[] remaining = new int[numClasses];
        for (int c = 0; c < numClasses; c++) {
            remaining[c] = sizes[c] - testCounts[c];
        }
        int valTotal = Math.min((int) Math.round(fractions.validation() * n), Arrays.stream(remaining).sum());
        int[] valCounts = allocate(remaining, valTotal);
        return assemble(byClass, testCounts, valCounts, rng);
    }

    /**
     * Splits a training pool into train and validation ({@code test} is empty) — for data with an official test
     * set.
     */
    public static SplitIndices splitValidation(int[] labels, int numClasses, double validationFraction, long seed) {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1): " + validationFraction);
        }
        Random rng = new Random(seed);
        List<int[]> byClass = shuffledByClass(labels, range(labels.length), numClasses, rng);
        int[] valCounts = allocate(sizes(byClass), (int) Math.round(validationFraction * labels.length));
        return assemble(byClass, new int[numClasses], valCounts, rng);
    }

    /**
     * A stratified subset of {@code size} of the examples {@code from} (indices into {@code labels}), in shuffled
     * order.
     *
     * @throws DatasetException when {@code size} exceeds {@code from.length}
     */
    public static int[] subset(int[] labels, int[] from, int numClasses, int size, long seed) {
        if (size > from.length) {
            throw new DatasetException("train size " + size + " requested but only " + from.length
                    + " training examples are available");
        }
        if (size < 0) {
            throw new DatasetException("train size must not be negative: " + size);
        }
        Random rng = new Random(seed ^ SUBSET_SALT);
        List<int[]> byClass = shuffledByClass(labels, from, numClasses, rng);
        int[] counts = allocate(sizes(byClass), size);
        int[] out = new int[size];
        int at = 0;
        for (int c = 0; c < numClasses; c++) {
            System.arraycopy(byClass.get(c), 0, out, at, counts[c]);
            at += counts[c];
        }
        shuffle(out, rng);
        return out;
    }

    /**
     * Integer shares of {@code total} proportional to {@code sizes}, never above a class's size (largest-remainder
     * method; ties go to the lower class index).
     */
    static int[] allocate(int[] sizes, int total) {
        long sum = Arrays.stream(sizes).asLongStream().sum();
        int[] out = new int[sizes.length];
        if (sum == 0 || total <= 0) {
            return out;
        }
        double[] remainder = new double[sizes.length];
        int given = 0;
        for (int c = 0; c < sizes.length; c++) {
            double quota = (double) total * sizes[c] / sum;
            out[c] = Math.min(sizes[c], (int) Math.floor(quota));
            remainder[c] = quota - out[c];
            given += out[c];
        }
        Integer[] order = new Integer[sizes.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Double.compare(remainder[b], remainder[a]));
        for (int i = 0; given < total && i < order.length * 2; i++) {
            int c = order[i % order.length];
            if (out[c] < sizes[c]) {
                out[c]++;
                given++;
            }
        }
        return out;
    }

    private static SplitIndices assemble(List<int[]> byClass, int[] testCounts, int[] valCounts, Random rng) {
        int numClasses = byClass.size();
        int[] test = new int[Arrays.stream(testCounts).sum()];
        int[] val = new int[Arrays.stream(valCounts).sum()];
        int[] train = new int[byClass.stream().mapToInt(a -> a.length).sum() - test.length - val.length];
        int t = 0;
        int v = 0;
        int r = 0;
        for (int c = 0; c < numClasses; c++) {
            int[] idx = byClass.get(c);
            System.arraycopy(idx, 0, test, t, testCounts[c]);
            t += testCounts[c];
            System.arraycopy(idx, testCounts[c], val, v, valCounts[c]);
            v += valCounts[c];
            int rest = idx.length - testCounts[c] - valCounts[c];
            System.arraycopy(idx, testCounts[c] + valCounts[c], train, r, rest);
            r += rest;
        }
        // Interleave the classes: DL4J iterators do not shuffle, and class-sorted minibatches would hurt training.
        shuffle(train, rng);
        shuffle(val, rng);
        shuffle(test, rng);
        return new SplitIndices(train, val, test);
    }

    private static List<int[]> shuffledByClass(int[] labels, int[] from, int numClasses, Random rng) {
        int[] counts = new int[numClasses];
        for (int i : from) {
            int l = labels[i];
            if (l < 0 || l >= numClasses) {
                throw new DatasetException("label " + l + " of example " + i + " outside 0-" + (numClasses - 1));
            }
            counts[l]++;
        }
        List<int[]> byClass = new ArrayList<>(numClasses);
        for (int c = 0; c < numClasses; c++) {
            byClass.add(new int[counts[c]]);
        }
        int[] fill = new int[numClasses];
        for (int i : from) {
            byClass.get(labels[i])[fill[labels[i]]++] = i;
        }
        for (int[] idx : byClass) {
            shuffle(idx, rng);
        }
        return byClass;
    }

    private static int[] sizes(List<int[]> byClass) {
        return byClass.stream().mapToInt(a -> a.length).toArray();
    }

    private static int[] range(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    static void shuffle(int[] a, Random rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }
}
