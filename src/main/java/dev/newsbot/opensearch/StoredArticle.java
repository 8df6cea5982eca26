package dev.newsbot.opensearch;

import java.util.Map;
import java.util.Objects;

/**
 * The vectors a set version holds for one article.
 *
 * @param contentHash the article's content hash when they were embedded
 * @param vectors     each passage's vector by its ordinal
 */
public record StoredArticle(String contentHash, Map<Integer, float[]> vectors) {

    public StoredArticle {
        Objects.requireNonNull(contentHash, "StoredArticle.contentHash must not be null");
        Objects.requireNonNull(vectors, "StoredArticle.vectors must not be null");
    }
}
