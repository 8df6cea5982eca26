package dev.newsbot.index.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * An {@link Embedder} over one of LangChain4j's in-process models. {@link #embed} embeds a query (a question, or a
 * claim to find support for), {@link #embedAll} embeds passages; a model that wants a query instruction adds it in
 * {@link #embed} only.
 */
public interface InProcessEmbedder extends Embedder {

    /**
     * Tokens the model reads as one text, its two special tokens ([CLS], [SEP]) included. Past it, MiniLM drops
     * the rest silently and LangChain4j embeds BGE's rest as a second text and averages the two; either way a
     * passage must fit.
     */
    int windowTokens();

    /** The LangChain4j model itself, for the plain-library baseline in evaluations. */
    EmbeddingModel langChainModel();
}
