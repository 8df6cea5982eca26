package dev.newsbot.retrieval;

import java.util.function.IntPredicate;

/**
 * One bit per component of every vector, its sign, for a fast approximate scan. A row's approximate score for a
 * query is {@code sum_j q_j * (bit_j ? 1 : -1)}: the inner product of the float query with the row's sign vector.
 * A scan reads each row's bits a byte at a time and adds up entries of a per-query table holding that sum for
 * every value of every byte, so a 384-dimensional row costs 48 table reads. Bits are kept row by row in
 * {@code ceil(d / 64)} longs; components past the dimension are zero bits and weigh nothing. Immutable.
 */
final class SignCodes {

    private static final int BYTE_VALUES = 256;

    private final int dimension;
    private final int words;
    private final long[] bits;

    SignCodes(float[] vectors, int size, int dimension) {
        this.dimension = dimension;
        this.words = (dimension + Long.SIZE - 1) / Long.SIZE;
        this.bits = new long[size * words];
        for (int row = 0; row < size; row++) {
            for (int j = 0; j < dimension; j++) {
                if (vectors[row * dimension + j] > 0) {
                    bits[row * words + j / Long.SIZE] |= 1L << (j % Long.SIZE);
                }
            }
        }
    }

    long bytes() {
        return 8L * bits.length;
    }

    /** For each byte position of a row's bits and each of its 256 values, that byte's share of the score. */
    float[] table(float[] query) {
        int positions = words * Long.BYTES;
        float[] table = new float[positions * BYTE_VALUES];
        for (int position = 0; position < positions; position++) {
            int base = position * BYTE_VALUES;
            float all = 0;
            for (int bit = 0; bit < Byte.SIZE; bit++) {
                all += component(query, position * Byte.SIZE + bit);
            }
            table[base] = -all;
            for (int value = 1; value < BYTE_VALUES; value++) {
                int lowest = Integer.numberOfTrailingZeros(value);
                table[base + value] = table[base + (value & (value - 1))]
                        + 2 * component(query, position * Byte.SIZE + lowest);
            }
        }
        return table;
    }

    private float component(float[] query, int j) {
        return j < dimension ? query[j] : 0f;
    }

    /**
     * Writes every accepted row of {@code [fromRow, toRow)} and its score under {@code table} to {@code rows} and
     * {@code scores} from index 0, and returns how many were written.
     */
    int scan(float[] table, int fromRow, int toRow, IntPredicate filter, int[] rows, float[] scores) {
        int n = 0;
        for (int row = fromRow; row < toRow; row++) {
            if (filter == null || filter.test(row)) {
                rows[n] = row;
                scores[n++] = score(table, row * words);
            }
        }
        return n;
    }

    /** Adds the table entries of one row's bytes in two short chains, so the reads overlap. */
    private float score(float[] table, int offset) {
        long[] b = bits;
        float low = 0f;
        float high = 0f;
        for (int w = 0; w < words; w++) {
            long word = b[offset + w];
            int t = w * Long.BYTES * BYTE_VALUES;
            low += (table[t + (int) (word & 0xFF)] + table[t + 256 + (int) ((word >>> 8) & 0xFF)])
                    + (table[t + 512 + (int) ((word >>> 16) & 0xFF)] + table[t + 768 + (int) ((word >>> 24) & 0xFF)]);
            high += (table[t + 1024 + (int) ((word >>> 32) & 0xFF)] + table[t + 1280 + (int) ((word >>> 40) & 0xFF)])
                    + (table[t + 1536 + (int) ((word >>> 48) & 0xFF)] + table[t + 1792 + (int) (word >>> 56)]);
        }
        return low + high;
    }
}
