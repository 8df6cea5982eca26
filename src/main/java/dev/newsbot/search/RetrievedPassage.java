package dev.newsbot.search;

import dev.newsbot.articles.Article;
import dev.newsbot.index.Passage;

/**
 * A passage chosen by hybrid retrieval, with the evidence for it.
 *
 * @param row         its row in the store
 * @param passage     the passage
 * @param article     the article it belongs to
 * @param score       the fused score that ranked it; higher is better
 * @param similarity  cosine similarity between question and passage
 * @param keywordRank its rank in the BM25 list from 1, or 0 when BM25 did not return it
 * @param denseRank   its rank in the dense list from 1, or 0 when dense search did not return it
 */
public record RetrievedPassage(int row, Passage passage, Article article, double score, float similarity,
                               int keywordRank, int denseRank) {
}
