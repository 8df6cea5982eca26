package dev.newsbot.retrieval;

import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The in-process {@link PassageStore}: passages with their vectors in one contiguous float array, and a Lucene
 * BM25 index over the same passages.
 */
public final class IndexedSet implements PassageStore {

    private static final int UNDATED = Integer.MIN_VALUE;

    private final ArticleSet articleSet;
    private final List<Passage> passages;
    private final Article[] articleOfRow;
    private final int[] dayOfRow;
    private final VectorIndex vectors;
    private final KeywordIndex keywords;
    private final Set<String> outlets;

    IndexedSet(ArticleSet articleSet, List<Passage> passages, List<Article> articleOfRow, VectorIndex vectors,
               KeywordIndex keywords) {
        this.articleSet = Objects.requireNonNull(articleSet, "articleSet");
        this.passages = List.copyOf(passages);
        this.articleOfRow = articleOfRow.toArray(Article[]::new);
        if (this.articleOfRow.length != this.passages.size() || vectors.size() != this.passages.size()) {
            throw new IllegalArgumentException("passages, articles and vectors differ in count: "
                    + this.passages.size() + ", " + this.articleOfRow.length + ", " + vectors.size());
        }
        this.dayOfRow = days(this.articleOfRow);
        this.vectors = vectors;
        this.keywords = Objects.requireNonNull(keywords, "keywords");
        Set<String> sources = new LinkedHashSet<>();
        articleSet.articles().stream().map(Article::source).filter(Objects::nonNull).forEach(sources::add);
        this.outlets = Collections.unmodifiableSet(sources);
    }

    @Override
    public Set<String> outlets() {
        return outlets;
    }

    private static int[] days(Article[] articles) {
        int[] days = new int[articles.length];
        for (int row = 0; row < articles.length; row++) {
            days[row] = articles[row].publishedDate().map(d -> (int) d.toEpochDay()).orElse(UNDATED);
        }
        return days;
    }

    @Override
    public ArticleSet articleSet() {
        return articleSet;
    }

    @Override
    public int size() {
        return passages.size();
    }

    @Override
    public Passage passage(int row) {
        return passages.get(row);
    }

    @Override
    public Article article(int row) {
        return articleOfRow[row];
    }

    /** The dense index, whose array {@link SetIndexer#snapshotOf} writes without copying. */
    VectorIndex vectorIndex() {
        return vectors;
    }

    /** All passages, by row. */
    public List<Passage> passages() {
        return passages;
    }

    @Override
    public float[] vector(int row) {
        return vectors.vector(row);
    }

    @Override
    public float similarity(float[] query, int row) {
        return vectors.similarity(query, row);
    }

    @Override
    public List<Scored> dense(float[] query, int k, LocalDate notAfter) {
        int limit = notAfter == null ? Integer.MAX_VALUE : (int) notAfter.toEpochDay();
        TopK top = vectors.search(query, k, notAfter == null ? null : row -> dayOfRow[row] <= limit);
        List<Scored> hits = new ArrayList<>(top.size());
        for (int rank = 0; rank < top.size(); rank++) {
            hits.add(new Scored(top.row(rank), top.score(rank)));
        }
        return hits;
    }

    /** Heap bytes of the vectors (float and quantised copies). */
    public long vectorBytes() {
        return vectors.heapBytes();
    }

    @Override
    public List<Scored> keyword(String text, int k, LocalDate notAfter) {
        return keywords.search(text, k, notAfter);
    }

    @Override
    public double idf(String term) {
        return keywords.idf(term);
    }

    @Override
    public double maxIdf() {
        return keywords.maxIdf();
    }
}
