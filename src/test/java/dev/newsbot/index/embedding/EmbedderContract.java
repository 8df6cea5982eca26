package dev.newsbot.index.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Embedder} promises, run by each implementation (the pattern of LangChain4j's
 * {@code EmbeddingStoreIT}): unit vectors of the stated dimension, input order, the same vector for the same
 * text from any thread, and texts that share their subject closer than texts that do not.
 */
public abstract class EmbedderContract {

    protected static final String QUESTION = "How many people were killed in the Westgate mall attack in Nairobi?";
    protected static final String ANSWER =
            "Gunmen attacked the Westgate mall in Nairobi, and 59 people were killed in the attack.";
    protected static final String UNRELATED = "Rovers beat United two goals to one in the cup final on Sunday.";

    /** The implementation under test; called once per test. */
    protected abstract Embedder embedder();

    @Test
    void should_embed_into_unit_vectors_of_its_dimension() {
        Embedder embedder = embedder();
        for (float[] v : List.of(embedder.embed(QUESTION), embedder.embedAll(List.of(ANSWER)).get(0))) {
            assertThat(v).hasSize(embedder.dimension());
            assertThat(norm(v)).isCloseTo(1.0, within(1e-3));
        }
    }

    @Test
    void should_name_its_model() {
        assertThat(embedder().modelName()).isNotBlank();
    }

    @Test
    void should_keep_the_input_order_and_give_each_text_its_own_vector() {
        Embedder embedder = embedder();
        List<String> texts = List.of(UNRELATED, QUESTION, ANSWER);

        List<float[]> together = embedder.embedAll(texts);

        assertThat(together).hasSize(3);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(together.get(i)).containsExactly(embedder.embedAll(List.of(texts.get(i))).get(0),
                    within(1e-5f));
        }
        assertThat(embedder.embedAll(List.of())).isEmpty();
    }

    @Test
    void should_give_the_same_vector_for_the_same_text() {
        Embedder embedder = embedder();
        assertThat(embedder.embed(QUESTION)).containsExactly(embedder.embed(QUESTION), within(1e-6f));
    }

    @Test
    void should_place_a_question_nearer_its_answer_than_an_unrelated_text() {
        Embedder embedder = embedder();
        float[] question = embedder.embed(QUESTION);
        List<float[]> passages = embedder.embedAll(List.of(ANSWER, UNRELATED));

        assertThat(dot(question, passages.get(0))).isGreaterThan(dot(question, passages.get(1)));
    }

    @Test
    void should_give_every_thread_the_vectors_one_thread_gets() throws Exception {
        Embedder embedder = embedder();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            texts.add(i % 2 == 0 ? QUESTION + " " + i : ANSWER + " " + i);
        }
        List<float[]> alone = new ArrayList<>();
        texts.forEach(t -> alone.add(embedder.embed(t)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            texts.forEach(t -> futures.add(pool.submit(() -> embedder.embed(t))));
            for (int i = 0; i < texts.size(); i++) {
                assertThat(futures.get(i).get()).containsExactly(alone.get(i), within(1e-5f));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    protected static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double norm(float[] v) {
        return Math.sqrt(dot(v, v));
    }
}
