package dev.newsbot.retrieval;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Int8 copies of an index's vectors for a fast approximate scan. Each vector is scaled by its own largest
 * magnitude into [-127, 127]. Vectors are stored in blocks of {@link #BLOCK} rows, transposed within a block
 * (dimension-major), so scoring a block is a few element-wise multiply-adds the JIT turns into SIMD code.
 * Immutable once built.
 */
final class QuantizedRows {

    static final int BLOCK = 64;

    private final int size;
    private final int dimension;
    private final byte[] codes;
    private final float[] scales;
    private final int queryRange;

    QuantizedRows(float[] vectors, int size, int dimension) {
        this.size = size;
        this.dimension = dimension;
        this.codes = new byte[blocks(size) * BLOCK * dimension];
        this.scales = new float[size];
        this.queryRange = Math.min(Short.MAX_VALUE, Integer.MAX_VALUE / (127 * Math.max(1, dimension)));
        for (int row = 0; row < size; row++) {
            quantize(vectors, row);
        }
    }

    int blocks() {
        return blocks(size);
    }

    long bytes() {
        return codes.length + 4L * scales.length;
    }

    private static int blocks(int size) {
        return (size + BLOCK - 1) / BLOCK;
    }

    private void quantize(float[] vectors, int row) {
        int from = row * dimension;
        float max = 0f;
        for (int j = 0; j < dimension; j++) {
            max = Math.max(max, Math.abs(vectors[from + j]));
        }
        float scale = max / 127f;
        scales[row] = scale;
        if (scale == 0f) {
            return;
        }
        int base = (row / BLOCK) * BLOCK * dimension + row % BLOCK;
        for (int j = 0; j < dimension; j++) {
            codes[base + j * BLOCK] = (byte) Math.round(vectors[from + j] / scale);
        }
    }

    /** The query in integer form, scaled so that a block's sums cannot overflow an int. */
    int[] quantizeQuery(float[] query) {
        float max = 0f;
        for (float value : query) {
            max = Math.max(max, Math.abs(value));
        }
        int[] quantized = new int[dimension];
        if (max > 0f) {
            float scale = max / queryRange;
            for (int j = 0; j < dimension; j++) {
                quantized[j] = Math.round(query[j] / scale);
            }
        }
        return quantized;
    }

    /**
     * Offers every accepted row of blocks {@code [fromBlock, toBlock)} to {@code heap}, scored by the approximate
     * inner product (up to the query's constant scale).
     */
    void scan(int[] query, int fromBlock, int toBlock, IntPredicate filter, RowHeap heap) {
        int[] sums = new int[BLOCK];
        for (int block = fromBlock; block < toBlock; block++) {
            scoreBlock(query, block * BLOCK * dimension, sums);
            int first = block * BLOCK;
            int lanes = Math.min(BLOCK, size - first);
            for (int lane = 0; lane < lanes; lane++) {
                int row = first + lane;
                float score = sums[lane] * scales[row];
                if (heap.admits(score) && (filter == null || filter.test(row))) {
                    heap.offer(row, score);
                }
            }
        }
    }

    private void scoreBlock(int[] query, int offset, int[] sums) {
        Arrays.fill(sums, 0);
        byte[] c = codes;
        int j = 0;
        for (; j + 3 < dimension; j += 4) {
            int q0 = query[j];
            int q1 = query[j + 1];
            int q2 = query[j + 2];
            int q3 = query[j + 3];
            int b0 = offset + j * BLOCK;
            int b1 = b0 + BLOCK;
            int b2 = b1 + BLOCK;
            int b3 = b2 + BLOCK;
            for (int i = 0; i < BLOCK; i++) {
                sums[i] += q0 * c[b0 + i] + q1 * c[b1 + i] + q2 * c[b2 + i] + q3 * c[b3 + i];
            }
        }
        for (; j < dimension; j++) {
            int q = query[j];
            int b = offset + j * BLOCK;
            for (int i = 0; i < BLOCK; i++) {
                sums[i] += q * c[b + i];
            }
        }
    }
}
