package dev.newsbot.fleet;

import dev.newsbot.ops.sets.Readiness;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Redis answers, as this replica sees it: {@code newsbot_redis_up} (1 or 0), {@code newsbot_redis_errors_total}
 * by operation, and the {@code redis} part of {@code /readyz}. One log line when Redis is lost and one when it is back.
 */
final class RedisHealth {

    private static final Logger LOG = LoggerFactory.getLogger(RedisHealth.class);

    private final AtomicBoolean up = new AtomicBoolean(true);
    private final MeterRegistry meters;
    private final Readiness readiness;
    private final String where;

    RedisHealth(MeterRegistry meters, Readiness readiness, String where) {
        this.meters = meters;
        this.readiness = readiness;
        this.where = where;
        Gauge.builder("newsbot.redis.up", up, u -> u.get() ? 1 : 0)
                .description("1 while this replica reaches Redis, 0 while it does not").register(meters);
    }

    /**
     * Runs one Redis operation; on failure counts it and throws {@link UncheckedIOException}. Redis is marked down
     * unless it answered with an error of its own (such as {@code NOGROUP}): then it is up, and the command wrong.
     */
    <T> T call(String op, Supplier<T> command) {
        try {
            T result = command.get();
            up();
            return result;
        } catch (RedisCommandExecutionException e) {
            count(op);
            throw new UncheckedIOException("Redis " + where + " refused " + op + ": " + e.getMessage(),
                    new IOException(e));
        } catch (RedisException e) {
            down(op, e);
            throw new UncheckedIOException("Redis " + where + " unavailable (" + op + "): " + message(e),
                    new IOException(e));
        }
    }

    void up() {
        if (up.compareAndSet(false, true)) {
            readiness.ready("redis");
            LOG.info("Redis {} answers again", where);
        }
    }

    void down(String op, RuntimeException e) {
        count(op);
        if (up.compareAndSet(true, false)) {
            readiness.notReady("redis", "Redis " + where + " unavailable: " + message(e));
            LOG.warn("Redis {} unavailable ({}): {}; answering what this replica holds, with safe defaults", where,
                    op, message(e));
        }
    }

    private void count(String op) {
        Counter.builder("newsbot.redis.errors").tag("op", op).description("Redis operations that failed")
                .register(meters).increment();
    }

    boolean isUp() {
        return up.get();
    }

    static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
