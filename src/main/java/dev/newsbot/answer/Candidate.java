package dev.newsbot.answer;

import dev.newsbot.search.RetrievedPassage;
import java.util.Set;

/**
 * A sentence of a retrieved passage, scored as a possible answer.
 *
 * @param from         the passage it belongs to
 * @param passageRank  that passage's rank in retrieval, from 0
 * @param text         the sentence
 * @param terms        its analysed terms
 * @param coverage     the share of the question's weighted terms in the sentence itself
 * @param context      the same share counting the article title and the whole passage too
 * @param typeMatch    how well it holds the kind of fact asked for, 0 to 1
 * @param score        the combined score; higher is better
 */
record Candidate(RetrievedPassage from, int passageRank, String text, Set<String> terms, double coverage,
                 double context, double typeMatch, double score) {
}
