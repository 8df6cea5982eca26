package dev.newsbot.telegram;

import java.time.Duration;

/**
 * Token buckets by key (a chat or a user). A key that runs dry is told once ({@link Outcome#NOTIFY}), then ignored
 * ({@link Outcome#SILENT}) until it has a token again. {@link RateLimiter} keeps them in this process; a fleet of
 * replicas shares them (see the {@code fleet} package). Implementations are thread-safe.
 */
public interface RateLimits {

    /** What {@link #tryAcquire} decided. */
    enum Outcome { ALLOWED, NOTIFY, SILENT }

    /** Takes one token for {@code key} when it has one. */
    Outcome tryAcquire(String key);

    /** Gives back a token taken by {@link #tryAcquire} for a question that was not answered after all. */
    void refund(String key);

    /** How long until {@code key} has a token again; zero when it has one. */
    Duration retryIn(String key);
}
