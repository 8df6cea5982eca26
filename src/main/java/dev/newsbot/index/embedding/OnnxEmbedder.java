package dev.newsbot.index.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;
import java.util.Objects;

/**
 * What the in-process embedders share: a LangChain4j model (usually on a {@link SingleThreadedOnnx} session) that
 * embeds texts as they are, with the model's size, name and window.
 */
abstract class OnnxEmbedder implements InProcessEmbedder {

    private final EmbeddingModel model;
    private final int dimension;
    private final String modelName;
    private final int windowTokens;

    OnnxEmbedder(EmbeddingModel model, int dimension, String modelName, int windowTokens) {
        this.model = Objects.requireNonNull(model, "OnnxEmbedder.model must not be null");
        this.dimension = dimension;
        this.modelName = Objects.requireNonNull(modelName, "OnnxEmbedder.modelName must not be null");
        this.windowTokens = windowTokens;
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    /** Embeds passages as they are. */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        return SingleThreadedOnnx.embedAll(model, texts);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String modelName() {
        return modelName;
    }

    @Override
    public int windowTokens() {
        return windowTokens;
    }

    /** The LangChain4j model as it is, with no query instruction (the library's plain use, for the baseline). */
    @Override
    public EmbeddingModel langChainModel() {
        return model;
    }
}
