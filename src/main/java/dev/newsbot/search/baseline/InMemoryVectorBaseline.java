package dev.newsbot.search.baseline;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The plain LangChain4j {@link InMemoryEmbeddingStore} holding given vectors, searched for the top {@code k}: the
 * reference that benchmarks compare the Lucene store with. Thread-safe for searches once built.
 */
public final class InMemoryVectorBaseline {

    private final InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    private final Map<String, Integer> rowOfId = new HashMap<>();

    private InMemoryVectorBaseline(List<float[]> vectors) {
        List<Embedding> embeddings = new ArrayList<>(vectors.size());
        for (float[] vector : vectors) {
            embeddings.add(Embedding.from(Objects.requireNonNull(vector, "InMemoryVectorBaseline vector").clone()));
        }
        List<String> ids = store.addAll(embeddings);
        for (int row = 0; row < ids.size(); row++) {
            rowOfId.put(ids.get(row), row);
        }
    }

    /** A store holding copies of {@code vectors}; row {@code i} is the {@code i}-th vector. */
    public static InMemoryVectorBaseline of(List<float[]> vectors) {
        return new InMemoryVectorBaseline(List.copyOf(vectors));
    }

    /** The rows of the {@code k} vectors most similar to {@code query}, best first, as the store ranks them. */
    public int[] search(float[] query, int k) {
        EmbeddingSearchRequest request = EmbeddingSearchRequest.builder().queryEmbedding(Embedding.from(query))
                .maxResults(k).minScore(0.0).build();
        List<EmbeddingMatch<TextSegment>> matches = store.search(request).matches();
        int[] rows = new int[matches.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = rowOfId.get(matches.get(i).embeddingId());
        }
        return rows;
    }

    public int size() {
        return rowOfId.size();
    }
}
