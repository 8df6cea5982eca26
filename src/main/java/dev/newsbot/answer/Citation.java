package dev.newsbot.answer;

import dev.newsbot.articles.Article;
import java.util.Objects;

/**
 * One numbered source of an answer.
 *
 * @param n       the marker number, {@code [n]}, from 1 in order of first use
 * @param article the cited article
 * @param quote   the passage text the cited sentences came from
 */
public record Citation(int n, Article article, String quote) {

    public Citation {
        if (n < 1) {
            throw new IllegalArgumentException("Citation.n must be at least 1, was " + n);
        }
        Objects.requireNonNull(article, "Citation.article must not be null");
        Objects.requireNonNull(quote, "Citation.quote must not be null");
    }
}
