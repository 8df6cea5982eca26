package dev.newsbot.retrieval;

import java.util.Arrays;

/**
 * The result of a {@link VectorIndex} search: row ids and their exact inner-product scores, best first. Equal
 * scores are ordered by ascending row id, so results are deterministic. Immutable.
 */
public final class TopK {

    private static final TopK EMPTY = new TopK(new int[0], new float[0]);

    private final int[] rows;
    private final float[] scores;

    TopK(int[] rows, float[] scores) {
        if (rows.length != scores.length) {
            throw new IllegalArgumentException("TopK.rows and TopK.scores must have the same length");
        }
        this.rows = rows;
        this.scores = scores;
    }

    static TopK empty() {
        return EMPTY;
    }

    /** Number of hits, at most the {@code k} asked for. */
    public int size() {
        return rows.length;
    }

    /** The row id of the {@code rank}-th best hit, from 0. */
    public int row(int rank) {
        return rows[rank];
    }

    /** The score of the {@code rank}-th best hit, from 0. */
    public float score(int rank) {
        return scores[rank];
    }

    /** A copy of the row ids, best first. */
    public int[] rows() {
        return rows.clone();
    }

    /** A copy of the scores, best first. */
    public float[] scores() {
        return scores.clone();
    }

    /**
     * The fraction of {@code exact}'s rows that this result also holds (recall@k against an exact search); 1 when
     * {@code exact} is empty.
     */
    public double recallAgainst(TopK exact) {
        if (exact.size() == 0) {
            return 1.0;
        }
        int[] mine = rows();
        Arrays.sort(mine);
        long found = Arrays.stream(exact.rows).filter(row -> Arrays.binarySearch(mine, row) >= 0).count();
        return (double) found / exact.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TopK that && Arrays.equals(rows, that.rows) && Arrays.equals(scores, that.scores);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(rows) + Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("TopK[");
        for (int i = 0; i < rows.length; i++) {
            text.append(i == 0 ? "" : ", ").append(rows[i]).append('=').append(scores[i]);
        }
        return text.append(']').toString();
    }
}
