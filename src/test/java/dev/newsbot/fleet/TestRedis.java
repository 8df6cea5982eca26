package dev.newsbot.fleet;

import dev.newsbot.ops.sets.Readiness;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

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

    /** Starts the server when it does not answer, as {@code .ci/run} does (no persistence), and waits for it. */
    static void ensureRunning() throws IOException, InterruptedException {
        if (ping()) {
            return;
        }
        new ProcessBuilder("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379",
                "--save", "", "--appendonly", "no").inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        for (int i = 0; i < 100 && !ping(); i++) {
            Thread.sleep(100);
        }
        if (!ping()) {
            throw new IllegalStateException("redis-server did not start on 127.0.0.1:6379");
        }
    }

    /** Stops the server without saving (everything in it is lost, as in a crash of a Redis without persistence). */
    static void shutdownServer() throws IOException, InterruptedException {
        new ProcessBuilder("redis-cli", "-h", "127.0.0.1", "-p", "6379", "shutdown", "nosave").inheritIO().start()
                .waitFor(10, TimeUnit.SECONDS);
    }

    static boolean ping() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("redis-cli", "-h", "127.0.0.1", "-p", "6379", "ping")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return p.waitFor(5, TimeUnit.SECONDS) && out.strip().equals("PONG");
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
