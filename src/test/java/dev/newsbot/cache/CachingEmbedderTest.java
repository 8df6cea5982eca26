package dev.newsbot.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbot.index.embedding.Embedder;
import dev.newsbot.index.embedding.EmbedderContract;
import dev.newsbot.index.embedding.HashingEmbedder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The question-vector cache keeps the embedder contract, and a repeated question skips the model. */
class CachingEmbedderTest extends EmbedderContract {

    private final HashingEmbedder model = new HashingEmbedder();
    private final CachingEmbedder cached = new CachingEmbedder(model, "maximumSize=100");

    @Override
    protected Embedder embedder() {
        return cached;
    }

    @Test
    void should_embed_a_repeated_question_once() {
        cached.embed(QUESTION);
        cached.embed(QUESTION);

        assertThat(model.calls()).isEqualTo(1);
        assertThat(cached.counts()).isEqualTo(new CacheCounts(1, 1));
    }

    @Test
    void should_hand_out_copies_so_a_caller_cannot_change_the_cached_vector() {
        float[] first = cached.embed(QUESTION);
        float expected = first[0];
        first[0] = 42f;

        assertThat(cached.embed(QUESTION)[0]).isEqualTo(expected);
    }

    @Test
    void should_not_cache_passages() {
        cached.embedAll(List.of(ANSWER));
        cached.embedAll(List.of(ANSWER));

        assertThat(model.calls()).isEqualTo(2);
    }

    @Test
    void should_name_the_key_of_a_bad_spec() {
        assertThatThrownBy(() -> new CachingEmbedder(model, "maximumSize=lots"))
                .hasMessageContaining("cache.embeddings");
    }
}
