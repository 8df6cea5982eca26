package dev.newsbot.index;

import java.util.List;
import java.util.Objects;

/**
 * One article of an earlier version of a set, as a store outside this process (an external search engine's served
 * index) holds it: its content hash when it was split and embedded, and its passages with their vectors, in
 * ordinal order, so that a rebuild reuses them instead of embedding the article again.
 *
 * @param contentHash the article's {@code ArticleSet.contentHash} when its passages were made
 * @param passages    its passages, ordinals 0, 1, 2, ... in order
 * @param vectors     each passage's vector, in the same order
 */
public record PriorArticle(String contentHash, List<Passage> passages, List<float[]> vectors) {

    public PriorArticle {
        Objects.requireNonNull(contentHash, "PriorArticle.contentHash must not be null");
        passages = List.copyOf(Objects.requireNonNull(passages, "PriorArticle.passages must not be null"));
        vectors = List.copyOf(Objects.requireNonNull(vectors, "PriorArticle.vectors must not be null"));
        if (passages.isEmpty() || passages.size() != vectors.size()) {
            throw new IllegalArgumentException("PriorArticle.passages must be one or more, one per vector; were "
                    + passages.size() + " passages and " + vectors.size() + " vectors");
        }
        for (int i = 0; i < passages.size(); i++) {
            if (passages.get(i).ordinal() != i) {
                throw new IllegalArgumentException("PriorArticle.passages must have ordinals 0 to "
                        + (passages.size() - 1) + " in order; found " + passages.get(i).ordinal() + " at " + i);
            }
        }
    }
}
