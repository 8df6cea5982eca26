package dev.newsbot.retrieval;

import java.util.Objects;

/**
 * An article indexed in a snapshot, with the hash of the content it was indexed from, so that a rebuild can tell
 * which articles changed.
 *
 * @param articleId   the article's id
 * @param contentHash a hash of the article's indexed content
 */
public record SnapshotArticle(String articleId, String contentHash) {

    public SnapshotArticle {
        Objects.requireNonNull(articleId, "SnapshotArticle.articleId must not be null");
        Objects.requireNonNull(contentHash, "SnapshotArticle.contentHash must not be null");
    }
}
