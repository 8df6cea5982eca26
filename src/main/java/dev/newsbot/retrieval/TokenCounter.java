package dev.newsbot.retrieval;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;

/** Counts word-piece tokens with the embedding model's own tokenizer (BERT uncased vocabulary). */
public final class TokenCounter {

    private final HuggingFaceTokenCountEstimator estimator = new HuggingFaceTokenCountEstimator();

    /**
     * Word-piece tokens of {@code text}, not counting the two special tokens ([CLS], [SEP]) the model adds around
     * every input. Counts add up over texts joined by white space.
     */
    public int count(String text) {
        return estimator.estimateTokenCountInText(text);
    }
}
