package dev.newsbot.retrieval;

import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Builds the in-process index of an article set: splits every article into passages, embeds them, and indexes
 * them for keyword search. Given a {@link PriorIndex}, it re-splits and re-embeds only new and changed articles
 * (by id and {@link ArticleSet#contentHash content hash}) and reuses the stored passages and vectors of the rest.
 * Thread-safe: several sets may be indexed at once.
 */
public final class SetIndexer {

    /** Receives progress while passages are embedded. */
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void embedded(int done, int total);
    }

    private static final int BATCH = 256;

    private final Embedder embedder;
    private final PassageSplitter splitter;
    private final TextAnalyzer analyzer;
    private final Executor searchExecutor;
    private final int searchParallelism;

    public SetIndexer(Embedder embedder, PassageSplitter splitter, TextAnalyzer analyzer) {
        this(embedder, splitter, analyzer, null, 1);
    }

    /**
     * @param searchExecutor splits dense searches of large sets, and the splitting and keyword analysis of articles
     *                       while indexing, across threads; null to do all on the caller
     * @param parallelism    how many threads, the caller's included, a search or an indexing step uses at most
     */
    public SetIndexer(Embedder embedder, PassageSplitter splitter, TextAnalyzer analyzer, Executor searchExecutor,
                      int parallelism) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.splitter = Objects.requireNonNull(splitter, "splitter");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.searchExecutor = searchExecutor;
        this.searchParallelism = parallelism;
    }

    public PassageSplitter splitter() {
        return splitter;
    }

    public Embedder embedder() {
        return embedder;
    }

    /** Indexes every article of {@code set} from scratch. */
    public IndexedSet index(ArticleSet set, Progress progress) {
        return index(set, PriorIndex.none(), progress).store();
    }

    /**
     * Indexes {@code set}, reusing the passages and vectors of every article that {@code prior} holds with the same
     * id and content hash; only new and changed articles are split and embedded. {@code progress} counts the
     * passages embedded.
     */
    public IndexBuild index(ArticleSet set, PriorIndex prior, Progress progress) {
        Objects.requireNonNull(set, "set must not be null");
        Objects.requireNonNull(prior, "prior must not be null");
        List<Passage> passages = new ArrayList<>();
        List<Article> owners = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<Integer> pendingRows = new ArrayList<>();
        List<String> pendingTexts = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<Optional<PriorIndex.Entry>> reuse = set.articles().stream()
                .map(a -> prior.reusable(a.id(), ArticleSet.contentHash(a))).toList();
        List<List<Passage>> split = split(set.articles(), reuse);
        for (int a = 0; a < set.articles().size(); a++) {
            Article article = set.articles().get(a);
            Optional<PriorIndex.Entry> reusable = reuse.get(a);
            if (reusable.isPresent()) {
                PriorIndex.Entry entry = reusable.get();
                for (int i = 0; i < entry.passages().size(); i++) {
                    passages.add(entry.passages().get(i));
                    owners.add(article);
                    vectors.add(prior.vector(entry.rows()[i]));
                }
                continue;
            }
            (prior.has(article.id()) ? changed : added).add(article.id());
            String title = splitter.embeddingTitle(article);
            for (Passage passage : split.get(a)) {
                pendingRows.add(passages.size());
                pendingTexts.add(passage.embeddingText(title));
                passages.add(passage);
                owners.add(article);
                vectors.add(null);
            }
        }
        List<float[]> embedded = embed(pendingTexts, progress);
        for (int i = 0; i < embedded.size(); i++) {
            vectors.set(pendingRows.get(i), embedded.get(i));
        }
        IndexDiff diff = new IndexDiff(added, removed(set, prior), changed, passages.size(), embedded.size());
        return new IndexBuild(assemble(set, passages, owners, vectors), diff);
    }

    /**
     * The passages of every article that cannot be reused (null for the others), split in parallel on the search
     * executor, when there is one, and the calling thread.
     */
    private List<List<Passage>> split(List<Article> articles, List<Optional<PriorIndex.Entry>> reuse) {
        List<Integer> fresh = new ArrayList<>();
        for (int a = 0; a < articles.size(); a++) {
            if (reuse.get(a).isEmpty()) {
                fresh.add(a);
            }
        }
        List<List<Passage>> split = new ArrayList<>(Collections.nCopies(articles.size(), null));
        SharedWork.run(searchExecutor, searchParallelism, fresh.size(),
                i -> split.set(fresh.get(i), splitter.split(articles.get(fresh.get(i)))));
        return split;
    }

    private static List<String> removed(ArticleSet set, PriorIndex prior) {
        Set<String> ids = new HashSet<>();
        set.articles().forEach(a -> ids.add(a.id()));
        return prior.ids().stream().filter(id -> !ids.contains(id)).sorted().toList();
    }

    /** The settings a snapshot of this indexer's output carries, and must carry to be reused. */
    public SnapshotSettings settings() {
        return new SnapshotSettings(embedder.modelName(), embedder.dimension(), splitter.settings());
    }

    /** The snapshot contents of an index built by this indexer. */
    public SnapshotContents snapshotOf(IndexedSet store, Instant createdAt) {
        ArticleSet set = store.articleSet();
        SnapshotHeader header = new SnapshotHeader(settings(), set.name(), set.version(), createdAt);
        List<SnapshotArticle> articles = set.articles().stream()
                .map(a -> new SnapshotArticle(a.id(), ArticleSet.contentHash(a))).toList();
        int dimension = embedder.dimension();
        float[] vectors = new float[store.size() * dimension];
        for (int row = 0; row < store.size(); row++) {
            System.arraycopy(store.vector(row), 0, vectors, row * dimension, dimension);
        }
        return new SnapshotContents(header, articles, store.passages(), vectors);
    }

    /** Builds the store from passages whose vectors are already known (from a snapshot, or reused). */
    public IndexedSet assemble(ArticleSet set, List<Passage> passages, List<Article> owners, List<float[]> vectors) {
        List<KeywordIndex.Entry> entries = new ArrayList<>(passages.size());
        for (int row = 0; row < passages.size(); row++) {
            Article article = owners.get(row);
            String heading = (article.title() + " " + UrlSlugs.words(article.url())).strip();
            entries.add(new KeywordIndex.Entry(row, heading, passages.get(row).text(), article.source(),
                    article.publishedDate().orElse(null)));
        }
        VectorIndex.Builder index = VectorIndex.builder(embedder.dimension());
        if (searchExecutor != null) {
            index.executor(searchExecutor, searchParallelism);
        }
        vectors.forEach(index::add);
        KeywordIndex keywords = KeywordIndex.build(analyzer, entries, searchExecutor, searchParallelism);
        return new IndexedSet(set, passages, owners, index.build(), keywords);
    }

    private List<float[]> embed(List<String> texts, Progress progress) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            vectors.addAll(embedder.embedAll(texts.subList(from, Math.min(texts.size(), from + BATCH))));
            progress.embedded(vectors.size(), texts.size());
        }
        return vectors;
    }
}
