package dev.newsbot.telegram;

import dev.newsbot.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.newsbot.telegram.RateLimits.Outcome.ALLOWED;
import static dev.newsbot.telegram.RateLimits.Outcome.NOTIFY;
import static dev.newsbot.telegram.RateLimits.Outcome.SILENT;
import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private final TestClock clock = new TestClock(Instant.parse("2024-05-01T00:00:00Z"));
    private final RateLimiter limiter =
            new RateLimiter(new TelegramSettings.RateLimit(3, Duration.ofSeconds(30)), clock);

    @Test
    void should_allow_a_burst_up_to_capacity_then_notify_once_then_stay_silent() {
        assertThat(limiter.tryAcquire("u")).isEqualTo(ALLOWED);
        assertThat(limiter.tryAcquire("u")).isEqualTo(ALLOWED);
        assertThat(limiter.tryAcquire("u")).isEqualTo(ALLOWED);

        assertThat(limiter.tryAcquire("u")).isEqualTo(NOTIFY);
        assertThat(limiter.tryAcquire("u")).isEqualTo(SILENT);
        assertThat(limiter.tryAcquire("u")).isEqualTo(SILENT);
    }

    @Test
    void should_refill_one_token_per_period_over_capacity_and_notify_again_after() {
        for (int i = 0; i < 4; i++) {
            limiter.tryAcquire("u");
        }
        assertThat(limiter.retryIn("u")).isEqualTo(Duration.ofSeconds(10));

        clock.advance(Duration.ofSeconds(9));
        assertThat(limiter.tryAcquire("u")).isEqualTo(SILENT);
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire("u")).isEqualTo(ALLOWED);
        assertThat(limiter.tryAcquire("u")).isEqualTo(NOTIFY);
    }

    @Test
    void should_keep_keys_apart() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }
        assertThat(limiter.tryAcquire("a")).isEqualTo(NOTIFY);
        assertThat(limiter.tryAcquire("b")).isEqualTo(ALLOWED);
    }

    @Test
    void should_not_refill_beyond_capacity() {
        clock.advance(Duration.ofHours(5));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("u")).isEqualTo(ALLOWED);
        }
        assertThat(limiter.tryAcquire("u")).isEqualTo(NOTIFY);
    }

    @Test
    void should_give_back_a_refunded_token() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("u");
        }
        limiter.refund("u");

        assertThat(limiter.tryAcquire("u")).isEqualTo(ALLOWED);
    }
}
