package dev.newsbot.chat;

import java.util.Objects;

/**
 * One entry of an answer's numbered source list.
 *
 * @param n         the marker number, as in {@code [n]}
 * @param title     the article's title
 * @param outlet    the outlet, or null when unknown
 * @param published ISO date or date-time, or null when unknown
 * @param url       the article's link, or null when unknown (never invented)
 */
public record ReplySource(int n, String title, String outlet, String published, String url) {

    public ReplySource {
        if (n < 1) {
            throw new IllegalArgumentException("ReplySource.n must be at least 1, was " + n);
        }
        Objects.requireNonNull(title, "ReplySource.title must not be null");
    }
}
