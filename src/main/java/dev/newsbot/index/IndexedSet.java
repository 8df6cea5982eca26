package dev.newsbot.index;

import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.articles.PublicationDays;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

/**
 * The {@link PassageStore} of one set version, over its Lucene {@link SetIndex}: BM25 over the passages' text,
 * and HNSW search over int8-quantised vectors whose candidates are re-scored with the exact float vectors. Beside
 * the memory-mapped index it holds one int per passage (the row's article). Immutable and thread-safe.
 */
public final class IndexedSet implements PassageStore {

    /** Weight of a question term found in a passage's outlet name, against 1 for its text. */
    public static final float SOURCE_BOOST = 0.5f;

    private final ArticleSet articleSet;
    private final SetIndex index;
    private final TextAnalyzer analyzer;
    private final IndexSearcher searcher;
    private final DenseSettings dense;
    private final int[] articleOfRow;
    private final Set<String> outlets;
    private final PublicationDays days;

    /**
     * @throws IndexException with reason CORRUPT when the index names an article the set does not have
     */
    IndexedSet(ArticleSet articleSet, SetIndex index, TextAnalyzer analyzer, DenseSettings dense) {
        this.articleSet = Objects.requireNonNull(articleSet, "articleSet");
        this.index = Objects.requireNonNull(index, "index");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.dense = Objects.requireNonNull(dense, "dense");
        this.searcher = new IndexSearcher(index.reader());
        this.articleOfRow = articleOfRow(articleSet, index);
        Set<String> sources = new LinkedHashSet<>();
        articleSet.articles().stream().map(Article::source).filter(Objects::nonNull).forEach(sources::add);
        this.outlets = Collections.unmodifiableSet(sources);
        this.days = PublicationDays.of(articleSet);
    }

    /**
     * This set with its approximate search proposing exactly {@code candidates} passages for re-scoring, for
     * {@code bench}'s curve of recall against candidates; the bot's own searches use the default.
     */
    public IndexedSet withCandidates(int candidates) {
        return new IndexedSet(articleSet, index, analyzer, dense.fixed(candidates));
    }

