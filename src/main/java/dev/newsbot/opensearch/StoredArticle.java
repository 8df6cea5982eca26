package dev.newsbot.opensearch;

import dev.newsbot.index.Passage;
import dev.newsbot.index.PriorArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a set version's index holds for one article: the passages it was split into and their vectors.
 *
 * @param contentHash the article's content hash when they were made
 * @param vectors     each passage's vector by its ordinal
 * @param sentences   each passage's sentences by its ordinal
 */
public record StoredArticle(String contentHash, Map<Integer, float[]> vectors, Map<Integer, List<String>> sentences) {

    public StoredArticle {
        Objects.requireNonNull(contentHash, "StoredArticle.contentHash must not be null");
        Objects.requireNonNull(vectors, "StoredArticle.vectors must not be null");
        Objects.requireNonNull(sentences, "StoredArticle.sentences must not be null");
    }

    /**
     * The article as a build reuses it, or empty when the index does not hold all of it (ordinals 0 to n-1, each
     * with its sentences and vector): it is then split and embedded again.
     */
    Optional<PriorArticle> prior(String articleId) {
        int count = vectors.size();
        List<Passage> passages = new ArrayList<>(count);
        List<float[]> ordered = new ArrayList<>(count);
        for (int ordinal = 0; ordinal < count; ordinal++) {
            float[] vector = vectors.get(ordinal);
            List<String> text = sentences.get(ordinal);
            if (vector == null || text == null || text.isEmpty()) {
                return Optional.empty();
            }
            passages.add(new Passage(articleId, ordinal, text));
            ordered.add(vector);
        }
        return count == 0 ? Optional.empty() : Optional.of(new PriorArticle(contentHash, passages, ordered));
    }
}
