package dev.newsbot.index;

/**
 * How many candidates the approximate vector search proposes for re-scoring with exact vectors.
 *
 * @param oversample    candidates per requested passage
 * @param minCandidates the fewest candidates asked for, however few passages are requested
 * @param exactUpTo     sets of at most this many passages are scanned exactly instead
 */
record DenseSettings(int oversample, int minCandidates, int exactUpTo) {

    /**
     * 4 candidates per passage, at least 400: the fewest that keep recall@10 against exact search above 0.98 in
     * {@code bench} at 50,000 passages. Small sets are scanned exactly: on near-duplicate passages the graph search
     * misses much of the exact top 10 ({@code BenchmarkTest}), where a scan costs no more than the graph. Figures:
     * docs/performance.md.
     */
    static final DenseSettings DEFAULT = new DenseSettings(4, 400, 4096);

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
    }

    int candidates(int k) {
        return Math.max(minCandidates, k * oversample);
    }
}
