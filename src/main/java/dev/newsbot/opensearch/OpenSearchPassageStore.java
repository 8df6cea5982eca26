package dev.newsbot.opensearch;

import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.index.Passage;
import dev.newsbot.index.PassageStore;
import dev.newsbot.index.Scored;
import dev.newsbot.index.TextAnalyzer;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A set version whose dense and BM25 search run in OpenSearch, on that version's own index (not the alias, so a
 * question never mixes two versions while the alias moves), and whose passages, vectors and term rarity are those
 * of the locally built version it was written from: the rows are the same, so the fusion, the per-article cap
 * and the priors around it are the in-process code. Immutable and thread-safe.
 */
public final class OpenSearchPassageStore implements PassageStore {

    private final PassageStore local;
    private final PassageSearch search;
    private final TextAnalyzer analyzer;
    private final String index;

    OpenSearchPassageStore(PassageStore local, PassageSearch search, TextAnalyzer analyzer, String index) {
        this.local = Objects.requireNonNull(local, "local");
        this.search = Objects.requireNonNull(search, "search");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.index = Objects.requireNonNull(index, "index");
    }

    /** The locally built version the index was written from. */
    public PassageStore local() {
        return local;
    }

    /** The version's index in the cluster. */
    public String index() {
        return index;
    }

    @Override
    public List<Scored> dense(float[] query, int k, LocalDate notAfter) {
        return search.dense(query, k, notAfter).stream().map(h -> new Scored(h.row(), h.score())).toList();
    }

    @Override
    public List<Scored> keyword(String text, int k, LocalDate notAfter) {
        Set<String> terms = new LinkedHashSet<>(analyzer.terms(text));
        return search.keyword(terms, k, notAfter).stream().map(h -> new Scored(h.row(), h.score())).toList();
    }

    @Override
    public ArticleSet articleSet() {
        return local.articleSet();
    }

    @Override
    public Set<String> outlets() {
        return local.outlets();
    }

    @Override
    public Optional<LocalDate> newestOnOrBefore(LocalDate day) {
        return local.newestOnOrBefore(day);
    }

    @Override
    public int size() {
        return local.size();
    }

    @Override
    public Passage passage(int row) {
        return local.passage(row);
    }

    @Override
    public Article article(int row) {
        return local.article(row);
    }

    @Override
    public float[] vector(int row) {
        return local.vector(row);
    }

    @Override
    public float similarity(float[] query, int row) {
        return local.similarity(query, row);
    }

    @Override
    public double idf(String term) {
        return local.idf(term);
    }

    @Override
    public double maxIdf() {
        return local.maxIdf();
    }
}
