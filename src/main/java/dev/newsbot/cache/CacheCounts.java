package dev.newsbot.cache;

/**
 * A cache's lookup counts so far, free of the cache library's types, for metrics and status.
 *
 * @param hits   lookups served from the cache
 * @param misses lookups that were not
 */
public record CacheCounts(long hits, long misses) {

    /** Hits over lookups, from 0 to 1; 0 before the first lookup. */
    public double hitRate() {
        long lookups = hits + misses;
        return lookups == 0 ? 0 : (double) hits / lookups;
    }
}
