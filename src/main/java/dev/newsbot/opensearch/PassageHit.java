package dev.newsbot.opensearch;

/**
 * A passage found in a set version, by its row, with the engine's score (cosine similarity for dense search, BM25
 * for keyword search); higher is better.
 */
public record PassageHit(int row, float score) {
}
