package dev.newsbot.answer;

/**
 * Every number that decides a short lead ("59.", "Al Shabaab.") or a yes/no verdict, in one place. A wrong lead in
 * front of a right sentence is worse than none, so each is set where a lead is more often right than not. The
 * measured effect of each is in docs/quality.md ("Weights, stage by stage").
 *
 * @param countedNounWindow words after a number that may name what it counts ("30 more hostages"): a count must
 *                          name the asked noun, not the one of a later clause
 * @param speakerReach      characters before a name in which "said" makes it the speaker, never the answer to "who
 *                          did"
 * @param passiveWindow     words from the asked verb within which a name is the one it happened to ("Who was
 *                          killed?")
 * @param topicWindow       words before "in" that may name what a "where" question asks about
 * @param yesSupport        support every claim of a yes/no question needs for "Yes."
 * @param noCoverage        coverage below which a claim whose outlet was searched counts as unsupported: "No."
 */
record ShortAnswerWeights(int countedNounWindow, int speakerReach, int passiveWindow, int topicWindow,
                          double yesSupport, double noCoverage) {

    static final ShortAnswerWeights DEFAULT = new ShortAnswerWeights(3, 60, 4, 4, 0.3, 0.1);

    ShortAnswerWeights {
        Weights.atLeast("ShortAnswerWeights", "countedNounWindow", countedNounWindow, 1);
        Weights.atLeast("ShortAnswerWeights", "speakerReach", speakerReach, 0);
        Weights.atLeast("ShortAnswerWeights", "passiveWindow", passiveWindow, 1);
        Weights.atLeast("ShortAnswerWeights", "topicWindow", topicWindow, 1);
        Weights.share("ShortAnswerWeights", "yesSupport", yesSupport);
        Weights.share("ShortAnswerWeights", "noCoverage", noCoverage);
    }
}
