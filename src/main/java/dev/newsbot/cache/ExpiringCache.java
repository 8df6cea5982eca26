package dev.newsbot.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * A small bounded map whose entries expire a fixed time after they were written, by an injectable {@link Clock};
 * for parts outside this package that reuse an answer for a short time (Caffeine behind it, its types kept here).
 * A value whose computation throws is not kept; the exception reaches the caller. Thread-safe.
 *
 * @param <K> the key, with value equality
 * @param <V> the value kept
 */
public final class ExpiringCache<K, V> {

    private final Cache<K, V> cache;

    /**
     * @param ttl        how long an entry is reused after it was written; positive
     * @param maxEntries the most entries held, at least 1; beyond it the least useful are dropped
     * @param clock      the time entries expire by
     */
    public ExpiringCache(Duration ttl, int maxEntries, Clock clock) {
        Objects.requireNonNull(ttl, "ExpiringCache.ttl must not be null");
        Objects.requireNonNull(clock, "ExpiringCache.clock must not be null");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ExpiringCache.ttl must be positive, was " + ttl);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("ExpiringCache.maxEntries must be at least 1, was " + maxEntries);
        }
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries)
                .ticker(() -> nanos(clock.instant())).executor(Runnable::run).build();
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** The value held for {@code key}, else {@code compute}'s, which is then held. */
    public V get(K key, Function<? super K, ? extends V> compute) {
        return cache.get(key, compute);
    }

    /** The number of entries held, expired and dropped ones excluded. */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
