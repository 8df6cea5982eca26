package dev.newsbot.retrieval;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The in-process {@code all-MiniLM-L6-v2-q} model (384 dimensions, no network). It reads at most 128 tokens of
 * a text and silently drops the rest, which is why {@link PassageSplitter} keeps passages well below that.
 */
public final class MiniLmEmbedder implements Embedder {

    public static final String MODEL_NAME = "all-MiniLM-L6-v2-q";
    private static final int DIMENSION = 384;

    private final EmbeddingModel model;

    /** @param executor runs the model's per-text calls during {@link #embedAll}; size it to the cores */
    public MiniLmEmbedder(Executor executor) {
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
    }

    /** The LangChain4j model itself, for the plain-library baseline in evaluations. */
    public EmbeddingModel langChainModel() {
        return model;
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream().map(e -> e.vector()).toList();
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String modelName() {
        return MODEL_NAME;
    }
}
