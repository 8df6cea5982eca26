package dev.newsbot.index;

import dev.newsbot.articles.ArticleSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The passages and vectors of an earlier index of a set, by article id and content hash, so that a rebuild
 * ({@link SetIndexer#index(ArticleSet, PriorIndex, SetIndexer.Progress)}) splits and embeds only new and changed
 * articles. It comes from the version being served or from the index on disk opened with the current settings
 * ({@link #of(SetIndex)}); either must have been built with the same model and splitter settings as the indexer it
 * is given to. Passages and vectors are read from that index when they are reused. An external search engine's
 * served version supplies them already read ({@link #of(Map)}). Immutable and thread-safe.
 */
public final class PriorIndex {

    private static final PriorIndex NONE = new PriorIndex(null, Map.of());

    /** What is known of one earlier article: its hash and the rows of its passages. */
    record Entry(String contentHash, int[] rows) {
    }

    /** Where the earlier passages and vectors are read, by row. */
    private record Rows(IntFunction<Passage> passage, IntFunction<float[]> vector) {
    }

    private final Rows rows;
    private final Map<String, SetIndex.ArticleRows> byId;

    private PriorIndex(Rows rows, Map<String, SetIndex.ArticleRows> byId) {
        this.rows = rows;
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
        return new PriorIndex(new Rows(index::passage, index::vector), index.articleRows());
    }

    /**
     * Earlier articles read from outside this process, by article id. The caller checks that they were made with
     * the model and splitter settings of the indexer this is given to.
     */
    public static PriorIndex of(Map<String, PriorArticle> articles) {
        Objects.requireNonNull(articles, "PriorIndex articles must not be null");
        List<Passage> passages = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        Map<String, SetIndex.ArticleRows> byId = new HashMap<>();
        articles.forEach((id, article) -> {
            if (!article.passages().get(0).articleId().equals(id)) {
                throw new IllegalArgumentException("PriorIndex articles: the passages under id " + id
                        + " are of article " + article.passages().get(0).articleId());
            }
            int[] rows = new int[article.passages().size()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = passages.size();
                passages.add(article.passages().get(i));
                vectors.add(article.vectors().get(i));
            }
            byId.put(id, new SetIndex.ArticleRows(article.contentHash(), rows));
        });
        return new PriorIndex(new Rows(passages::get, row -> vectors.get(row).clone()), byId);
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
        return rows.passage().apply(row);
    }

    float[] vector(int row) {
        return rows.vector().apply(row);
    }
}
