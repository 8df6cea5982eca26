package dev.newsbot.opensearch;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One passage as a set version's index holds it.
 *
 * @param row         its row in the set version (hits are returned by row)
 * @param articleId   the article it comes from
 * @param ordinal     its position within the article, from 0
 * @param title       the article's title
 * @param heading     what BM25 scores before the text (the title and url words), as in the in-process index
 * @param sentences   the passage's sentences
 * @param outlet      the article's outlet, or null
 * @param url         the article's link, or null
 * @param published   the article's day, or null when undated
 * @param contentHash the article's content hash: an unchanged article keeps its vectors across versions
 * @param vector      the passage's unit embedding
 */
public record PassageDocument(int row, String articleId, int ordinal, String title, String heading,
                              List<String> sentences, String outlet, String url, LocalDate published,
                              String contentHash, float[] vector) {

    public PassageDocument {
        if (row < 0) {
            throw new IllegalArgumentException("PassageDocument.row must not be negative, was " + row);
        }
        Objects.requireNonNull(articleId, "PassageDocument.articleId must not be null");
        Objects.requireNonNull(title, "PassageDocument.title must not be null");
        Objects.requireNonNull(heading, "PassageDocument.heading must not be null");
        sentences = List.copyOf(Objects.requireNonNull(sentences, "PassageDocument.sentences must not be null"));
        Objects.requireNonNull(contentHash, "PassageDocument.contentHash must not be null");
        Objects.requireNonNull(vector, "PassageDocument.vector must not be null");
        if (vector.length == 0) {
            throw new IllegalArgumentException("PassageDocument.vector must not be empty");
        }
    }

    /** The passage's own text: its sentences joined by spaces. */
    public String text() {
        return String.join(" ", sentences);
    }

    /** The document's id in its index: article id and ordinal, unique within a set version. */
    String id() {
        return articleId + "#" + ordinal;
    }
}
