package dev.newsbot.index.embedding;

import java.util.List;

/**
 * Turns text into unit-length vectors, so that a dot product is the cosine similarity. Implementations are
 * thread-safe.
 */
public interface Embedder {

    /** Embeds one text, typically a question. */
    float[] embed(String text);

    /** Embeds many texts, typically passages, in input order. */
    List<float[]> embedAll(List<String> texts);

    /** The number of dimensions of every vector. */
    int dimension();

    /** A name that changes whenever the vectors would change; stored in the passage index. */
    String modelName();
}
