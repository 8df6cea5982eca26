package dev.newsbot.index;

/**
 * How many candidates the approximate vector search proposes for re-scoring with exact vectors.
 *
 * @param oversample    candidates per requested passage
 * @param minCandidates the fewest candidates asked for, however few passages are requested
 * @param exactUpTo     sets of at most this many passages are scanned exactly instead
 * @param perRootOfSize a larger set asks for at least this many candidates per square root of its size (0: no such
 *                      floor), up to {@code maxCandidates}: the graph walk misses more of the exact top 10 as the set
 *                      grows
 * @param maxCandidates the most candidates the size floor asks for
 */
record DenseSettings(int oversample, int minCandidates, int exactUpTo, double perRootOfSize, int maxCandidates) {

    /**
     * 4 candidates per passage, at least 400: enough for recall@10 against exact search above 0.98 in {@code bench}
     * at 50,000 passages. Larger sets need more, but fewer than in proportion: for 0.98, about 1,600 at 250,000
     * passages and about 2,100 at 1,000,000. Hence at least 3.2 per square root of the size (716 at 50,000, 1,600
     * at 250,000, 3,200 at 1,000,000), at most 4,000. Small sets are scanned exactly: on near-duplicate passages the
     * graph search misses much of the exact top 10 ({@code BenchmarkTest}), where a scan costs no more than the
     * graph. Figures: docs/performance.md.
     */
    static final DenseSettings DEFAULT = new DenseSettings(4, 400, 4096, 3.2, 4000);

    DenseSettings {
        if (oversample < 1) {
            throw new IllegalArgumentException("DenseSettings.oversample must be at least 1, was " + oversample);
        }
        if (exactUpTo < 0) {
            throw new IllegalArgumentException("DenseSettings.exactUpTo must not be negative, was " + exactUpTo);
        }
        if (minCandidates < 1) {
            throw new IllegalArgumentException("DenseSettings.minCandidates must be at least 1, was "
                    + minCandidates);
        }
        if (!(perRootOfSize >= 0)) {
            throw new IllegalArgumentException("DenseSettings.perRootOfSize must not be negative, was "
                    + perRootOfSize);
        }
        if (maxCandidates < minCandidates) {
            throw new IllegalArgumentException("DenseSettings.maxCandidates must be at least minCandidates ("
                    + minCandidates + "), was " + maxCandidates);
        }
    }

    /** Exactly {@code candidates} candidates for any request, with this floor's scan of small sets. */
    DenseSettings fixed(int candidates) {
        return new DenseSettings(1, candidates, exactUpTo, 0, candidates);
    }

    /** The candidates to ask for {@code k} passages of a set of {@code size}. */
    int candidates(int k, int size) {
        int floor = (int) Math.min(maxCandidates, Math.ceil(perRootOfSize * Math.sqrt(size)));
        return Math.max(floor, Math.max(minCandidates, k * oversample));
    }
}
