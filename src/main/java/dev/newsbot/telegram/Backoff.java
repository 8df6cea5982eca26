package dev.newsbot.telegram;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with ±20 % jitter, doubling from the initial wait up to the longest and never giving up (the
 * library's own gives a 15-minute pause after 15 minutes of errors). The one rule for every retried Bot API call:
 * start-up calls, long polling and sends.
 */
final class Backoff {

    private Backoff() {
    }

    /**
     * The wait before the attempt after {@code attempt} (counted from 1): what Telegram asked for ({@code 429}'s
     * {@code retry_after}) when {@code retryAfterMillis} is not negative, else the back-off of {@code retry}.
     */
    static long nextDelayMillis(TelegramSettings.Retry retry, long retryAfterMillis, int attempt) {
        return retryAfterMillis >= 0 ? retryAfterMillis
                : delayMillis(retry.initialBackoff().toMillis(), retry.maxBackoff().toMillis(), attempt);
    }

    /** The delay before attempt {@code retry + 1}, where {@code retry} counts from 1. */
    static long delayMillis(long initialMillis, long maxMillis, int retry) {
        long base = initialMillis << Math.min(Math.max(retry - 1, 0), 20);
        long capped = Math.min(Math.max(base, initialMillis), maxMillis);
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Math.max(1, Math.min(maxMillis, Math.round(capped * jitter)));
    }
}
