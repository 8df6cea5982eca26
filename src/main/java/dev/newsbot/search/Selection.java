package dev.newsbot.search;

/**
 * Picks the best entries of parallel row and score arrays in linear time, without a heap: a quickselect moves the
 * best {@code k} to the front. Better means a higher score, then a lower row, as in {@link RowHeap}.
 */
final class Selection {

    private Selection() {
    }

    /** Reorders the first {@code n} entries so that the best {@code min(k, n)} of them come first, in no order. */
    static void selectBest(int[] rows, float[] scores, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (k > 0 && k < n && hi > lo) {
            int pivot = partition(rows, scores, lo, hi, (lo + hi) >>> 1);
            if (pivot == k) {
                return;
            }
            if (pivot < k) {
                lo = pivot + 1;
            } else {
                hi = pivot - 1;
            }
        }
    }

    /** Lomuto partition around the entry at {@code at}: better entries before it; returns its final index. */
    private static int partition(int[] rows, float[] scores, int lo, int hi, int at) {
        swap(rows, scores, at, hi);
        int pivotRow = rows[hi];
        float pivotScore = scores[hi];
        int store = lo;
        for (int i = lo; i < hi; i++) {
            if (scores[i] > pivotScore || (scores[i] == pivotScore && rows[i] < pivotRow)) {
                swap(rows, scores, i, store++);
            }
        }
        swap(rows, scores, store, hi);
        return store;
    }

    private static void swap(int[] rows, float[] scores, int i, int j) {
        int row = rows[i];
        rows[i] = rows[j];
        rows[j] = row;
        float score = scores[i];
        scores[i] = scores[j];
        scores[j] = score;
    }
}
