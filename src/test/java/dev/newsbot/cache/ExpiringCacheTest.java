package dev.newsbot.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbot.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    private final TestClock clock = new TestClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final AtomicInteger computed = new AtomicInteger();

    private String compute(String key) {
        computed.incrementAndGet();
        return key.toUpperCase();
    }

    @Test
    void should_reuse_a_value_until_it_expires_by_the_clock() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(60), 100, clock);

        assertThat(cache.get("a", this::compute)).isEqualTo("A");
        clock.advance(Duration.ofSeconds(59));
        assertThat(cache.get("a", this::compute)).isEqualTo("A");
        assertThat(computed).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("a", this::compute)).isEqualTo("A");
        assertThat(computed).hasValue(2);
    }

    @Test
    void should_not_keep_a_value_whose_computation_failed() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(60), 100, clock);

        assertThatThrownBy(() -> cache.get("a", key -> {
            throw new IllegalStateException("lookup failed");
        })).hasMessage("lookup failed");

        assertThat(cache.size()).isZero();
        assertThat(cache.get("a", this::compute)).isEqualTo("A");
    }

    @Test
    void should_hold_at_most_max_entries() {
        ExpiringCache<Integer, Integer> cache = new ExpiringCache<>(Duration.ofMinutes(1), 3, clock);
        for (int i = 0; i < 10; i++) {
            cache.get(i, k -> k);
        }

        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void should_name_the_bad_field() {
        assertThatThrownBy(() -> new ExpiringCache<>(Duration.ZERO, 1, clock))
                .hasMessage("ExpiringCache.ttl must be positive, was PT0S");
        assertThatThrownBy(() -> new ExpiringCache<>(Duration.ofSeconds(1), 0, clock))
                .hasMessage("ExpiringCache.maxEntries must be at least 1, was 0");
        assertThatThrownBy(() -> new ExpiringCache<>(Duration.ofSeconds(1), 1, (Clock) null))
                .hasMessage("ExpiringCache.clock must not be null");
    }
}
