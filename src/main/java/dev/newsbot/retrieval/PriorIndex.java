package dev.newsbot.retrieval;

import dev.newsbot.articles.Article;
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
 * articles. It comes from the version being served ({@link #of(IndexedSet)}) or from a snapshot read with the
 * current settings ({@link #of(SnapshotContents)}); either must have been built with the same model and splitter
 * settings as the indexer it is given to. Immutable and thread-safe.
 */
public final class PriorIndex {

    private static final PriorIndex NONE = new PriorIndex(Map.of(), row -> {
        throw new IndexOutOfBoundsException(row);
    });

    /** What is known of one earlier article: its hash, its passages and the rows of their vectors. */
    record Entry(String contentHash, List<Passage> passages, int[] rows) {
    }

    private final Map<String, Entry> byId;
    private final IntFunction<float[]> vectorOfRow;

    private PriorIndex(Map<String, Entry> byId, IntFunction<float[]> vectorOfRow) {
        this.byId = Map.copyOf(byId);
        this.vectorOfRow = vectorOfRow;
    }

    /** Nothing to reuse: every article is new. */
    public static PriorIndex none() {
        return NONE;
    }

    /** The served version of a set; its vectors are copied only when reused. */
    public static PriorIndex of(IndexedSet store) {
        Objects.requireNonNull(store, "PriorIndex store must not be null");
        Map<String, List<Integer>> rows = new HashMap<>();
        for (int row = 0; row < store.size(); row++) {
            rows.computeIfAbsent(store.passage(row).articleId(), id -> new ArrayList<>()).add(row);
        }
        Map<String, Entry> byId = new HashMap<>();
        for (Article article : store.articleSet().articles()) {
            int[] own = rows.getOrDefault(article.id(), List.of()).stream().mapToInt(Integer::intValue).toArray();
            List<Passage> passages = new ArrayList<>(own.length);
            for (int row : own) {
                passages.add(store.passage(row));
            }
            byId.put(article.id(), new Entry(ArticleSet.contentHash(article), passages, own));
        }
        return new PriorIndex(byId, store::vector);
    }

    /** A snapshot, already checked against the current settings by {@link IndexSnapshot#read}. */
    public static PriorIndex of(SnapshotContents snapshot) {
        Objects.requireNonNull(snapshot, "PriorIndex snapshot must not be null");
        Map<String, List<Integer>> rows = new HashMap<>();
        for (int i = 0; i < snapshot.passages().size(); i++) {
            rows.computeIfAbsent(snapshot.passages().get(i).articleId(), id -> new ArrayList<>()).add(i);
        }
        Map<String, Entry> byId = new HashMap<>();
        for (SnapshotArticle article : snapshot.articles()) {
            int[] own = rows.getOrDefault(article.articleId(), List.of()).stream().mapToInt(Integer::intValue)
                    .toArray();
            List<Passage> passages = new ArrayList<>(own.length);
            for (int row : own) {
                passages.add(snapshot.passages().get(row));
            }
            byId.put(article.articleId(), new Entry(article.contentHash(), passages, own));
        }
        return new PriorIndex(byId, snapshot::vector);
    }

    /** Number of earlier articles. */
    public int articles() {
        return byId.size();
    }

    /** Ids of the earlier articles. */
    public Set<String> ids() {
        return byId.keySet();
    }

    /** The earlier article with this id, if it had exactly this content. */
    Optional<Entry> reusable(String articleId, String contentHash) {
        Entry entry = byId.get(articleId);
        return entry != null && entry.contentHash().equals(contentHash) ? Optional.of(entry) : Optional.empty();
    }

    boolean has(String articleId) {
        return byId.containsKey(articleId);
    }

    float[] vector(int row) {
        return vectorOfRow.apply(row);
    }
}
