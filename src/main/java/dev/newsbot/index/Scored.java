package dev.newsbot.index;

/** A passage row of an indexed set with a score from one retriever; higher is better. */
public record Scored(int row, float score) {
}
