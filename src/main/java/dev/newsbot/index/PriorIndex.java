package dev.newsbot.index;

import dev.newsbot.articles.ArticleSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The passages and vectors of an earlier index of a set, by article id and content hash, so that a rebuild
 * ({@link SetIndexer#index(ArticleSet, PriorIndex, SetIndexer.Progress)}) splits and embeds only new and changed
 * articles. It comes from the version being served or from the index on disk opened with the current settings
 * ({@link #of(SetIndex)}); either must have been built with the same model and splitter settings as the indexer it
 * is given to. Passages and vectors are read from that index when they are reused. Immutable and thread-safe.
 */
public final class PriorIndex {

    private static final PriorIndex NONE = new PriorIndex(null, Map.of());

    /** What is known of one earlier article: its hash and the rows of its passages. */
    record Entry(String contentHash, int[] rows) {
    }

    private final SetIndex index;
    private final Map<String, SetIndex.ArticleRows> byId;

    private PriorIndex(SetIndex index, Map<String, SetIndex.ArticleRows> byId) {
        this.index = index;
        this.byId = Map.copyOf(byId);
    }

    /** Nothing to reuse: every article is new. */
    public static PriorIndex none() {
        return NONE;
    }

    /** The served version of a set. */
    public static PriorIndex of(IndexedSet store) {
        Objects.requireNonNull(store, "PriorIndex store must not be null");
        return of(store.index());
    }

    /** An index opened with the current settings by {@link IndexDirectory#open}. */
    public static PriorIndex of(SetIndex index) {
        Objects.requireNonNull(index, "PriorIndex index must not be null");
        return new PriorIndex(index, index.articleRows());
    }

    /** Number of earlier articles. */
    public int articles() {
        return byId.size();
    }

    /** Ids of the earlier articles. */
    Set<String> ids() {
        return byId.keySet();
    }

    /** The earlier article with this id, if it had exactly this content. */
    Optional<Entry> reusable(String articleId, String contentHash) {
        SetIndex.ArticleRows rows = byId.get(articleId);
        return rows != null && rows.contentHash().equals(contentHash)
                ? Optional.of(new Entry(rows.contentHash(), rows.rows())) : Optional.empty();
    }

    boolean has(String articleId) {
        return byId.containsKey(articleId);
    }

    Passage passage(int row) {
        return index.passage(row);
    }

    float[] vector(int row) {
        return index.vector(row);
    }
}
