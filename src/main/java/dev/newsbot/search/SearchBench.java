package dev.newsbot.search;

import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.index.IndexDirectory;
import dev.newsbot.index.IndexSettings;
import dev.newsbot.index.IndexedSet;
import dev.newsbot.index.Passage;
import dev.newsbot.index.PassageSink;
import dev.newsbot.index.PassageSplitter;
import dev.newsbot.index.PassageStore;
import dev.newsbot.index.PriorIndex;
import dev.newsbot.index.SetIndexer;
import dev.newsbot.index.embedding.Embedder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The narrow entry point through which the benchmark builds, opens and searches indexes exactly as the bot does,
 * without reaching into the index and search internals. It hands out {@link PassageStore}s (the seam the answer
 * engines read) wrapped in {@link Built}, which owns the index files; close a {@code Built} when done. Thread-safe.
 */
public final class SearchBench {

    private final SetIndexer indexer;
    private final Retriever retriever;

    /** With the bot's retriever, both searches in the calling thread. */
    public SearchBench(SetIndexer indexer) {
        this(indexer, new HybridRetriever());
    }

    /** @param retriever the retriever the bot answers with, timed by {@link #retrieve} */
    public SearchBench(SetIndexer indexer, Retriever retriever) {
        this.indexer = Objects.requireNonNull(indexer, "SearchBench.indexer must not be null");
        this.retriever = Objects.requireNonNull(retriever, "SearchBench.retriever must not be null");
    }

    /** The model the indexer embeds passages with. */
    public Embedder embedder() {
        return indexer.embedder();
    }

    /** How many passages the indexer splits {@code article} into. */
    public int passageCount(Article article) {
        return indexer.splitter().split(article).size();
    }

    /** The texts the indexer gives the model for the passages of {@code set}, in order. */
    public List<String> embeddingTexts(ArticleSet set) {
        PassageSplitter splitter = indexer.splitter();
        List<String> texts = new ArrayList<>();
        for (Article article : set.articles()) {
            String title = splitter.embeddingTitle(article);
            splitter.split(article).forEach(p -> texts.add(p.embeddingText(title)));
        }
        return texts;
    }

    /** Splits, embeds and indexes every article of {@code set} in memory, as a load of the bot does. */
    public Built index(ArticleSet set) {
        return index(set, PassageSink.NONE);
    }

    /** Like {@link #index(ArticleSet)}, telling {@code sink} of every passage as it is written. */
    public Built index(ArticleSet set, PassageSink sink) {
        return new Built(indexer.index(set, PriorIndex.none(), SetIndexer.Progress.NONE, null, null, sink).store());
    }

    /** The model and splitter settings the indexes built here carry. */
    public IndexSettings settings() {
        return indexer.settings();
    }

    /**
     * Writes an index of passages whose unit vectors are already known, without calling the model: on disk at
     * {@code dir}, or in memory when it is null.
     */
    public Built assemble(ArticleSet set, List<Passage> passages, List<Article> owners, List<float[]> vectors,
                          Path dir) {
        return new Built(indexer.assemble(set, passages, owners, vectors, dir == null ? null : IndexDirectory.at(dir)));
    }

    /** Opens the index at {@code dir}, written for this very {@code set}, as a restart does: nothing rebuilt. */
    public Built open(ArticleSet set, Path dir) {
        return new Built(indexer.serve(set, IndexDirectory.at(dir).open(indexer.settings())));
    }

    /** The passages the bot's hybrid retriever gives the answerer for a question, best first. */
    public List<RetrievedPassage> retrieve(PassageStore store, String question, float[] vector, LocalDate askedOn,
                                           int limit) {
        return retriever.retrieve(store, new RetrievalQuery(question, vector, askedOn, limit));
    }

    /** One index version built or opened through this entry point, and what it costs. */
    public static final class Built implements AutoCloseable {

        private final IndexedSet store;

        private Built(IndexedSet store) {
            this.store = store;
        }

        /** The passages, vectors and searches of this index, as the answer engines read them. */
        public PassageStore store() {
            return store;
        }

        /** The same index searched with exactly {@code candidates} graph candidates re-scored per search. */
        public PassageStore withCandidates(int candidates) {
            return store.withCandidates(candidates);
        }

        /** Bytes of the index's files (0 in memory). */
        public long indexBytes() {
            return store.index().bytes();
        }

        /** Heap the store holds beyond its memory-mapped index. */
        public long heapBytes() {
            return store.heapBytes();
        }

        /** Closes the index files. */
        @Override
        public void close() {
            store.index().close();
        }
    }
}
