package dev.newsbot.opensearch;

import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.index.IndexSettings;
import dev.newsbot.index.IndexedSet;
import dev.newsbot.index.Passage;
import dev.newsbot.index.PassageStore;
import dev.newsbot.index.PriorArticle;
import dev.newsbot.index.PriorIndex;
import dev.newsbot.index.TextAnalyzer;
import dev.newsbot.ops.sets.StorePublisher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes set versions to OpenSearch ({@code search.engine: opensearch}): a version not in the cluster yet is
 * written to an index of its own and checked (every passage counted), then the set's alias is moved to it in one
 * atomic request; a version already served there (written by another replica, or before a restart) is used as it
 * is. If writing fails the new index is deleted and the alias stays where it was. Once the new version is served,
 * versions older than the one it replaced are deleted: the one it replaced is kept until the next reload, so
 * questions in flight on it (here or on other replicas) finish. Each index records the model and splitter settings
 * it was made with, so that the next build reuses the passages and vectors of unchanged articles read back from the
 * served version ({@link #prior}). Thread-safe.
 */
public final class OpenSearchSets implements StorePublisher {

    private static final Logger log = LoggerFactory.getLogger(OpenSearchSets.class);

    private final OpenSearchCluster cluster;
    private final SetIndexes indexes;
    private final List<String> stopWords;
    private final int dimension;
    private final Function<Article, String> heading;
    private final TextAnalyzer analyzer;
    private final float outletBoost;
    private final Map<String, String> replaced = new ConcurrentHashMap<>();
    private final Map<String, BulkDraft> drafts = new ConcurrentHashMap<>();

    /**
     * @param stopWords   the words the in-process analyzer drops, so both engines index the same terms
     * @param dimension   the embedding model's vector length
     * @param heading     what BM25 scores in front of a passage of the article (title and url words)
     * @param analyzer    the in-process analyzer, which turns a question into the terms searched
     * @param outletBoost the weight of a question term found in a passage's outlet name
     */
    public OpenSearchSets(OpenSearchCluster cluster, List<String> stopWords, int dimension,
                          Function<Article, String> heading, TextAnalyzer analyzer, float outletBoost) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.indexes = new SetIndexes(cluster);
        this.stopWords = List.copyOf(stopWords);
        this.dimension = dimension;
        this.heading = Objects.requireNonNull(heading, "heading");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.outletBoost = outletBoost;
    }

    @Override
    public PassageStore publish(PassageStore built) {
        ArticleSet set = built.articleSet();
        String index = cluster.settings().index(set.name(), set.version());
        BulkDraft draft = drafts.remove(index);
        try {
            String before = indexes.served(set.name()).orElse(null);
            if (!index.equals(before)) {
                if (draft != null) {
                    draft.finish(built.size());
                    draft = null;
                } else {
                    write(built, index);
                }
                swap(built, index, before);
            }
        } finally {
            if (draft != null) {
                draft.abandon();
            }
        }
        return new OpenSearchPassageStore(built, new PassageSearch(cluster, index,
                OpenSearchEmbeddingStore.DEFAULT_EF_SEARCH, outletBoost), analyzer, index);
    }

    private void swap(PassageStore built, String index, String before) {
        ArticleSet set = built.articleSet();
        indexes.swap(set.name(), index);
        if (before != null) {
            replaced.put(set.name(), before);
        }
        log.info("Set \"{}\": version {} written to OpenSearch index {} ({} passages), alias {} moved from {}",
                set.name(), set.version(), index, built.size(), cluster.settings().alias(set.name()),
                before == null ? "nothing" : before);
    }

    /**
     * Writes the version to its own index while it is built ({@link BulkDraft}); nothing when the set's alias serves
     * this very version already, which {@link #publish} then uses as it is.
     */
    @Override
    public Draft draft(ArticleSet set, IndexSettings settings) {
        String index = cluster.settings().index(set.name(), set.version());
        if (indexes.served(set.name()).filter(index::equals).isPresent()) {
            return Draft.NONE;
        }
        BulkDraft draft = new BulkDraft(indexes, set, index, IndexSchema.of(stopWords, dimension), settings,
                heading);
        BulkDraft earlier = drafts.put(index, draft);
        if (earlier != null) {
            earlier.abandon();
        }
        return new Draft() {
            @Override
            public void add(int row, Passage passage, Article article, String contentHash, float[] vector) {
                draft.add(row, passage, article, contentHash, vector);
            }

            @Override
            public void abandon() {
                drafts.remove(index, draft);
                draft.abandon();
            }
        };
    }

    @Override
    public void served(PassageStore store) {
        if (store instanceof OpenSearchPassageStore published) {
            String name = published.articleSet().name();
            String keep = replaced.get(name);
            indexes.deleteVersionsExcept(name, keep == null ? List.of(published.index())
                    : List.of(published.index(), keep));
        }
    }

    @Override
    public PassageStore local(PassageStore published) {
        return published instanceof OpenSearchPassageStore p ? p.local() : published;
    }

    /**
     * The passages and vectors of the version the set's alias points at, read back from its index, when that index
     * records it was made with {@code settings}; empty when the set is not served here or was made otherwise.
     */
    @Override
    public Optional<PriorIndex> prior(String setName, IndexSettings settings) {
        Optional<String> served = indexes.served(setName);
        if (served.isEmpty()) {
            return Optional.empty();
        }
        String index = served.get();
        Optional<IndexSettings> made = indexes.madeWith(index);
        if (!made.filter(settings::equals).isPresent()) {
            log.info("Set \"{}\": OpenSearch index {} was made with {}, not {}; its vectors are not reused",
                    setName, index, made.map(Object::toString).orElse("unrecorded settings"), settings);
            return Optional.empty();
        }
        long start = System.nanoTime();
        Map<String, PriorArticle> articles = new HashMap<>();
        indexes.storedVectors(index).forEach((id, stored) -> stored.prior(id).ifPresent(a -> articles.put(id, a)));
        log.info("Set \"{}\": read the passages and vectors of {} articles back from OpenSearch index {} in {} ms",
                setName, articles.size(), index, (System.nanoTime() - start) / 1_000_000);
        return Optional.of(PriorIndex.of(articles));
    }

    /** Bytes the published version's index holds on disk (primaries), or -1 for a store not published here. */
    public long storedBytes(PassageStore published) {
        return published instanceof OpenSearchPassageStore p ? indexes.storeBytes(p.index()) : -1;
    }

    /** Removes every version of a set, and its alias, from the cluster. */
    public void drop(String setName) {
        indexes.drop(setName);
        replaced.remove(setName);
    }

    private void write(PassageStore built, String index) {
        ArticleSet set = built.articleSet();
        IndexSettings madeWith = built instanceof IndexedSet local ? local.index().header().settings() : null;
        indexes.create(set.name(), set.version(), IndexSchema.of(stopWords, dimension), madeWith);
        try {
            List<PassageDocument> batch = new ArrayList<>(SetIndexes.BULK_DOCUMENTS);
            for (int row = 0; row < built.size(); row++) {
                batch.add(document(built, row));
                if (batch.size() == SetIndexes.BULK_DOCUMENTS) {
                    indexes.write(index, batch);
                    batch.clear();
                }
            }
            indexes.write(index, batch);
            long count = indexes.seal(index);
            if (count != built.size()) {
                throw new OpenSearchRequestException("index " + index + " holds " + count + " passages, expected "
                        + built.size());
            }
        } catch (RuntimeException e) {
            deleteQuietly(set.name(), index, e);
            throw e;
        }
    }

    private void deleteQuietly(String setName, String index, RuntimeException cause) {
        try {
            indexes.delete(setName, index);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private PassageDocument document(PassageStore store, int row) {
        Article article = store.article(row);
        var passage = store.passage(row);
        return new PassageDocument(row, passage.articleId(), passage.ordinal(), article.title(), heading.apply(article),
                passage.sentences(), article.source(), article.url(), article.publishedDate().orElse(null),
                ArticleSet.contentHash(article), store.vector(row));
    }
}
