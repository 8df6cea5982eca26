package dev.newsbot.telegram;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Objects;

/**
 * Hooks for counting what goes wrong between the bot and Telegram. Implementations must be thread-safe and fast; they
 * are called on network threads. {@link #none()} ignores everything; {@link #micrometer(MeterRegistry)} counts.
 */
public interface TelegramMetrics {

    /**
     * A Bot API call failed.
     *
     * @param method the Bot API method, e.g. {@code sendMessage}
     * @param kind   {@code rate_limited} (429), {@code server_error} (5xx), {@code client_error} (other 4xx),
     *               {@code network} (connection failed or reset) or {@code timeout}
     */
    void apiError(String method, String kind);

    /** Handling one update failed; the user got an apology. */
    default void updateFailed() {
    }

    /** A question was dropped by a rate limit. */
    default void rateLimited() {
    }

    /** A user rated an answer ({@code vote} up or down); a repeated press of the same button is not counted. */
    default void feedback(String vote) {
    }

    static TelegramMetrics none() {
        return (method, kind) -> {
        };
    }

    /**
     * Counts into {@code registry}: {@code newsbot.telegram.api.errors} (tags {@code method}, {@code kind}),
     * {@code newsbot.telegram.update.failures}, {@code newsbot.telegram.rate.limited} and {@code newsbot.feedback}
     * (tag {@code vote}; Prometheus {@code newsbot_feedback_total}).
     */
    static TelegramMetrics micrometer(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry must not be null");
        Counter failures = Counter.builder("newsbot.telegram.update.failures")
                .description("Updates whose handling failed").register(registry);
        Counter limited = Counter.builder("newsbot.telegram.rate.limited")
                .description("Questions dropped by a rate limit").register(registry);
        return new TelegramMetrics() {
            @Override
            public void apiError(String method, String kind) {
                Counter.builder("newsbot.telegram.api.errors").description("Failed Telegram Bot API calls")
                        .tag("method", method).tag("kind", kind).register(registry).increment();
            }

            @Override
            public void feedback(String vote) {
                Counter.builder("newsbot.feedback").description("Answers rated with the buttons under them")
                        .tag("vote", vote).register(registry).increment();
            }

            @Override
            public void updateFailed() {
                failures.increment();
            }

            @Override
            public void rateLimited() {
                limited.increment();
            }
        };
    }
}
