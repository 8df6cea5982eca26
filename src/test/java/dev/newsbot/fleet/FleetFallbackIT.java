package dev.newsbot.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.newsbot.TestClock;
import dev.newsbot.ops.chats.SetChoices;
import dev.newsbot.ops.sets.Readiness;
import dev.newsbot.ops.why.Explanations;
import dev.newsbot.ops.why.ExplanationsContract;
import dev.newsbot.telegram.RateLimits;
import dev.newsbot.telegram.TelegramSettings;
import dev.newsbot.telegram.UpdateQueueContract;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redis taken away from one replica (the line to the real server cut by a {@link CuttableProxy}) and given back:
 * every shared part falls back to its safe default, says so in the readiness and the metrics, and resumes.
 */
class FleetFallbackIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final TelegramSettings.RateLimit ONE_AN_HOUR =
            new TelegramSettings.RateLimit(1, Duration.ofHours(1));

    private final TestRedis redis = new TestRedis("fallback");
    private final TestClock clock = new TestClock(Instant.parse("2024-05-01T12:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Readiness readiness = new Readiness();
    private CuttableProxy line;
    private Fleet fleet;

    @AfterEach
    void stop() throws Exception {
        if (fleet != null) {
            fleet.close();
        }
        if (line != null) {
            line.close();
        }
        redis.close();
    }

    private double up() {
        return meters.get("newsbot.redis.up").gauge().value();
    }

    @Test
    void should_fall_back_to_safe_defaults_while_redis_is_away_and_resume_when_it_returns() throws Exception {
        line = new CuttableProxy(TestRedis.SERVER.getPort());
        fleet = Fleet.connect(new FleetSettings(URI.create("redis://127.0.0.1:" + line.port()), redis.prefix, "f1",
                TestRedis.CLAIM, 4), clock, meters, readiness);
        SetChoices sets = fleet.setChoices("default", Set.of("default", "local")::contains, () -> List.of("local"));
        RateLimits limits = fleet.telegramStores().rateLimits("user", ONE_AN_HOUR, clock);
        Explanations why = fleet.explanations();
        var queue = fleet.telegramStores().updateQueue(null);
        sets.use("1", "local");
        assertThat(limits.tryAcquire("user:1")).isEqualTo(RateLimits.Outcome.ALLOWED);
        assertThat(limits.tryAcquire("user:1")).isEqualTo(RateLimits.Outcome.NOTIFY);

        line.cut();

        await().atMost(WAIT).until(() -> sets.setOf("1").equals("default"));
        assertThat(limits.tryAcquire("user:1")).as("a full bucket").isEqualTo(RateLimits.Outcome.ALLOWED);
        why.answered("1", ExplanationsContract.refusal("Who won?", "v1"));
        assertThat(why.explain("1")).isEmpty();
        assertThatThrownBy(() -> sets.use("2", "local")).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("unavailable");
        assertThatThrownBy(() -> queue.append(List.of(UpdateQueueContract.message(1, 5, "hello"))))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(readiness.reasons()).singleElement().asString().startsWith("redis: Redis 127.0.0.1:");
        assertThat(up()).isZero();
        assertThat(meters.get("newsbot.redis.errors").counters()).isNotEmpty();

        line.mend();

        await().atMost(WAIT).until(() -> sets.setOf("1").equals("local"));
        assertThat(readiness.reasons()).isEmpty();
        assertThat(up()).isEqualTo(1.0);
        assertThat(limits.tryAcquire("user:1")).as("the bucket kept in Redis, told already")
                .isEqualTo(RateLimits.Outcome.SILENT);
    }
}
