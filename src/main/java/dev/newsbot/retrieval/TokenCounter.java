package dev.newsbot.retrieval;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;

/** Counts word-piece tokens with the embedding model's own tokenizer (BERT uncased vocabulary). */
public final class TokenCounter {

    private final HuggingFaceTokenCountEstimator estimator = new HuggingFaceTokenCountEstimator();

    /** Tokens of {@code text}, including the two special tokens the model adds around every input. */
    public int count(String text) {
        return estimator.estimateTokenCountInText(text);
    }
}
