package dev.newsbot.index.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The single-threaded session gives LangChain4j's own vectors for the same model. */
class MiniLmEmbedderIT {

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void should_give_the_vectors_of_the_langchain4j_model_as_shipped() {
        List<String> texts = List.of("How many people were killed in the Westgate mall attack?",
                "Gunmen stormed the Westgate shopping mall in Nairobi on Saturday, killing at least 59 people.",
                "Rovers beat United 2-1 in the cup final.");
        MiniLmEmbedder tuned = new MiniLmEmbedder(pool);
        MiniLmEmbedder shipped = MiniLmEmbedder.langChainDefault();

        List<float[]> mine = tuned.embedAll(texts);
        List<float[]> theirs = shipped.embedAll(texts);

        for (int i = 0; i < texts.size(); i++) {
            assertThat(mine.get(i)).hasSize(384).containsExactly(theirs.get(i), within(1e-6f));
            assertThat(tuned.embed(texts.get(i))).containsExactly(mine.get(i), within(1e-6f));
        }
    }
}
