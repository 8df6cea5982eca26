package dev.newsbot.index.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The BGE model (release 1.11.0-beta19) runs beside langchain4j-core 1.19.0 and langchain4j-embeddings
 * 1.19.0-beta29, and the single-threaded session gives the vectors of LangChain4j's own class; queries, and only
 * queries, carry the model card's instruction.
 */
class BgeSmallEmbedderIT {

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static final List<String> TEXTS = List.of("How many people were killed in the Westgate mall attack?",
            "Gunmen stormed the Westgate shopping mall in Nairobi on Saturday, killing at least 59 people.",
            "Rovers beat United 2-1 in the cup final.");

    @Test
    void should_give_the_vectors_of_the_langchain4j_model_as_shipped() {
        BgeSmallEmbedder tuned = new BgeSmallEmbedder(pool);
        BgeSmallEnV15QuantizedEmbeddingModel shipped = new BgeSmallEnV15QuantizedEmbeddingModel(pool);

        List<float[]> passages = tuned.embedAll(TEXTS);
        for (int i = 0; i < TEXTS.size(); i++) {
            float[] theirs = shipped.embed(TEXTS.get(i)).content().vector();
            assertThat(passages.get(i)).hasSize(384).containsExactly(theirs, within(1e-6f));
            float[] query = shipped.embed(BgeSmallEmbedder.QUERY_INSTRUCTION + TEXTS.get(i)).content().vector();
            assertThat(tuned.embed(TEXTS.get(i))).containsExactly(query, within(1e-6f));
        }
    }

    @Test
    void should_find_the_passage_that_answers_the_question() {
        BgeSmallEmbedder model = new BgeSmallEmbedder(pool);
        float[] question = model.embed(TEXTS.get(0));
        List<float[]> passages = model.embedAll(TEXTS.subList(1, 3));

        assertThat(dot(question, passages.get(0))).isGreaterThan(dot(question, passages.get(1)) + 0.1);
        assertThat(dot(passages.get(0), passages.get(0))).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void should_name_itself_and_its_window() {
        BgeSmallEmbedder model = new BgeSmallEmbedder(pool);
        assertThat(model.modelName()).isEqualTo("bge-small-en-v1.5-q").isNotEqualTo(MiniLmEmbedder.MODEL_NAME);
        assertThat(model.windowTokens()).isEqualTo(512);
        assertThat(model.dimension()).isEqualTo(384);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
