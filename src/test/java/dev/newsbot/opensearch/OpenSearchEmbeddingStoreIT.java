package dev.newsbot.opensearch;

import static dev.newsbot.opensearch.OpenSearchFixtures.axis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.filter.MetadataFilterBuilder;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenSearchEmbeddingStoreIT {

    private OpenSearchCluster cluster;
    private OpenSearchEmbeddingStore store;

    @BeforeEach
    void create() {
        cluster = OpenSearchFixtures.cluster();
        String index = new SetIndexes(cluster).create("store", "v1", IndexSchema.of(OpenSearchFixtures.STOP_WORDS, 4));
        store = new OpenSearchEmbeddingStore(cluster, index, 100);
    }

    @AfterEach
    void clean() {
        cluster.sendAllowingMissing("DELETE", "/" + cluster.settings().indexPrefix() + "*", null);
        cluster.close();
    }

    private static TextSegment segment(String text, String article, long day) {
        return TextSegment.from(text, new Metadata().put("article_id", article).put("day", day).put("row", 0));
    }

    @Test
    void should_return_the_closest_segments_with_langchain4j_relevance_scores() {
        store.addAll(List.of("a", "b"), List.of(Embedding.from(axis(0, 0)), Embedding.from(axis(1, 0))),
                List.of(segment("Floods.", "x", 10), segment("Fires.", "y", 20)));

        List<EmbeddingMatch<TextSegment>> matches = store.search(EmbeddingSearchRequest.builder()
                .queryEmbedding(Embedding.from(axis(0, 0.2f))).maxResults(2).build()).matches();

        assertThat(matches).extracting(EmbeddingMatch::embeddingId).containsExactly("a", "b");
        double cosine = axis(0, 0.2f)[0];
        assertThat(matches.get(0).score()).isCloseTo((1 + cosine) / 2, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(matches.get(0).embedded().text()).isEqualTo("Floods.");
        assertThat(matches.get(0).embedded().metadata().getString("article_id")).isEqualTo("x");
    }

    @Test
    void should_apply_the_metadata_filter_and_the_minimum_score() {
        store.addAll(List.of("a", "b"), List.of(Embedding.from(axis(0, 0)), Embedding.from(axis(0, 0.5f))),
                List.of(segment("Floods.", "x", 10), segment("More floods.", "y", 20)));
        Embedding query = Embedding.from(axis(0, 0));

        List<EmbeddingMatch<TextSegment>> filtered = store.search(EmbeddingSearchRequest.builder().queryEmbedding(query)
                .maxResults(5).filter(MetadataFilterBuilder.metadataKey("day").isGreaterThan(10L)).build()).matches();
        List<EmbeddingMatch<TextSegment>> close = store.search(EmbeddingSearchRequest.builder().queryEmbedding(query)
                .maxResults(5).minScore(0.99).build()).matches();

        assertThat(filtered).extracting(EmbeddingMatch::embeddingId).containsExactly("b");
        assertThat(close).extracting(EmbeddingMatch::embeddingId).containsExactly("a");
    }

    @Test
    void should_remove_what_it_is_told_to() {
        List<String> ids = store.addAll(List.of(Embedding.from(axis(0, 0)), Embedding.from(axis(1, 0))));

        store.removeAll(List.of(ids.get(0)));

        assertThat(store.search(EmbeddingSearchRequest.builder().queryEmbedding(Embedding.from(axis(0, 0)))
                .maxResults(5).build()).matches()).extracting(EmbeddingMatch::embeddingId).containsExactly(ids.get(1));
    }
}
