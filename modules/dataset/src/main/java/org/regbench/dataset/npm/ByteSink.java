package org.regbench.dataset.npm;

import java.util.Arrays;

/** Growable byte array; avoids boxing 55 million pixel values of Fashion-MNIST. */
final class ByteSink {
    private byte[] data = new byte[1 << 20];
    private int size;

    void add(byte b) {
        if (size == data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, 1 << 20));
        }
        data[size++] = b;
    }

    int size() {
        return size;
    }

    void truncate(int newSize) {
        size = newSize;
    }

    byte[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
