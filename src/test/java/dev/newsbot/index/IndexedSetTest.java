package dev.newsbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.index.embedding.Embedder;
import dev.newsbot.index.embedding.HashingEmbedder;
import dev.newsbot.index.embedding.TokenCounter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lucene passage store: BM25 as a plain index of the same text scores it, and dense search with filters. */
class IndexedSetTest {

    private static final int DIMENSION = 16;
    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final SetIndexer indexer = new SetIndexer(new HashingEmbedder(),
            new PassageSplitter(new TokenCounter(), 110), analyzer, pool, 2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static List<Article> keywordArticles() {
        List<Article> articles = new ArrayList<>();
        String[] titles = {"Gunmen storm Nairobi's Westgate mall", "Council passes the city's budget",
                "Rovers win the cup final"};
        String[] bodies = {"At least 59 people were killed, officials said.", "The council's vote was 7 to 2.",
                "Striker Ana Silva scored the winning goal in the 89th minute.",
                "Officials said the mall attack was carried out by Al Shabaab gunmen.",
                "The budget cuts library funding, critics said."};
        for (int row = 0; row < 3_000; row++) {
            articles.add(TestSets.article("a" + row, titles[row % 3], row % 4 == 0 ? null : "Reuters Wire", null,
                    bodies[row % 5] + " Item " + row % 97 + "."));
        }
        return articles;
    }

    @Test
    void should_score_like_an_index_of_the_plainly_analysed_heading_and_body() throws Exception {
        IndexedSet store = indexer.index(ArticleSet.of("kw", keywordArticles()), SetIndexer.Progress.NONE);
        IndexSearcher reference = reference(store);

        for (String question : List.of("How many people were killed in the Westgate mall?", "Who scored the goal?",
                "What did critics of the council budget say?", "reuters item 42", "mall mall budget")) {
            List<Scored> hits = store.keyword(question, 50, null);
            ScoreDoc[] expected = reference.search(query(question), 50).scoreDocs;

            assertThat(hits).hasSize(expected.length);
            for (int i = 0; i < hits.size(); i++) {
                assertThat(hits.get(i).score()).isEqualTo(expected[i].score);
                assertThat(hits.get(i).row()).isEqualTo(expected[i].doc);
            }
        }
    }

    private IndexSearcher reference(IndexedSet store) throws Exception {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer.luceneAnalyzer()))) {
            for (int row = 0; row < store.size(); row++) {
                Article article = store.article(row);
                String heading = (article.title() + " " + UrlSlugs.words(article.url())).strip();
                Document doc = new Document();
                doc.add(new TextField("text", heading + "\n" + store.passage(row).text(), Field.Store.NO));
                doc.add(new TextField("body", store.passage(row).text(), Field.Store.NO));
                if (article.source() != null) {
                    doc.add(new TextField("source", article.source(), Field.Store.NO));
                }
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
        }
        return new IndexSearcher(DirectoryReader.open(directory));
    }

    private BooleanQuery query(String question) {
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        for (String term : new LinkedHashSet<>(analyzer.terms(question))) {
            text.add(new TermQuery(new Term("text", term)), BooleanClause.Occur.SHOULD);
            text.add(new BoostQuery(new TermQuery(new Term("source", term)), 0.5f), BooleanClause.Occur.SHOULD);
        }
        return new BooleanQuery.Builder().add(text.build(), BooleanClause.Occur.MUST).build();
    }

    /** {@code n} one-passage articles on consecutive days from 2022-01-01, with random unit vectors. */
    private record Vectors(ArticleSet set, List<Passage> passages, List<Article> owners, List<float[]> vectors) {

        static Vectors random(int n, long seed) {
            Random random = new Random(seed);
            List<Article> articles = new ArrayList<>();
            List<Passage> passages = new ArrayList<>();
            List<float[]> vectors = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Article a = TestSets.article("v" + i, "Item " + i, "Wire",
                        LocalDate.of(2022, 1, 1).plusDays(i).toString(), "Item " + i + " happened.");
                articles.add(a);
                passages.add(new Passage(a.id(), 0, List.of("Item " + i + " happened.")));
                vectors.add(unit(random, DIMENSION));
            }
            return new Vectors(ArticleSet.of("vectors", articles), passages, articles, vectors);
        }
    }

    private static float[] unit(Random random, int dimension) {
        float[] v = new float[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < dimension; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private SetIndexer vectorIndexer() {
        return new SetIndexer(new FixedDimensionEmbedder(DIMENSION), new PassageSplitter(new TokenCounter(), 110),
                analyzer);
    }

    @Test
    void should_search_as_without_a_date_when_no_article_is_newer_than_it_and_filter_when_one_is() {
        Vectors data = Vectors.random(6_000, 1);
        IndexedSet store = vectorIndexer().assemble(data.set(), data.passages(), data.owners(), data.vectors(),
                null);
        float[] query = data.vectors().get(5_999);
        LocalDate newest = LocalDate.of(2022, 1, 1).plusDays(5_999);

        assertThat(store.dense(query, 10, newest)).isEqualTo(store.dense(query, 10, null))
                .extracting(Scored::row).contains(5_999);
        assertThat(store.dense(query, 10, newest.minusDays(1))).extracting(Scored::row).doesNotContain(5_999);
        assertThat(store.keyword("item", 10, newest)).isEqualTo(store.keyword("item", 10, null)).isNotEmpty();
    }

    @Test
    void should_filter_by_date_inside_the_vector_search() {
        Vectors data = Vectors.random(6_000, 1);
        IndexedSet store = vectorIndexer().assemble(data.set(), data.passages(), data.owners(), data.vectors(),
                null);
        float[] query = data.vectors().get(5_999);
        LocalDate notAfter = LocalDate.of(2022, 1, 1).plusDays(199);

        List<Scored> hits = store.dense(query, 10, notAfter);

        List<Integer> exact = IntStream.range(0, 200).boxed()
                .sorted(Comparator.comparingDouble((Integer r) -> -dot(query, data.vectors().get(r)))).limit(10)
                .toList();
        assertThat(hits).extracting(Scored::row).containsExactlyElementsOf(exact);
        for (Scored hit : hits) {
            assertThat(hit.score()).isCloseTo(dot(query, data.vectors().get(hit.row())), within(1e-6f));
        }
    }

    @Test
    void should_find_the_exact_nearest_passages_with_exact_scores() {
        Vectors data = Vectors.random(5_000, 2);
        IndexedSet store = vectorIndexer().assemble(data.set(), data.passages(), data.owners(), data.vectors(),
                null);
        Random random = new Random(3);
        int found = 0;
        int queries = 50;
        for (int q = 0; q < queries; q++) {
            float[] query = unit(random, DIMENSION);
            List<Integer> exact = IntStream.range(0, data.vectors().size()).boxed()
                    .sorted(Comparator.comparingDouble((Integer r) -> -dot(query, data.vectors().get(r))))
                    .limit(10).toList();
            List<Scored> hits = store.dense(query, 10, null);
            found += (int) hits.stream().filter(h -> exact.contains(h.row())).count();
            assertThat(hits.get(0).score()).isEqualTo(store.similarity(query, hits.get(0).row()));
        }
        assertThat(found / (10.0 * queries)).isGreaterThanOrEqualTo(0.98);
    }

    // Issue 18: a version searched in OpenSearch is stored without the graph it never searches here. Read back from
    // disk (Lucene finds the format by the name each segment records), it still answers dense searches, exactly.
    @Test
    void should_store_vectors_flat_without_a_graph_and_scan_them_exactly(@TempDir Path dir) throws Exception {
        Vectors data = Vectors.random(5_000, 5);
        SetIndexer flat = new SetIndexer(new FixedDimensionEmbedder(DIMENSION), new PassageSplitter(
                new TokenCounter(), 110), analyzer, pool, 2, false);
        flat.assemble(data.set(), data.passages(), data.owners(), data.vectors(), IndexDirectory.at(dir.resolve("f")));
        vectorIndexer().assemble(data.set(), data.passages(), data.owners(), data.vectors(),
                IndexDirectory.at(dir.resolve("g")));

        SetIndex reopened = IndexDirectory.at(dir.resolve("f")).open(flat.settings());
        IndexedSet store = flat.serve(data.set(), reopened);

        assertThat(reopened.header().vectorGraph()).isFalse();
        assertThat(IndexDirectory.at(dir.resolve("g")).open(flat.settings()).header().vectorGraph()).isTrue();
        assertThat(graphFiles(dir.resolve("f"))).isZero();
        assertThat(graphFiles(dir.resolve("g"))).isPositive();
        Random random = new Random(6);
        for (int q = 0; q < 20; q++) {
            float[] query = unit(random, DIMENSION);
            List<Integer> exact = IntStream.range(0, data.vectors().size()).boxed()
                    .sorted(Comparator.comparingDouble((Integer r) -> -dot(query, data.vectors().get(r))))
                    .limit(10).toList();
            assertThat(store.dense(query, 10, null)).extracting(Scored::row).containsExactlyElementsOf(exact);
        }
        assertThat(store.vector(4_321)).containsExactly(data.vectors().get(4_321));
    }

    /** The files of HNSW graphs (Lucene 9.9 and later write them with the extension vex) under {@code dir}. */
    private static long graphFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".vex")).count();
        }
    }

    @Test
    void should_read_passages_articles_and_vectors_by_row() {
        Vectors data = Vectors.random(50, 4);
        IndexedSet store = vectorIndexer().assemble(data.set(), data.passages(), data.owners(), data.vectors(),
                null);

        for (int row : new int[] {0, 17, 49}) {
            assertThat(store.passage(row)).isEqualTo(data.passages().get(row));
            assertThat(store.article(row)).isEqualTo(data.owners().get(row));
            assertThat(store.vector(row)).containsExactly(data.vectors().get(row));
        }
    }

    /** The test vectors' dimension, for an indexer that never embeds in these tests. */
    private static final class FixedDimensionEmbedder implements Embedder {
        private final int dimension;

        FixedDimensionEmbedder(int dimension) {
            this.dimension = dimension;
        }

        @Override
        public float[] embed(String text) {
            throw new UnsupportedOperationException("these tests give their vectors");
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            throw new UnsupportedOperationException("these tests give their vectors");
        }

        @Override
        public int dimension() {
            return dimension;
        }

        @Override
        public String modelName() {
            return "fixed-" + dimension;
        }
    }
}
