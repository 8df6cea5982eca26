package dev.newsbot.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/** Unit vectors in one contiguous array, searched exactly by dot product. Immutable and thread-safe. */
final class VectorTable {

    private final int dimension;
    private final float[] data;

    VectorTable(int dimension, List<float[]> vectors) {
        this.dimension = dimension;
        this.data = new float[vectors.size() * dimension];
        for (int row = 0; row < vectors.size(); row++) {
            float[] v = vectors.get(row);
            if (v.length != dimension) {
                throw new IllegalArgumentException("vector " + row + " has dimension " + v.length + ", expected "
                        + dimension);
            }
            System.arraycopy(v, 0, data, row * dimension, dimension);
        }
    }

    int size() {
        return data.length / dimension;
    }

    float[] vector(int row) {
        float[] v = new float[dimension];
        System.arraycopy(data, row * dimension, v, 0, dimension);
        return v;
    }

    float dot(float[] query, int row) {
        int base = row * dimension;
        float sum = 0;
        for (int i = 0; i < dimension; i++) {
            sum += query[i] * data[base + i];
        }
        return sum;
    }

    List<Scored> search(float[] query, int k, IntPredicate accept) {
        PriorityQueue<Scored> best = new PriorityQueue<>((a, b) -> Float.compare(a.score(), b.score()));
        for (int row = 0, n = size(); row < n; row++) {
            if (accept != null && !accept.test(row)) {
                continue;
            }
            float score = dot(query, row);
            if (best.size() < k) {
                best.add(new Scored(row, score));
            } else if (score > best.peek().score()) {
                best.poll();
                best.add(new Scored(row, score));
            }
        }
        List<Scored> result = new ArrayList<>(best);
        result.sort((a, b) -> Float.compare(b.score(), a.score()));
        return result;
    }
}
