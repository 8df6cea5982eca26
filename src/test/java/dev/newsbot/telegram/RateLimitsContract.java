package dev.newsbot.telegram;

import static dev.newsbot.telegram.RateLimits.Outcome.ALLOWED;
import static dev.newsbot.telegram.RateLimits.Outcome.NOTIFY;
import static dev.newsbot.telegram.RateLimits.Outcome.SILENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimits} promises: {@link RateLimiter} (one process) and the fleet's Redis buckets.
 * {@link #open} gives buckets over the same place each time (another replica, for the shared ones).
 */
public abstract class RateLimitsContract {

    /** Three questions a minute: a token every 20 s. */
    protected static final TelegramSettings.RateLimit THREE_A_MINUTE =
            new TelegramSettings.RateLimit(3, Duration.ofSeconds(60));
    protected final TestClock clock = new TestClock(Instant.parse("2024-05-01T12:00:00Z"));

    protected abstract RateLimits open(TelegramSettings.RateLimit limit);

    /** What {@code count} questions in a row from {@code key} get. */
    private static java.util.List<RateLimits.Outcome> take(RateLimits limits, String key, int count) {
        java.util.List<RateLimits.Outcome> out = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(limits.tryAcquire(key));
        }
        return out;
    }

    @Test
    void should_allow_the_capacity_then_notify_once_then_stay_silent() {
        RateLimits limits = open(THREE_A_MINUTE);

        assertThat(take(limits, "user:1", 6)).containsExactly(ALLOWED, ALLOWED, ALLOWED, NOTIFY, SILENT, SILENT);
        assertThat(limits.tryAcquire("user:2")).isEqualTo(ALLOWED);
    }

    @Test
    void should_refill_one_token_per_period_share_and_say_when() {
        RateLimits limits = open(THREE_A_MINUTE);
        take(limits, "chat:9", 4);
        assertThat(limits.retryIn("chat:9")).isEqualTo(Duration.ofSeconds(20));

        clock.advance(Duration.ofSeconds(15));
        assertThat(limits.retryIn("chat:9")).isEqualTo(Duration.ofSeconds(5));
        assertThat(limits.tryAcquire("chat:9")).isEqualTo(SILENT);
        clock.advance(Duration.ofSeconds(5));

        assertThat(limits.tryAcquire("chat:9")).isEqualTo(ALLOWED);
        assertThat(limits.tryAcquire("chat:9")).isEqualTo(NOTIFY);
    }

    @Test
    void should_give_back_a_refunded_token_up_to_the_capacity() {
        RateLimits limits = open(THREE_A_MINUTE);
        take(limits, "user:5", 3);
        for (int i = 0; i < 4; i++) {
            limits.refund("user:5");
        }

        assertThat(take(limits, "user:5", 4)).containsExactly(ALLOWED, ALLOWED, ALLOWED, NOTIFY);
    }

    @Test
    void should_not_refill_beyond_the_capacity() {
        RateLimits limits = open(THREE_A_MINUTE);
        limits.tryAcquire("user:6");
        clock.advance(Duration.ofHours(5));

        assertThat(take(limits, "user:6", 4)).containsExactly(ALLOWED, ALLOWED, ALLOWED, NOTIFY);
    }

    @Test
    void should_share_the_buckets_of_one_place() {
        RateLimits first = open(THREE_A_MINUTE);
        first.tryAcquire("user:7");
        first.tryAcquire("user:7");

        RateLimits second = open(THREE_A_MINUTE);

        assertThat(second.tryAcquire("user:7")).isEqualTo(ALLOWED);
        assertThat(first.tryAcquire("user:7")).isEqualTo(NOTIFY);
        assertThat(second.tryAcquire("user:7")).isEqualTo(SILENT);
    }
}
