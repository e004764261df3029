package org.regbench.dataset.split;

/** Example indices of each part; disjoint, each in a seeded shuffled order. Arrays are not copied. */
public record SplitIndices(int[] train, int[] validation, int[] test) {
}
