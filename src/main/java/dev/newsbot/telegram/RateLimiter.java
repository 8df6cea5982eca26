package dev.newsbot.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@link RateLimits} of one process: token buckets by key (a chat or a user) in memory, refilled continuously from
 * an injected {@link Clock}. A key that runs dry is told once ({@link Outcome#NOTIFY}), then ignored
 * ({@link Outcome#SILENT}) until it has a token again. Thread-safe.
 */
final class RateLimiter implements RateLimits {

    private static final int MAX_KEYS = 50_000;

    private final int capacity;
    private final double nanosPerToken;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    RateLimiter(TelegramSettings.RateLimit limit, Clock clock) {
        this.capacity = limit.capacity();
        this.nanosPerToken = (double) limit.period().toNanos() / limit.capacity();
        this.clock = clock;
    }

    /** Takes one token for {@code key} when it has one. */
    @Override
    public synchronized Outcome tryAcquire(String key) {
        long now = nanos();
        if (buckets.size() >= MAX_KEYS && !buckets.containsKey(key)) {
            purgeFull();
        }
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        b.refill(now, capacity, nanosPerToken);
        if (b.tokens >= 1) {
            b.tokens -= 1;
            b.notified = false;
            return Outcome.ALLOWED;
        }
        if (b.notified) {
            return Outcome.SILENT;
        }
        b.notified = true;
        return Outcome.NOTIFY;
    }

    /** Gives back a token taken by {@link #tryAcquire} for a question that was not answered after all. */
    @Override
    public synchronized void refund(String key) {
        Bucket b = buckets.get(key);
        if (b != null) {
            b.tokens = Math.min(capacity, b.tokens + 1);
        }
    }

    /** How long until {@code key} has a token again. */
    @Override
    public synchronized Duration retryIn(String key) {
        Bucket b = buckets.get(key);
        if (b == null) {
            return Duration.ZERO;
        }
        long now = nanos();
        b.refill(now, capacity, nanosPerToken);
        return b.tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil((1 - b.tokens) * nanosPerToken));
    }

    synchronized int size() {
        return buckets.size();
    }

    private void purgeFull() {
        long now = nanos();
        buckets.values().removeIf(b -> {
            b.refill(now, capacity, nanosPerToken);
            return b.tokens >= capacity;
        });
    }

    private long nanos() {
        Instant i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static final class Bucket {

        double tokens;
        long updated;
        boolean notified;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.updated = now;
        }

        void refill(long now, int capacity, double nanosPerToken) {
            if (now > updated) {
                tokens = Math.min(capacity, tokens + (now - updated) / nanosPerToken);
                updated = now;
            }
        }
    }
}