    private static int[] articleOfRow(ArticleSet set, SetIndex index) {
        int[] rows = new int[index.size()];
        if (index.leaf() == null) {
            return rows;
        }
        Map<String, Integer> position = new HashMap<>();
        for (int a = 0; a < set.articles().size(); a++) {
            position.put(set.articles().get(a).id(), a);
        }
        try {
            SortedDocValues ids = index.leaf().getSortedDocValues(IndexFields.ARTICLE_ID);
            int[] articleOfOrd = new int[ids.getValueCount()];
            for (int o = 0; o < articleOfOrd.length; o++) {
                Integer a = position.get(ids.lookupOrd(o).utf8ToString());
                if (a == null) {
                    throw new IndexException(index.location(), IndexException.Reason.CORRUPT, "holds article '"
                            + ids.lookupOrd(o).utf8ToString() + "', which set \"" + set.name() + "\" version "
                            + set.version() + " does not have");
                }
                articleOfOrd[o] = a;
            }
            int seen = 0;
            for (int doc = ids.nextDoc(); doc != SortedDocValues.NO_MORE_DOCS; doc = ids.nextDoc()) {
                rows[doc] = articleOfOrd[ids.ordValue()];
                seen++;
            }
            if (seen != rows.length) {
                throw new IndexException(index.location(), IndexException.Reason.CORRUPT, (rows.length - seen)
                        + " passages have no article id");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The index behind this store. */
    public SetIndex index() {
        return index;
    }

    @Override
    public ArticleSet articleSet() {
        return articleSet;
    }

    @Override
    public Set<String> outlets() {
        return outlets;
    }

    @Override
    public Optional<LocalDate> newestOnOrBefore(LocalDate day) {
        return days.newestOnOrBefore(day);
    }

    @Override
    public int size() {
        return index.size();
    }

    @Override
    public Passage passage(int row) {
        return index.passage(row);
    }

    @Override
    public Article article(int row) {
        return articleSet.articles().get(articleOfRow[Objects.checkIndex(row, articleOfRow.length)]);
    }

    @Override
    public float[] vector(int row) {
        return index.vector(row);
    }

    @Override
    public float similarity(float[] query, int row) {
        Objects.checkIndex(row, size());
        return index.similarities(query, new int[] {row})[0];
    }

    /**
     * The approximate search proposes {@link DenseSettings#candidates} passages (published on or before
     * {@code notAfter}: the filter runs inside the graph search); they are re-scored with their float vectors, so
     * scores are exact cosines, and the best {@code k} returned, ties by row. A set of at most
     * {@link DenseSettings#exactUpTo} passages, or one stored without a graph, is scanned whole instead, within the
     * same filter.
     */
    @Override
    public List<Scored> dense(float[] query, int k, LocalDate notAfter) {
        if (k <= 0 || size() == 0) {
            return List.of();
        }
        Query filter = dateFilter(notAfter);
        boolean scan = size() <= dense.exactUpTo() || !index.header().vectorGraph();
        int[] rows = scan ? allRows(filter) : candidates(query, k, filter);
        return best(rows, index.similarities(query, rows), k);
    }

    private static final Comparator<Scored> BEST_FIRST =
            Comparator.comparingDouble((Scored s) -> -s.score()).thenComparingInt(Scored::row);

    /** The best {@code k} of {@code rows} by {@code scores}, best first, ties by row: a bounded heap, not a sort. */
    private static List<Scored> best(int[] rows, float[] scores, int k) {
        PriorityQueue<Scored> kept = new PriorityQueue<>(k + 1, BEST_FIRST.reversed());
        for (int i = 0; i < rows.length; i++) {
            kept.add(new Scored(rows[i], scores[i]));
            if (kept.size() > k) {
                kept.poll();
            }
        }
        List<Scored> hits = new ArrayList<>(kept);
        hits.sort(BEST_FIRST);
        return hits;
    }

    /** The rows the approximate search proposes, ascending. */
    private int[] candidates(float[] query, int k, Query filter) {
        int candidates = Math.min(size(), dense.candidates(k, size()));
        try {
            ScoreDoc[] found = searcher.search(new KnnFloatVectorQuery(IndexFields.VECTOR, query, candidates,
                    filter), candidates).scoreDocs;
            return Arrays.stream(found).mapToInt(d -> d.doc).sorted().toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row, or every row {@code filter} (may be null) matches, ascending: a small set is scanned whole. */
    private int[] allRows(Query filter) {
        if (filter == null) {
            return IntStream.range(0, size()).toArray();
        }
        try {
            Weight weight = searcher.createWeight(searcher.rewrite(filter),
                    ScoreMode.COMPLETE_NO_SCORES, 1);
            Scorer scorer = weight.scorer(index.reader().leaves().get(0));
            if (scorer == null) {
                return new int[0];
            }
            IntStream.Builder rows = IntStream.builder();
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
                 doc = docs.nextDoc()) {
                rows.add(doc);
            }
            return rows.build().toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The best {@code k} passages for {@code question} by BM25, published on or before {@code notAfter}. */
    @Override
    public List<Scored> keyword(String question, int k, LocalDate notAfter) {
        Set<String> terms = new LinkedHashSet<>(analyzer.terms(question));
        if (terms.isEmpty() || size() == 0) {
            return List.of();
        }
        try {
            ScoreDoc[] docs = searcher.search(keywordQuery(terms, dateFilter(notAfter)), k).scoreDocs;
            List<Scored> hits = new ArrayList<>(docs.length);
            for (ScoreDoc doc : docs) {
                hits.add(new Scored(doc.doc, doc.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Passages published on or before {@code notAfter}, undated ones included; null, for no filter, when that is
     * every passage (no date, or none of the set's articles is newer): building a filter over every passage costs a
     * pass over the date points for nothing.
     */
    private Query dateFilter(LocalDate notAfter) {
        return notAfter == null || days.noneAfter(notAfter) ? null
                : LongPoint.newRangeQuery(IndexFields.DAY, IndexFields.UNDATED, notAfter.toEpochDay());
    }

    private static Query keywordQuery(Set<String> terms, Query dateFilter) {
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        for (String term : terms) {
            text.add(new TermQuery(new Term(IndexFields.TEXT, term)), BooleanClause.Occur.SHOULD);
            text.add(new BoostQuery(new TermQuery(new Term(IndexFields.SOURCE, term)), SOURCE_BOOST),
                    BooleanClause.Occur.SHOULD);
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text.build(), BooleanClause.Occur.MUST);
        if (dateFilter != null) {
            query.add(dateFilter, BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    /**
     * How rare {@code term} is among passage bodies: BM25's idf, 0 for a term no passage has. Titles are left
     * out, as they repeat in every passage of their article.
     */
    @Override
    public double idf(String term) {
        try {
            long df = index.reader().docFreq(new Term(IndexFields.BODY, term));
            if (df == 0 && index.reader().docFreq(new Term(IndexFields.TEXT, term)) > 0) {
                df = index.reader().numDocs();
            }
            long n = index.reader().numDocs();
            return df == 0 ? 0 : Math.log(1 + (n - df + 0.5) / (df + 0.5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The idf a term would have if it occurred in exactly one passage: the most a term can weigh. */
    @Override
    public double maxIdf() {
        long n = index.reader().numDocs();
        return Math.log(1 + (n - 1 + 0.5) / 1.5);
    }

    /** Heap bytes this store holds per passage beyond the set itself and the memory-mapped index. */
    public long heapBytes() {
        return (long) articleOfRow.length * Integer.BYTES;
    }
}
