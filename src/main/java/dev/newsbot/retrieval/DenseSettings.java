package dev.newsbot.retrieval;

/**
 * How many candidates the approximate vector search proposes for re-scoring with exact vectors.
 *
 * @param oversample    candidates per requested passage
 * @param minCandidates the fewest candidates asked for, however few passages are requested
 */
record DenseSettings(int oversample, int minCandidates) {

    /**
     * 4 candidates per passage, at least 100: recall@10 against exact search measured by {@code bench}
     * (see README "## Performance").
     */
    static final DenseSettings DEFAULT = new DenseSettings(4, 100);

    DenseSettings {
        if (oversample < 1) {
            throw new IllegalArgumentException("DenseSettings.oversample must be at least 1, was " + oversample);
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
