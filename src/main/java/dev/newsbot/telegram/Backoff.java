package dev.newsbot.telegram;

import org.telegram.telegrambots.longpolling.interfaces.BackOff;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with ±20 % jitter, doubling from {@code initial} up to {@code max} and never giving up (the
 * library's own gives a 15-minute pause after 15 minutes of errors). Used by the poller and for retried calls.
 */
final class Backoff implements BackOff {

    private final long initialMillis;
    private final long maxMillis;
    private int failures;

    Backoff(Duration initial, Duration max) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
    }

    /** The delay before attempt {@code retry + 1}, where {@code retry} counts from 1. */
    static long delayMillis(long initialMillis, long maxMillis, int retry) {
        long base = initialMillis << Math.min(Math.max(retry - 1, 0), 20);
        long capped = Math.min(Math.max(base, initialMillis), maxMillis);
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Math.max(1, Math.min(maxMillis, Math.round(capped * jitter)));
    }

    @Override
    public synchronized void reset() {
        failures = 0;
    }

    @Override
    public synchronized long nextBackOffMillis() {
        failures++;
        return delayMillis(initialMillis, maxMillis, failures);
    }
}
