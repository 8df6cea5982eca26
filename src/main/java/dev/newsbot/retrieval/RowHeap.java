package dev.newsbot.retrieval;

/**
 * A bounded min-heap of (row, score) pairs in two primitive arrays that keeps the best {@code capacity} pairs
 * offered. Better means a higher score, then a lower row. Not thread-safe.
 */
final class RowHeap {

    private final int[] rows;
    private final float[] scores;
    private int size;

    RowHeap(int capacity) {
        rows = new int[capacity];
        scores = new float[capacity];
    }

    int size() {
        return size;
    }

    int row(int index) {
        return rows[index];
    }

    /** Whether a pair with this score could still enter; a cheap test before the full {@link #offer}. */
    boolean admits(float score) {
        return size < rows.length || score >= scores[0];
    }

    void offer(int row, float score) {
        if (size < rows.length) {
            rows[size] = row;
            scores[size] = score;
            siftUp(size++);
        } else if (size > 0 && worse(rows[0], scores[0], row, score)) {
            rows[0] = row;
            scores[0] = score;
            siftDown(0);
        }
    }

    void offerAll(RowHeap other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.rows[i], other.scores[i]);
        }
    }

    /** Empties the heap into a {@link TopK}, best first. */
    TopK drain() {
        int[] sortedRows = new int[size];
        float[] sortedScores = new float[size];
        for (int i = size - 1; i >= 0; i--) {
            sortedRows[i] = rows[0];
            sortedScores[i] = scores[0];
            rows[0] = rows[size - 1];
            scores[0] = scores[size - 1];
            size--;
            siftDown(0);
        }
        return new TopK(sortedRows, sortedScores);
    }

    private static boolean worse(int rowA, float scoreA, int rowB, float scoreB) {
        return scoreA < scoreB || (scoreA == scoreB && rowA > rowB);
    }

    private void siftUp(int index) {
        int row = rows[index];
        float score = scores[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (!worse(row, score, rows[parent], scores[parent])) {
                break;
            }
            move(parent, index);
            index = parent;
        }
        rows[index] = row;
        scores[index] = score;
    }

    private void siftDown(int index) {
        int row = rows[index];
        float score = scores[index];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            if (child + 1 < size && worse(rows[child + 1], scores[child + 1], rows[child], scores[child])) {
                child++;
            }
            if (!worse(rows[child], scores[child], row, score)) {
                break;
            }
            move(child, index);
            index = child;
        }
        rows[index] = row;
        scores[index] = score;
    }

    private void move(int from, int to) {
        rows[to] = rows[from];
        scores[to] = scores[from];
    }
}
