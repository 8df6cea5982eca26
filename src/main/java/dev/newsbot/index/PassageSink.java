package dev.newsbot.index;

import dev.newsbot.articles.Article;

/**
 * Hears of every passage of a version as the build writes it, in row order, on the building thread: an external
 * search engine writes the version while it is built rather than after. A sink that throws fails the build.
 */
@FunctionalInterface
public interface PassageSink {

    /** Hears nothing. */
    PassageSink NONE = (row, passage, article, contentHash, vector) -> { };

    /**
     * @param row         the passage's row in the version, from 0
     * @param contentHash the article's {@code ArticleSet.contentHash}
     * @param vector      the passage's unit vector as the index stores it; not to be changed
     */
    void add(int row, Passage passage, Article article, String contentHash, float[] vector);
}
