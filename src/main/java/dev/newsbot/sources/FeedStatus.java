package dev.newsbot.sources;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How one feed of one set fared at its last fetch.
 *
 * @param set         the set listing the feed
 * @param url         the feed
 * @param result      {@code ok}, {@code not_modified} or {@code failed}
 * @param items       the items kept (new, unchanged and last good ones, within the retention)
 * @param newest      the newest kept item's publication (or first-seen) time, or null when none is kept
 * @param lastFetch   when it was last fetched
 * @param lastSuccess when it last answered (200 or 304), or null
 * @param errors      the errors of the last fetch, each naming its URL (the feed's, or an item's page); empty
 *                    when all went well
 */
public record FeedStatus(String set, String url, String result, int items, Instant newest, Instant lastFetch,
                         Instant lastSuccess, List<String> errors) {

    public FeedStatus {
        Objects.requireNonNull(set, "FeedStatus.set must not be null");
        Objects.requireNonNull(url, "FeedStatus.url must not be null");
        Objects.requireNonNull(result, "FeedStatus.result must not be null");
        errors = List.copyOf(errors);
    }

    /** True when the feed itself could not be read (its last good items are still served). */
    public boolean failed() {
        return result.equals(FeedReader.FAILED);
    }
}
