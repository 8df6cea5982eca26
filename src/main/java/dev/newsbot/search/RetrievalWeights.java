package dev.newsbot.search;

/**
 * Every number that weighs evidence in retrieval, in one place. Priors are in units of a first place in one ranked
 * list ({@link #top()}), so each reads as "counts as much as being the best match of one list". The measured effect
 * of each, on all three development QA sets, is in docs/quality.md ("Weights, stage by stage").
 *
 * @param rrfK              reciprocal-rank-fusion constant: the usual 60 lets a passage first in one list and
 *                          absent from the other still beat one that is tenth in both
 * @param candidates        passages taken from each list before fusion: enough for the per-article cap to fill
 *                          the answerer's passages from distinct articles
 * @param maxPerArticle     passages of one article among those returned, so one long article cannot crowd out
 *                          the others
 * @param topArticleExtra   further passages of the best-ranked article, placed after all the others: more of the
 *                          article most likely to hold the answer, without changing any article's rank
 * @param recencyWeight     prior for an article published close to the question date (or the time it names),
 *                          falling by e-fold every {@link #recencyDays()}: news questions are about recent news
 * @param recentCueWeight   the same prior when the question says "recently", "latest" or "just"
 * @param recencyDays       the e-folding time of the recency prior, in days: a week, the span of a news cycle
 * @param windowWeight      prior for an article published inside a span the question names ("this week", "the
 *                          week before January 5"), so a years-old article that matches as well cannot beat it; a
 *                          vague cue ("recently") sets no span
 * @param dayWeight         prior for an article published on a day the question names ("the report published on
 *                          October 2")
 * @param outletWeight      prior for an article from an outlet the question names
 * @param bridgeLeading     leading articles read for the name a many-part question is about without naming it
 * @param bridgeMinArticles how many of those must share the name
 * @param bridgeKeep        leading articles that keep their places when the shared name reorders the rest
 * @param bridgeWeight      prior for a later article that mentions the shared name
 * @param coverOutletsBy    the article rank by which each outlet a comparing question names has an article
 */
public record RetrievalWeights(int rrfK, int candidates, int maxPerArticle, int topArticleExtra, double recencyWeight,
                               double recentCueWeight, double recencyDays, double windowWeight, double dayWeight,
                               double outletWeight, int bridgeLeading, int bridgeMinArticles, int bridgeKeep,
                               double bridgeWeight, int coverOutletsBy) {

    /** The weights newsbot ships with. */
    public static final RetrievalWeights DEFAULT = new RetrievalWeights(60, 50, 2, 4, 0.3, 0.5, 7, 1.0, 1.0, 0.5, 5,
            2, 3, 1.0, 8);

    public RetrievalWeights {
        positive("rrfK", rrfK);
        positive("candidates", candidates);
        positive("maxPerArticle", maxPerArticle);
        notNegative("topArticleExtra", topArticleExtra);
        notNegative("recencyWeight", recencyWeight);
        notNegative("recentCueWeight", recentCueWeight);
        if (!(recencyDays > 0)) {
            throw new IllegalArgumentException("RetrievalWeights.recencyDays must be above 0, was " + recencyDays);
        }
        notNegative("windowWeight", windowWeight);
        notNegative("dayWeight", dayWeight);
        notNegative("outletWeight", outletWeight);
        positive("bridgeLeading", bridgeLeading);
        positive("bridgeMinArticles", bridgeMinArticles);
        notNegative("bridgeKeep", bridgeKeep);
        notNegative("bridgeWeight", bridgeWeight);
        positive("coverOutletsBy", coverOutletsBy);
    }

    /** The score of a first place in one list: the unit of every prior. */
    public double top() {
        return 1.0 / (rrfK + 1);
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("RetrievalWeights." + field + " must be at least 1, was " + value);
        }
    }

    private static void notNegative(String field, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException("RetrievalWeights." + field + " must not be negative, was " + value);
        }
    }
}
