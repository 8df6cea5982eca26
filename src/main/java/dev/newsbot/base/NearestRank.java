package dev.newsbot.base;

import java.util.Arrays;

/**
 * Nearest-rank percentiles: the {@code p}-th percentile of {@code n} values is the value at 1-based position
 * {@code ceil(p / 100 * n)} of the values sorted in ascending order, the smallest value that at least {@code p}
 * percent of the values do not exceed (the first value for {@code p} near 0).
 */
public final class NearestRank {

    private NearestRank() {
    }

    /** The {@code p}-th percentile of {@code values} (any order, not changed), {@code p} in (0, 100]. */
    public static long percentile(long[] values, double p) {
        if (values.length == 0) {
            throw new IllegalArgumentException("NearestRank.values must not be empty");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("NearestRank.p must be in (0, 100], was " + p);
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }
}
