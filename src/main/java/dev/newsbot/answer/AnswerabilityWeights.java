package dev.newsbot.answer;

/**
 * The scales of the evidence features {@link Answerability}'s fitted model weighs, and the rules that decline before
 * it, in one place. The model's own weights are fitted (the {@code calibrate} command) and live in its resource
 * file; changing a scale here changes what a feature means, so the model must be refitted with it. The measured
 * effect of each is in docs/quality.md ("Weights, stage by stage" and "The refusal model").
 *
 * @param rareShare         a term is rare when its idf is at least this share of the store's largest
 * @param agreementArticles leading articles looked at for agreement
 * @param agreementCoverage share of the question's weighted terms an article must hold to agree
 * @param staleDays         days before the asked time beyond which the best article counts as wholly stale
 * @param lateGraceDays     days after the set's newest article a question may come before it counts as late: a set
 *                          is usually loaded a few days after its newest news
 * @param lateDays          days beyond the grace at which a question counts as wholly late
 * @param archiveDays       days without a new article after which a set is an archive, asked about its own time
 *                          (the bundled 2013 article asked today): far beyond the weeks a news set lags its questions
 * @param oldDays           age of the best article at which {@code best_age} reaches 1, on a log scale: ten years
 * @param unknownNameShare  share of a question carried by names no article holds at which it is declined: the set
 *                          is about something else, however well the rest matches
 * @param staleGraceDays    days a relative time cue ("this week") may begin after the newest article before the
 *                          question is declined as news the set cannot hold yet
 */
record AnswerabilityWeights(double rareShare, int agreementArticles, double agreementCoverage, double staleDays,
                            double lateGraceDays, double lateDays, long archiveDays, double oldDays,
                            double unknownNameShare, int staleGraceDays) {

    static final AnswerabilityWeights DEFAULT = new AnswerabilityWeights(0.5, 5, 0.5, 60, 7, 60, 365, 3650, 0.35, 7);

    AnswerabilityWeights {
        Weights.share("AnswerabilityWeights", "rareShare", rareShare);
        Weights.atLeast("AnswerabilityWeights", "agreementArticles", agreementArticles, 1);
        Weights.share("AnswerabilityWeights", "agreementCoverage", agreementCoverage);
        Weights.atLeast("AnswerabilityWeights", "staleDays", staleDays, 1);
        Weights.atLeast("AnswerabilityWeights", "lateGraceDays", lateGraceDays, 0);
        Weights.atLeast("AnswerabilityWeights", "lateDays", lateDays, 1);
        Weights.atLeast("AnswerabilityWeights", "archiveDays", archiveDays, 1);
        Weights.atLeast("AnswerabilityWeights", "oldDays", oldDays, 1);
        Weights.share("AnswerabilityWeights", "unknownNameShare", unknownNameShare);
        Weights.atLeast("AnswerabilityWeights", "staleGraceDays", staleGraceDays, 0);
    }
}
