package dev.newsbot.index;

import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.base.SharedWork;
import dev.newsbot.index.embedding.Embedder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Lucene passage index of an article set version: splits every article into passages, embeds them, and
 * writes them, one document per passage, on disk ({@link IndexDirectory}) or in memory. Given a {@link PriorIndex}, it re-splits and re-embeds only new and changed articles
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

    private static final Logger log = LoggerFactory.getLogger(SetIndexer.class);

    private final Embedder embedder;
    private final PassageSplitter splitter;
    private final TextAnalyzer analyzer;
    private final Executor searchExecutor;
    private final int searchParallelism;
    private final boolean vectorGraph;
    private final Clock clock = Clock.systemUTC();

    public SetIndexer(Embedder embedder, PassageSplitter splitter, TextAnalyzer analyzer) {
        this(embedder, splitter, analyzer, null, 1);
    }

    public SetIndexer(Embedder embedder, PassageSplitter splitter, TextAnalyzer analyzer, Executor searchExecutor,
                      int parallelism) {
        this(embedder, splitter, analyzer, searchExecutor, parallelism, true);
    }

    /**
     * @param searchExecutor splits dense searches of large sets, and the splitting and keyword analysis of articles
     *                       while indexing, across threads; null to do all on the caller
     * @param parallelism    how many threads, the caller's included, a search or an indexing step uses at most
     * @param vectorGraph    whether the indexes it writes get Lucene's vector search graph: false where dense search
     *                       runs in OpenSearch, which spares each reload building a graph never searched
     */
    public SetIndexer(Embedder embedder, PassageSplitter splitter, TextAnalyzer analyzer, Executor searchExecutor,
                      int parallelism, boolean vectorGraph) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.splitter = Objects.requireNonNull(splitter, "splitter");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.searchExecutor = searchExecutor;
        this.searchParallelism = parallelism;
        this.vectorGraph = vectorGraph;
    }

    public PassageSplitter splitter() {
        return splitter;
    }

    public Embedder embedder() {
        return embedder;
    }

    /** Indexes every article of {@code set} from scratch, in memory. */
    public IndexedSet index(ArticleSet set, Progress progress) {
        return index(set, PriorIndex.none(), progress).store();
    }

    /** Like {@link #index(ArticleSet, PriorIndex, Progress, IndexDirectory)}, with the index held in memory. */
    public IndexBuild index(ArticleSet set, PriorIndex prior, Progress progress) {
        return index(set, prior, progress, null);
    }

    /**
     * Indexes {@code set} into a new version at {@code target} (in memory when null), reusing the passages and
     * vectors of every article that {@code prior} holds with the same id and content hash; only new and changed
     * articles are split and embedded. {@code progress} hears of every stage. Passages are written as they are
     * embedded or read from the prior index; the texts the model embeds are made batch by batch. Once committed,
     * the new version is what {@code target} serves.
     *
     * @throws IndexException when {@code target} holds something that is not our index, or cannot be written
     */
    public IndexBuild index(ArticleSet set, PriorIndex prior, Progress progress, IndexDirectory target) {
        return index(set, prior, progress, target, null);
    }

    /**
     * Like {@link #index(ArticleSet, PriorIndex, Progress, IndexDirectory)}, recording in the index that {@code set}
     * was read from source files of fingerprint {@code sources} ({@code ArticleLoader.fingerprint}; null when
     * unknown), so that a start whose files have the same fingerprint serves it without reading them
     * ({@link #restore}).
     */
    public IndexBuild index(ArticleSet set, PriorIndex prior, Progress progress, IndexDirectory target,
                            String sources) {
        return index(set, prior, progress, target, sources, PassageSink.NONE);
    }

    /**
     * Like {@link #index(ArticleSet, PriorIndex, Progress, IndexDirectory, String)}, telling {@code sink} of every
     * passage as it is written, in row order (an external engine writing the version while it is built).
     */
    public IndexBuild index(ArticleSet set, PriorIndex prior, Progress progress, IndexDirectory target,
                            String sources, PassageSink sink) {
        Objects.requireNonNull(set, "set must not be null");
        Objects.requireNonNull(prior, "prior must not be null");
        if (target != null) {
            target.checkReplaceable();
        }
        List<Article> articles = set.articles();
        progress.read(articles.size(), chars(articles));
        List<Optional<PriorIndex.Entry>> reuse = articles.stream()
                .map(a -> prior.reusable(a.id(), ArticleSet.contentHash(a))).toList();
        List<List<Passage>> split = split(articles, reuse, progress);
        int fresh = 0;
        for (List<Passage> own : split) {
            fresh += own == null ? 0 : own.size();
        }
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        int[] reused = new int[1];
        int toEmbed = fresh;
        IndexedSet store = write(set, target, sources, sink, writer -> {
            Batch batch = new Batch(writer, toEmbed, progress);
            for (int a = 0; a < articles.size(); a++) {
                Article article = articles.get(a);
                String hash = ArticleSet.contentHash(article);
                Optional<PriorIndex.Entry> reusable = reuse.get(a);
                if (reusable.isPresent()) {
                    for (int row : reusable.get().rows()) {
                        batch.add(prior.passage(row), article, hash, prior.vector(row));
                    }
                    reused[0]++;
                    continue;
                }
                (prior.has(article.id()) ? changed : added).add(article.id());
                String title = splitter.embeddingTitle(article);
                for (Passage passage : split.set(a, null)) {
                    batch.addNew(passage, article, hash, title);
                }
            }
            batch.finish();
        });
        IndexDiff diff = new IndexDiff(added, removed(set, prior), changed, store.size(), fresh, reused[0]);
        return new IndexBuild(store, diff);
    }

    /**
     * Serves an index that {@link IndexDirectory#open} opened for this very set version, rebuilding nothing.
     *
     * @throws IndexException when the index holds another version or articles the set does not have
     */
    public IndexedSet serve(ArticleSet set, SetIndex index) {
        if (!index.header().setVersion().equals(set.version())) {
            throw new IndexException(index.location(), IndexException.Reason.CORRUPT, "holds version "
                    + index.header().setVersion() + ", not " + set.version());
        }
        return served(set, index);
    }

    /**
     * Serves an index that {@link IndexDirectory#open} opened, as set {@code name}, without its article files: the
     * articles are restored from the index ({@link SetIndex#articles}) and the version is the one it holds. For a
     * start whose files have the fingerprint the index records ({@link IndexHeader#sources}); nothing is rebuilt.
     *
     * @throws IndexException when the index does not hold every article's fields
     */
    public IndexedSet restore(String name, SetIndex index) {
        ArticleSet set = new ArticleSet(name, index.header().setVersion(), index.articles());
        return served(set, index);
    }

    /** An opened index served as it is; one stored without the graph this indexer would write is said to be. */
    private IndexedSet served(ArticleSet set, SetIndex index) {
        if (vectorGraph && !index.header().vectorGraph()) {
            log.warn("Set \"{}\": the index at {} was written for OpenSearch, without a vector graph; dense search "
                    + "scans all its passages until the next reload writes one", set.name(), index.location());
        }
        return new IndexedSet(set, index, analyzer, DenseSettings.DEFAULT);
    }

    /**
     * Writes a new version with {@code body}, telling {@code sink} of every row, commits it and opens it; in memory
     * when {@code target} is null.
     */
    private IndexedSet write(ArticleSet set, IndexDirectory target, String sources, PassageSink sink,
                             Consumer<PassageWriter> body) {
        IndexHeader header = new IndexHeader(settings(), set.name(), set.version(), clock.instant(), sources,
                vectorGraph);
        if (target == null) {
            ByteBuffersDirectory memory = new ByteBuffersDirectory();
            try (PassageWriter writer = writer(memory, sink)) {
                body.accept(writer);
                writer.commit(header);
            }
            return new IndexedSet(set, SetIndex.open(memory, null, settings(), false), analyzer,
                    DenseSettings.DEFAULT);
        }
        IndexDirectory.Draft draft = target.begin();
        Path version = null;
        try {
            try (PassageWriter writer = writer(draft.directory(), sink)) {
                body.accept(writer);
                writer.commit(header);
            }
            version = target.publish(draft);
        } finally {
            if (version == null) {
                target.abandon(draft);
            }
        }
        try {
            return new IndexedSet(set, SetIndex.open(new MMapDirectory(version), version, settings(), false),
                    analyzer, DenseSettings.DEFAULT);
        } catch (IOException e) {
            throw new IndexException(version, IndexException.Reason.IO_ERROR, "cannot be opened: " + e, e);
        }
    }

    private PassageWriter writer(Directory directory, PassageSink sink) {
        return new PassageWriter(directory, analyzer, embedder.dimension(), searchExecutor, searchParallelism,
                vectorGraph, sink);
    }

    /**
     * Passages on their way to the writer, in row order: those whose vector is known are written at once unless
     * new ones wait before them; new ones are embedded {@link #BATCH} at a time (or sooner, when {@link #HOLD}
     * passages wait), then written with everything queued behind them.
     */
    private final class Batch {

        /** A queued passage; {@code title} is set, and {@code vector} null, until a new one is embedded. */
        private static final class Slot {
            final Passage passage;
            final Article article;
            final String hash;
            final String title;
            float[] vector;

            Slot(Passage passage, Article article, String hash, String title, float[] vector) {
                this.passage = passage;
                this.article = article;
                this.hash = hash;
                this.title = title;
                this.vector = vector;
            }
        }

        private static final int HOLD = 4096;
        private final PassageWriter writer;
        private final int total;
        private final Progress progress;
        private final List<Slot> queue = new ArrayList<>();
        private final List<Integer> waiting = new ArrayList<>();
        private int embedded;

        Batch(PassageWriter writer, int total, Progress progress) {
            this.writer = writer;
            this.total = total;
            this.progress = progress;
        }

        void add(Passage passage, Article article, String hash, float[] vector) {
            if (queue.isEmpty()) {
                writer.add(passage, article, hash, vector);
                return;
            }
            queue.add(new Slot(passage, article, hash, null, vector));
            if (queue.size() >= HOLD) {
                drain();
            }
        }

        void addNew(Passage passage, Article article, String hash, String title) {
            waiting.add(queue.size());
            queue.add(new Slot(passage, article, hash, title, null));
            if (waiting.size() >= BATCH || queue.size() >= HOLD) {
                drain();
            }
        }

        void finish() {
            drain();
        }

        private void drain() {
            if (!waiting.isEmpty()) {
                List<String> texts = new ArrayList<>(waiting.size());
                for (int i : waiting) {
                    texts.add(queue.get(i).passage.embeddingText(queue.get(i).title));
                }
                List<float[]> vectors = embedder.embedAll(texts);
                for (int w = 0; w < waiting.size(); w++) {
                    float[] vector = vectors.get(w);
                    if (vector.length != embedder.dimension()) {
                        throw new IllegalStateException("the embedder gave " + vector.length + " dimensions, not "
                                + embedder.dimension());
                    }
                    queue.get(waiting.get(w)).vector = vector;
                }
                embedded += waiting.size();
                waiting.clear();
                progress.embedded(embedded, total);
            }
            for (Slot slot : queue) {
                writer.add(slot.passage, slot.article, slot.hash, slot.vector);
            }
            queue.clear();
        }
    }

    private static long chars(List<Article> articles) {
        long chars = 0;
        for (Article article : articles) {
            chars += article.title().length() + article.body().length();
        }
        return chars;
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

    /** The settings an index made by this indexer carries, and must carry to be reused. */
    public IndexSettings settings() {
        return new IndexSettings(embedder.modelName(), embedder.dimension(), splitter.settings());
    }

    /**
     * Writes an index of passages whose vectors are already known (the benchmark's grown sets), at {@code target}
     * or in memory when it is null, without calling the model.
     */
    public IndexedSet assemble(ArticleSet set, List<Passage> passages, List<Article> owners, List<float[]> vectors,
                               IndexDirectory target) {
        if (passages.size() != owners.size() || passages.size() != vectors.size()) {
            throw new IllegalArgumentException("passages, owners and vectors differ in count: " + passages.size()
                    + ", " + owners.size() + ", " + vectors.size());
        }
        return write(set, target, null, PassageSink.NONE, writer -> {
            for (int row = 0; row < passages.size(); row++) {
                writer.add(passages.get(row), owners.get(row), ArticleSet.contentHash(owners.get(row)),
                        vectors.get(row));
            }
        });
    }
}
