package dev.newsbot.chat;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An article set as listed by {@code /sources}.
 *
 * @param name     the set's name
 * @param version  the content version currently served
 * @param articles number of articles
 * @param passages number of indexed passages
 * @param newest   the newest article's publication day, or null when no article is dated
 */
public record SetSummary(String name, String version, int articles, int passages, LocalDate newest) {

    public SetSummary {
        Objects.requireNonNull(name, "SetSummary.name must not be null");
        Objects.requireNonNull(version, "SetSummary.version must not be null");
    }
}
