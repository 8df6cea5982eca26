package dev.newsbot.index.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;
import java.util.Objects;

/**
 * What the in-process embedders share: a LangChain4j model (usually on a {@link SingleThreadedOnnx} session) that
 * embeds texts as they are, with the model's size, name and window.
 */
abstract class OnnxEmbedder implements InProcessEmbedder {

    /**
     * What identifies a model and bounds its input.
     *
     * @param name         stored in every passage index; changes whenever the vectors would
     * @param dimension    the length of every vector
     * @param windowTokens the tokens read as one text, [CLS] and [SEP] included
     */
    record Spec(String name, int dimension, int windowTokens) {
        Spec {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("Spec.name must not be blank");
            }
            if (dimension < 1 || windowTokens < 3) {
                throw new IllegalArgumentException("Spec.dimension must be positive and Spec.windowTokens at least 3, "
                        + "were " + dimension + " and " + windowTokens);
            }
        }
    }

    private final EmbeddingModel model;
    private final Spec spec;

    OnnxEmbedder(EmbeddingModel model, Spec spec) {
        this.model = Objects.requireNonNull(model, "OnnxEmbedder.model must not be null");
        this.spec = Objects.requireNonNull(spec, "OnnxEmbedder.spec must not be null");
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
        return spec.dimension();
    }

    @Override
    public String modelName() {
        return spec.name();
    }

    @Override
    public int windowTokens() {
        return spec.windowTokens();
    }

    /** The LangChain4j model as it is, with no query instruction (the library's plain use, for the baseline). */
    @Override
    public EmbeddingModel langChainModel() {
        return model;
    }
}
