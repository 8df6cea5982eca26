package dev.newsbot.search;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to retrieve passages for.
 *
 * @param text     the question, possibly with the earlier question of a follow-up in front
 * @param vector   the unit embedding of {@code text}
 * @param notAfter the question date: articles published after it are never returned; null for no limit
 * @param limit    how many passages to return
 */
public record RetrievalQuery(String text, float[] vector, LocalDate notAfter, int limit) {

    public RetrievalQuery {
        Objects.requireNonNull(text, "RetrievalQuery.text must not be null");
        Objects.requireNonNull(vector, "RetrievalQuery.vector must not be null");
        if (limit < 1) {
            throw new IllegalArgumentException("RetrievalQuery.limit must be at least 1, was " + limit);
        }
    }
}
