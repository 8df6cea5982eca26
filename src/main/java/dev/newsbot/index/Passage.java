package dev.newsbot.index;

import java.util.List;
import java.util.Objects;

/**
 * A run of whole sentences from one article, small enough for the embedding model's window once the article's
 * title is put in front of it.
 *
 * @param articleId the article it comes from
 * @param ordinal   its position within the article, from 0
 * @param sentences its sentences, in article order
 */
public record Passage(String articleId, int ordinal, List<String> sentences) {

    public Passage {
        Objects.requireNonNull(articleId, "Passage.articleId must not be null");
        if (ordinal < 0) {
            throw new IllegalArgumentException("Passage.ordinal must not be negative, was " + ordinal);
        }
        sentences = List.copyOf(Objects.requireNonNull(sentences, "Passage.sentences must not be null"));
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("Passage.sentences must not be empty");
        }
    }

    /** The passage's own text: its sentences joined by spaces. */
    public String text() {
        return String.join(" ", sentences);
    }

    /** What the model embeds and BM25 indexes: the article title, a newline, then the text. */
    public String embeddingText(String title) {
        return title + "\n" + text();
    }
}
