package dev.newsbot.retrieval;

import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Builds the in-process index of an article set: splits every article into passages, embeds them, and indexes
 * them for keyword search.
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
     * @param searchExecutor splits dense searches of large sets, and the splitting of articles into passages while
     *                       indexing, across threads; null to do both on the caller
     * @param parallelism    how many threads, the caller's included, a search or a split uses at most
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

    /**
     * Splits, embeds and indexes every article of {@code set}. Articles are split in parallel on the search
     * executor (when there is one) and the calling thread.
     */
    public IndexedSet index(ArticleSet set, Progress progress) {
        List<List<Passage>> split = split(set.articles());
        List<Passage> passages = new ArrayList<>();
        List<Article> owners = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < split.size(); i++) {
            Article article = set.articles().get(i);
            String title = splitter.embeddingTitle(article);
            for (Passage passage : split.get(i)) {
                passages.add(passage);
                owners.add(article);
                texts.add(passage.embeddingText(title));
            }
        }
        List<float[]> vectors = embed(texts, progress);
        return assemble(set, passages, owners, vectors);
    }

    private List<List<Passage>> split(List<Article> articles) {
        List<List<Passage>> split = new ArrayList<>(Collections.nCopies(articles.size(), null));
        SharedWork.run(searchExecutor, searchParallelism, articles.size(),
                i -> split.set(i, splitter.split(articles.get(i))));
        return split;
    }

    /** Builds the store from passages whose vectors are already known (from a snapshot, or reused). */
    public IndexedSet assemble(ArticleSet set, List<Passage> passages, List<Article> owners, List<float[]> vectors) {
        List<KeywordIndex.Entry> entries = new ArrayList<>(passages.size());
        for (int row = 0; row < passages.size(); row++) {
            Article article = owners.get(row);
            entries.add(new KeywordIndex.Entry(row, article.title(), passages.get(row).text(), article.source(),
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
