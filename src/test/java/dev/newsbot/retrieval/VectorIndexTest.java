package dev.newsbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VectorIndexTest {

    private static final int DIMENSION = 384;

    private final ExecutorService pool = Executors.newFixedThreadPool(1);

    @AfterEach
    void shutDown() {
        pool.shutdownNow();
    }

    @Test
    void should_match_a_naive_brute_force_search_in_rows_and_scores() {
        float[][] vectors = randomUnitVectors(new Random(1), 700);
        VectorIndex index = indexOf(vectors);

        for (float[] query : randomUnitVectors(new Random(2), 20)) {
            TopK hits = index.search(query, 10, null);

            assertMatchesReference(hits, vectors, query, 10, row -> true);
        }
    }

    @Test
    void should_return_exact_scores_and_the_reference_rows_when_quantised() {
        float[][] vectors = randomUnitVectors(new Random(3), 6_000);
        VectorIndex index = indexOf(vectors);

        for (float[] query : randomUnitVectors(new Random(4), 20)) {
            TopK hits = index.search(query, 10, null);

            assertMatchesReference(hits, vectors, query, 10, row -> true);
        }
    }

    @Test
    void should_return_every_row_best_first_when_k_exceeds_the_size() {
        float[][] vectors = randomUnitVectors(new Random(5), 50);
        VectorIndex index = indexOf(vectors);
        float[] query = randomUnitVectors(new Random(6), 1)[0];

        TopK hits = index.search(query, 80, null);

        assertThat(hits.size()).isEqualTo(50);
        assertMatchesReference(hits, vectors, query, 50, row -> true);
    }

    @Test
    void should_return_every_accepted_row_when_k_is_huge() {
        float[][] vectors = randomUnitVectors(new Random(23), 5_000);
        VectorIndex index = indexOf(vectors);
        float[] query = randomUnitVectors(new Random(24), 1)[0];

        TopK hits = index.search(query, Integer.MAX_VALUE, row -> row < 300);

        assertThat(hits.size()).isEqualTo(300);
        assertMatchesReference(hits, vectors, query, 300, row -> row < 300);
    }

    @Test
    void should_return_only_rows_the_filter_accepts() {
        float[][] vectors = randomUnitVectors(new Random(7), 9_000);
        VectorIndex index = indexOf(vectors);
        IntPredicate even = row -> row % 2 == 0;

        for (float[] query : randomUnitVectors(new Random(8), 10)) {
            TopK hits = index.search(query, 10, even);

            assertThat(Arrays.stream(hits.rows())).allMatch(row -> row % 2 == 0);
            assertMatchesReference(hits, vectors, query, 10, even);
        }
    }

    @Test
    void should_find_the_nearest_accepted_row_even_when_the_filter_rejects_the_best_ones() {
        float[][] vectors = randomUnitVectors(new Random(9), 5_000);
        VectorIndex index = indexOf(vectors);
        float[] query = vectors[1234];

        TopK unfiltered = index.search(query, 3, null);
        TopK filtered = index.search(query, 3, row -> row != 1234);

        assertThat(unfiltered.row(0)).isEqualTo(1234);
        assertThat(unfiltered.score(0)).isCloseTo(1f, within(1e-5f));
        assertThat(filtered.rows()).doesNotContain(1234).containsExactly(unfiltered.row(1), unfiltered.row(2),
                naive(vectors, query, 4, row -> true)[3]);
    }

    @Test
    void should_return_nothing_when_the_filter_rejects_every_row() {
        VectorIndex index = indexOf(randomUnitVectors(new Random(10), 5_000));

        TopK hits = index.search(randomUnitVectors(new Random(11), 1)[0], 10, row -> false);

        assertThat(hits.size()).isZero();
    }

    @Test
    void should_search_an_empty_index() {
        VectorIndex index = VectorIndex.builder(DIMENSION).build();

        TopK hits = index.search(randomUnitVectors(new Random(12), 1)[0], 10, null);

        assertThat(index.size()).isZero();
        assertThat(hits.size()).isZero();
    }

    @Test
    void should_name_the_vector_when_its_dimension_does_not_match() {
        VectorIndex.Builder builder = VectorIndex.builder(DIMENSION);

        assertThatThrownBy(() -> builder.add(new float[128]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VectorIndex vector has 128 dimensions but the index has 384");
    }

    @Test
    void should_name_the_query_when_its_dimension_does_not_match() {
        VectorIndex index = indexOf(randomUnitVectors(new Random(13), 10));

        assertThatThrownBy(() -> index.search(new float[100], 5, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VectorIndex.search query has 100 dimensions but the index has 384");
    }

    @Test
    void should_reject_a_vector_with_a_non_finite_component() {
        VectorIndex.Builder builder = VectorIndex.builder(DIMENSION);
        builder.add(new float[DIMENSION]);
        float[] bad = new float[DIMENSION];
        bad[7] = Float.NaN;

        assertThatThrownBy(() -> builder.add(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VectorIndex vector for row 1 has a non-finite component NaN at 7");
    }

    @Test
    void should_reject_a_k_that_is_not_positive() {
        VectorIndex index = indexOf(randomUnitVectors(new Random(14), 10));

        assertThatThrownBy(() -> index.search(new float[DIMENSION], 0, null))
                .hasMessage("VectorIndex.search k must be positive, was 0");
    }

    @Test
    void should_assign_row_ids_in_order_and_return_copies_of_the_vectors() {
        float[][] vectors = randomUnitVectors(new Random(15), 3);
        VectorIndex.Builder builder = VectorIndex.builder(DIMENSION);

        int first = builder.add(vectors[0]);
        int second = builder.addAll(concat(vectors[1], vectors[2]));
        VectorIndex index = builder.build();
        index.vector(2)[0] = 42f;

        assertThat(first).isZero();
        assertThat(second).isEqualTo(1);
        assertThat(index.size()).isEqualTo(3);
        assertThat(index.vector(2)).containsExactly(vectors[2]);
    }

    @Test
    void should_keep_a_built_index_unchanged_when_the_builder_goes_on() {
        float[][] vectors = randomUnitVectors(new Random(16), 2);
        VectorIndex.Builder builder = VectorIndex.builder(DIMENSION);
        builder.addAll(concat(vectors[0], vectors[1]));
        VectorIndex index = builder.build();

        builder.add(vectors[0]);

        assertThat(index.size()).isEqualTo(2);
        assertThat(index.vector(1)).containsExactly(vectors[1]);
    }

    @Test
    void should_reach_a_recall_at_10_of_at_least_0_99_at_20000_rows_split_across_an_executor() {
        float[][] vectors = randomUnitVectors(new Random(17), 20_000);
        VectorIndex index = indexOf(vectors, builder -> builder.executor(pool, 2));
        float[][] queries = randomUnitVectors(new Random(18), 100);
        for (int i = 0; i < 50; i++) {
            queries[i] = nudged(vectors[i * 397], new Random(i));
        }

        double recall = Arrays.stream(queries)
                .mapToDouble(query -> index.search(query, 10, null).recallAgainst(index.exactSearch(query, 10, null)))
                .average().orElseThrow();

        assertThat(recall).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void should_reach_a_recall_at_10_of_at_least_0_99_among_clusters_of_near_duplicates() {
        float[][] bases = randomUnitVectors(new Random(25), 800);
        float[][] vectors = new float[20_000][];
        Random noise = new Random(26);
        for (int row = 0; row < vectors.length; row++) {
            vectors[row] = nudged(bases[row % bases.length], noise, 0.01);
        }
        VectorIndex index = indexOf(vectors, builder -> builder.executor(pool, 2));

        double recall = Arrays.stream(randomUnitVectors(new Random(28), 60))
                .mapToDouble(query -> index.search(query, 10, null).recallAgainst(index.exactSearch(query, 10, null)))
                .average().orElseThrow();

        assertThat(recall).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void should_score_sign_codes_of_a_dimension_that_is_not_a_multiple_of_64() {
        Random random = new Random(27);
        float[][] vectors = new float[5_000][100];
        for (float[] vector : vectors) {
            for (int j = 0; j < vector.length; j++) {
                vector[j] = (float) random.nextGaussian();
            }
        }
        VectorIndex.Builder builder = VectorIndex.builder(100);
        Arrays.stream(vectors).forEach(builder::add);
        VectorIndex index = builder.build();

        for (int i = 0; i < 10; i++) {
            float[] query = vectors[i * 499].clone();
            query[99] += 0.5f;
            assertThat(index.search(query, 5, null)).isEqualTo(index.exactSearch(query, 5, null));
        }
    }

    @Test
    void should_give_the_same_hits_with_and_without_an_executor() {
        float[][] vectors = randomUnitVectors(new Random(19), 20_000);
        VectorIndex parallel = indexOf(vectors, builder -> builder.executor(pool, 2));
        VectorIndex serial = indexOf(vectors);

        for (float[] query : randomUnitVectors(new Random(20), 10)) {
            assertThat(parallel.search(query, 10, row -> row % 3 != 0)).isEqualTo(serial.search(query, 10,
                    row -> row % 3 != 0));
        }
    }

    @Test
    void should_still_search_when_the_executor_rejects_work() {
        float[][] vectors = randomUnitVectors(new Random(21), 20_000);
        pool.shutdown();
        VectorIndex index = indexOf(vectors, builder -> builder.executor(pool, 2));
        float[] query = vectors[777];

        assertThat(index.search(query, 1, null).row(0)).isEqualTo(777);
    }

    @Test
    void should_pass_on_a_failure_of_the_filter_on_an_executor_thread() {
        VectorIndex index = indexOf(randomUnitVectors(new Random(22), 20_000), builder -> builder.executor(pool, 2));
        IntPredicate failing = row -> {
            throw new IllegalStateException("filter failed at row " + row);
        };

        assertThatThrownBy(() -> index.search(new float[DIMENSION], 5, failing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("filter failed at row");
    }

    @Test
    void should_count_the_recall_of_a_result_against_an_exact_one() {
        TopK exact = new TopK(new int[] {1, 2, 3, 4}, new float[] {4, 3, 2, 1});
        TopK approximate = new TopK(new int[] {1, 3, 9, 4}, new float[] {4, 2, 1.5f, 1});

        assertThat(approximate.recallAgainst(exact)).isEqualTo(0.75);
    }

    private static void assertMatchesReference(TopK hits, float[][] vectors, float[] query, int k,
                                               IntPredicate filter) {
        assertThat(hits.rows()).containsExactly(naive(vectors, query, k, filter));
        for (int i = 0; i < hits.size(); i++) {
            assertThat(hits.score(i)).isCloseTo((float) dot(vectors[hits.row(i)], query), within(1e-5f));
        }
    }

    private static int[] naive(float[][] vectors, float[] query, int k, IntPredicate filter) {
        double[] scores = Arrays.stream(vectors).mapToDouble(v -> dot(v, query)).toArray();
        return IntStream.range(0, vectors.length).filter(filter).boxed()
                .sorted(Comparator.<Integer>comparingDouble(row -> -scores[row]).thenComparing(row -> row))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    private static VectorIndex indexOf(float[][] vectors) {
        return indexOf(vectors, builder -> builder);
    }

    private static VectorIndex indexOf(float[][] vectors,
                                       UnaryOperator<VectorIndex.Builder> configure) {
        VectorIndex.Builder builder = configure.apply(VectorIndex.builder(DIMENSION));
        for (float[] vector : vectors) {
            builder.add(vector);
        }
        return builder.build();
    }

    static float[][] randomUnitVectors(Random random, int count) {
        float[][] vectors = new float[count][];
        for (int i = 0; i < count; i++) {
            float[] vector = new float[DIMENSION];
            for (int j = 0; j < DIMENSION; j++) {
                vector[j] = (float) random.nextGaussian();
            }
            vectors[i] = normalised(vector);
        }
        return vectors;
    }

    private static float[] nudged(float[] vector, Random random) {
        return nudged(vector, random, 0.05);
    }

    private static float[] nudged(float[] vector, Random random, double deviation) {
        float[] copy = vector.clone();
        for (int j = 0; j < copy.length; j++) {
            copy[j] += (float) (deviation * random.nextGaussian());
        }
        return normalised(copy);
    }

    private static float[] normalised(float[] vector) {
        double norm = Math.sqrt(dot(vector, vector));
        for (int j = 0; j < vector.length; j++) {
            vector[j] /= (float) norm;
        }
        return vector;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
