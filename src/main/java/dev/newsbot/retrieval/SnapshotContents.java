package dev.newsbot.retrieval;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One indexed article set as stored in an {@link IndexSnapshot}: its header, its articles, their passages and one
 * vector per passage.
 *
 * <p>Every passage belongs to one of the articles, and article ids are unique. {@code vectors} holds the passages'
 * vectors one after another ({@code dimension} floats each, passage {@code i} at {@code i * dimension}), ready for
 * {@link VectorIndex.Builder#addAll}; it is not copied, for speed, so callers must not change it.
 *
 * @param header   the snapshot's settings and set identity
 * @param articles the indexed articles with their content hashes
 * @param passages the passages, in vector order
 * @param vectors  the passage vectors, concatenated
 */
public record SnapshotContents(SnapshotHeader header, List<SnapshotArticle> articles, List<Passage> passages,
                               float[] vectors) {

    public SnapshotContents {
        Objects.requireNonNull(header, "SnapshotContents.header must not be null");
        articles = List.copyOf(Objects.requireNonNull(articles, "SnapshotContents.articles must not be null"));
        passages = List.copyOf(Objects.requireNonNull(passages, "SnapshotContents.passages must not be null"));
        Objects.requireNonNull(vectors, "SnapshotContents.vectors must not be null");
        checkPassagesBelongToArticles(articles, passages);
        int dimension = header.settings().dimension();
        if ((long) passages.size() * dimension != vectors.length) {
            throw new IllegalArgumentException("SnapshotContents.vectors has " + vectors.length + " floats but "
                    + passages.size() + " passages of dimension " + dimension + " need "
                    + (long) passages.size() * dimension);
        }
    }

    /** A copy of the vector of passage {@code index}. */
    public float[] vector(int index) {
        Objects.checkIndex(index, passages.size());
        int dimension = header.settings().dimension();
        return Arrays.copyOfRange(vectors, index * dimension, (index + 1) * dimension);
    }

    private static void checkPassagesBelongToArticles(List<SnapshotArticle> articles, List<Passage> passages) {
        Set<String> ids = new HashSet<>();
        for (SnapshotArticle article : articles) {
            if (!ids.add(article.articleId())) {
                throw new IllegalArgumentException("SnapshotContents.articles has article id '"
                        + article.articleId() + "' twice");
            }
        }
        for (int i = 0; i < passages.size(); i++) {
            if (!ids.contains(passages.get(i).articleId())) {
                throw new IllegalArgumentException("SnapshotContents.passages[" + i + "].articleId '"
                        + passages.get(i).articleId() + "' is not among the articles");
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SnapshotContents that && header.equals(that.header)
                && articles.equals(that.articles) && passages.equals(that.passages)
                && Arrays.equals(vectors, that.vectors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, articles, passages, Arrays.hashCode(vectors));
    }

    @Override
    public String toString() {
        return "SnapshotContents[header=" + header + ", articles=" + articles.size() + ", passages="
                + passages.size() + ", vectors=" + vectors.length + " floats]";
    }
}
