package dev.newsbot.answer;

/**
 * Every number that weighs a sentence as the answer to a question, and chooses the sentences of a reply, in one
 * place. The measured effect of each, on all three development QA sets, is in docs/quality.md ("Weights, stage by
 * stage").
 *
 * @param coverage           share of a sentence's score from how much of the question's weighted terms it holds:
 *                           the strongest sign that it states the asked fact
 * @param context            share from the terms its passage and title hold: a sentence in a passage about the
 *                           question's subject is likelier about it
 * @param similarity         share from its passage's embedding similarity to the question: catches paraphrase
 * @param type               share from whether it holds the kind of fact asked for (a number for "how many")
 * @param rank               share from its passage's retrieval rank, a tie-breaker
 * @param background         factor on a sentence that recalls an earlier year than its article's, which the question
 *                           does not ask about: such sentences quote old facts ("200 killed in 1998")
 * @param minWords           shortest sentence that can be an answer: shorter ones are fragments and datelines
 * @param furtherSentence    share of the best sentence's score a second or third sentence needs: only near-equals
 *                           add evidence rather than noise
 * @param namedOutlet        share a named outlet's best sentence needs to be added, so a comparison cites each side
 * @param followUp           weight of the earlier question's terms in a follow-up, against the new question's
 * @param nameTerm           extra weight of a term that belongs to a name in the question: names pin the subject
 * @param focusTerm          extra weight of the words that say what is asked ("how many people were killed")
 * @param contextCredit      credit for a topic term found around a sentence rather than in it
 * @param relatedCredit      credit for a related word ("death toll" for "killed") instead of the question's own
 * @param rareTermMatch      type match of a sentence that holds a rare word the question lacks, for a "which" question
 *                           whose answer is a lower-case term ("monkeypox")
 * @param nameOnlyPlace      type match of a name that is not a known place, for a place question
 * @param rareShare          a word is rare when its idf is at least this share of the largest possible
 */
record SentenceWeights(double coverage, double context, double similarity, double type, double rank,
                       double background, int minWords, double furtherSentence, double namedOutlet, double followUp,
                       double nameTerm, double focusTerm, double contextCredit, double relatedCredit,
                       double rareTermMatch, double nameOnlyPlace, double rareShare) {

    static final SentenceWeights DEFAULT = new SentenceWeights(0.40, 0.15, 0.25, 0.15, 0.05, 0.8, 5, 0.8, 0.3, 0.4,
            1.5, 1.3, 0.7, 0.8, 0.4, 0.3, 0.7);

    SentenceWeights {
        Weights.share("SentenceWeights", "coverage", coverage);
        Weights.share("SentenceWeights", "context", context);
        Weights.share("SentenceWeights", "similarity", similarity);
        Weights.share("SentenceWeights", "type", type);
        Weights.share("SentenceWeights", "rank", rank);
        Weights.share("SentenceWeights", "background", background);
        Weights.atLeast("SentenceWeights", "minWords", minWords, 1);
        Weights.share("SentenceWeights", "furtherSentence", furtherSentence);
        Weights.share("SentenceWeights", "namedOutlet", namedOutlet);
        Weights.share("SentenceWeights", "followUp", followUp);
        Weights.atLeast("SentenceWeights", "nameTerm", nameTerm, 1);
        Weights.atLeast("SentenceWeights", "focusTerm", focusTerm, 1);
        Weights.share("SentenceWeights", "contextCredit", contextCredit);
        Weights.share("SentenceWeights", "relatedCredit", relatedCredit);
        Weights.share("SentenceWeights", "rareTermMatch", rareTermMatch);
        Weights.share("SentenceWeights", "nameOnlyPlace", nameOnlyPlace);
        Weights.share("SentenceWeights", "rareShare", rareShare);
    }
}
