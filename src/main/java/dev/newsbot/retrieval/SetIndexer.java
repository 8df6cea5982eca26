package dev.newsbot.retrieval;

import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import java.time.Instant;
import java.util.AbstractList;
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

    /**
     * Receives progress through the stages of a build: the articles read, then split into passages, then the
     * passages embedded. Called on the thread that runs the build, never concurrently.
     */
    public interface Progress {
        Progress NONE = (done, total) -> { };

        /** The set has been read: {@code articles} articles, of {@code chars} characters of text in all. */
        default void read(int articles, long chars) {
        }

        /**
         * {@code done} of the {@code total} articles that need it have been split, into {@code passages} passages
         * so far. Called at least once, with {@code done == total}, when splitting ends.
         */
        default void split(int done, int total, int passages) {
        }

        /** {@code done} of the {@code total} passages that need it have been embedded. */
        void embedded(int done, int total);
    }

    /** Articles split between two progress reports. */
    private static final int SPLIT_CHUNK = 512;
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
     * id and content hash; only new and changed articles are split and embedded. {@code progress} hears of every
     * stage. Beside the set itself, the build holds its passages and one array of all vectors; the texts the model
     * embeds are made batch by batch.
     */
    public IndexBuild index(ArticleSet set, PriorIndex prior, Progress progress) {
        Objects.requireNonNull(set, "set must not be null");
        Objects.requireNonNull(prior, "prior must not be null");
        List<Article> articles = set.articles();
        progress.read(articles.size(), chars(articles));
        List<Optional<PriorIndex.Entry>> reuse = articles.stream()
                .map(a -> prior.reusable(a.id(), ArticleSet.contentHash(a))).toList();
        List<List<Passage>> split = split(articles, reuse, progress);
        int rows = 0;
        for (int a = 0; a < articles.size(); a++) {
            rows += reuse.get(a).map(e -> e.passages().size()).orElseGet(() -> 0);
        }
        for (List<Passage> own : split) {
            rows += own == null ? 0 : own.size();
        }
        int dimension = embedder.dimension();
        float[] vectors = new float[matrixLength(rows, dimension)];
        List<Passage> passages = new ArrayList<>(rows);
        List<Article> owners = new ArrayList<>(rows);
        List<Integer> pendingRows = new ArrayList<>();
        List<String> pendingTitles = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        int reused = 0;
        for (int a = 0; a < articles.size(); a++) {
            Article article = articles.get(a);
            Optional<PriorIndex.Entry> reusable = reuse.get(a);
            if (reusable.isPresent()) {
                PriorIndex.Entry entry = reusable.get();
                for (int i = 0; i < entry.passages().size(); i++) {
                    System.arraycopy(prior.vector(entry.rows()[i]), 0, vectors, passages.size() * dimension,
                            dimension);
                    passages.add(entry.passages().get(i));
                    owners.add(article);
                }
                reused++;
                continue;
            }
            (prior.has(article.id()) ? changed : added).add(article.id());
            String title = splitter.embeddingTitle(article);
            for (Passage passage : split.set(a, null)) {
                pendingRows.add(passages.size());
                pendingTitles.add(title);
                passages.add(passage);
                owners.add(article);
            }
        }
        embed(passages, pendingRows, pendingTitles, vectors, progress);
        IndexDiff diff = new IndexDiff(added, removed(set, prior), changed, passages.size(), pendingRows.size(),
                reused);
        return new IndexBuild(assemble(set, passages, owners, vectors), diff);
    }

    private static long chars(List<Article> articles) {
        long chars = 0;
        for (Article article : articles) {
            chars += article.title().length() + article.body().length();
        }
        return chars;
    }

    private static int matrixLength(int rows, int dimension) {
        long length = (long) rows * dimension;
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a set of " + rows + " passages needs more than one vector array of "
                    + "dimension " + dimension + " can hold (" + (Integer.MAX_VALUE - 8) / dimension + " passages)");
        }
        return (int) length;
    }

    /**
     * The passages of every article that cannot be reused (null for the others), split in parallel on the search
     * executor, when there is one, and the calling thread, a chunk at a time so that progress is heard.
     */
    private List<List<Passage>> split(List<Article> articles, List<Optional<PriorIndex.Entry>> reuse,
                                      Progress progress) {
        List<Integer> fresh = new ArrayList<>();
        for (int a = 0; a < articles.size(); a++) {
            if (reuse.get(a).isEmpty()) {
                fresh.add(a);
            }
        }
        List<List<Passage>> split = new ArrayList<>(Collections.nCopies(articles.size(), null));
        int passages = 0;
        for (int from = 0; from < fresh.size() || from == 0; from += SPLIT_CHUNK) {
            int first = from;
            int count = Math.min(SPLIT_CHUNK, fresh.size() - from);
            SharedWork.run(searchExecutor, searchParallelism, count,
                    i -> split.set(fresh.get(first + i), splitter.split(articles.get(fresh.get(first + i)))));
            for (int i = 0; i < count; i++) {
                passages += split.get(fresh.get(first + i)).size();
            }
            progress.split(from + count, fresh.size(), passages);
        }
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

    /**
     * The snapshot contents of an index built by this indexer. Its vectors are the store's own array, not a copy:
     * a snapshot of a large set is written without holding its vectors twice.
     */
    public SnapshotContents snapshotOf(IndexedSet store, Instant createdAt) {
        ArticleSet set = store.articleSet();
        SnapshotHeader header = new SnapshotHeader(settings(), set.name(), set.version(), createdAt);
        List<SnapshotArticle> articles = set.articles().stream()
                .map(a -> new SnapshotArticle(a.id(), ArticleSet.contentHash(a))).toList();
        return new SnapshotContents(header, articles, store.passages(), store.vectorIndex().rows());
    }

    /** Builds the store from passages whose vectors are already known (from a snapshot, or reused). */
    public IndexedSet assemble(ArticleSet set, List<Passage> passages, List<Article> owners, List<float[]> vectors) {
        int dimension = embedder.dimension();
        float[] rows = new float[matrixLength(vectors.size(), dimension)];
        for (int row = 0; row < vectors.size(); row++) {
            float[] vector = vectors.get(row);
            if (vector.length != dimension) {
                throw new IllegalArgumentException("vector " + row + " has " + vector.length
                        + " dimensions but the embedder has " + dimension);
            }
            System.arraycopy(vector, 0, rows, row * dimension, dimension);
        }
        return assemble(set, passages, owners, rows);
    }

    /** Builds the store from passages and their vectors, one after another in {@code rows}, which it keeps. */
    IndexedSet assemble(ArticleSet set, List<Passage> passages, List<Article> owners, float[] rows) {
        List<KeywordIndex.Entry> entries = new AbstractList<>() {
            @Override
            public KeywordIndex.Entry get(int row) {
                Article article = owners.get(row);
                String heading = (article.title() + " " + UrlSlugs.words(article.url())).strip();
                return new KeywordIndex.Entry(row, heading, passages.get(row).text(), article.source(),
                        article.publishedDate().orElse(null));
            }

            @Override
            public int size() {
                return passages.size();
            }
        };
        VectorIndex.Builder index = VectorIndex.builder(embedder.dimension());
        if (searchExecutor != null) {
            index.executor(searchExecutor, searchParallelism);
        }
        index.adoptAll(rows);
        KeywordIndex keywords = KeywordIndex.build(analyzer, entries, searchExecutor, searchParallelism);
        return new IndexedSet(set, passages, owners, index.build(), keywords);
    }

    /**
     * Embeds the passages at {@code rows} into their rows of {@code vectors}, a batch at a time; each batch's
     * texts (title, newline, passage) are made just before it is embedded.
     */
    private void embed(List<Passage> passages, List<Integer> rows, List<String> titles, float[] vectors,
                       Progress progress) {
        int dimension = embedder.dimension();
        for (int from = 0; from < rows.size(); from += BATCH) {
            int to = Math.min(rows.size(), from + BATCH);
            List<String> texts = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                texts.add(passages.get(rows.get(i)).embeddingText(titles.get(i)));
            }
            List<float[]> embedded = embedder.embedAll(texts);
            for (int i = from; i < to; i++) {
                float[] vector = embedded.get(i - from);
                if (vector.length != dimension) {
                    throw new IllegalStateException("the embedder gave " + vector.length + " dimensions, not "
                            + dimension);
                }
                System.arraycopy(vector, 0, vectors, rows.get(i) * dimension, dimension);
            }
            progress.embedded(to, rows.size());
        }
    }
}
