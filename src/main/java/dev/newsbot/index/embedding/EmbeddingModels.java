package dev.newsbot.index.embedding;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * The embedding models {@code retrieval.embeddingModel} may name, by their configuration names.
 */
public final class EmbeddingModels {

    public static final String MINILM = "all-minilm-l6-v2-q";
    public static final String BGE_SMALL = "bge-small-en-v1.5-q";
    public static final List<String> NAMES = List.of(MINILM, BGE_SMALL);

    private EmbeddingModels() {
    }

    /** The model {@code name} names, running its per-text calls on {@code executor}. */
    public static InProcessEmbedder create(String name, Executor executor) {
        return switch (name) {
            case MINILM -> new MiniLmEmbedder(executor);
            case BGE_SMALL -> new BgeSmallEmbedder(executor);
            default -> throw new IllegalArgumentException("unknown embedding model \"" + name + "\"; known: " + NAMES);
        };
    }
}
