package dev.newsbot.fleet;

import dev.newsbot.ops.Readiness;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The real Redis on 127.0.0.1:6379 (started by {@code .ci/run}), under a key prefix of the test's own; {@link #close}
 * deletes every key under it and closes the fleets it opened.
 */
final class TestRedis implements AutoCloseable {

    static final URI SERVER = URI.create("redis://127.0.0.1:6379");
    static final Duration CLAIM = Duration.ofMillis(1000);

    final String prefix;
    private final List<Fleet> fleets = new ArrayList<>();

    TestRedis(String test) {
        this.prefix = "newsbot-test-" + test + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A replica named {@code replica} joining this test's fleet. */
    Fleet fleet(String replica, Clock clock) {
        Fleet fleet = Fleet.connect(new FleetSettings(SERVER, prefix, replica, CLAIM, 4), clock,
                new SimpleMeterRegistry(), new Readiness());
        fleets.add(fleet);
        return fleet;
    }

    @Override
    public void close() {
        fleets.forEach(Fleet::close);
        RedisClient client = RedisClient.create(SERVER.toString());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> keys = c.sync().scan(cursor, ScanArgs.Builder.matches(prefix + ":*").limit(500));
                if (!keys.getKeys().isEmpty()) {
                    c.sync().del(keys.getKeys().toArray(String[]::new));
                }
                cursor = keys;
            } while (!cursor.isFinished());
        } finally {
            client.shutdown();
        }
    }
}
