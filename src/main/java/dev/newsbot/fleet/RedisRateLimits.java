package dev.newsbot.fleet;

import dev.newsbot.telegram.RateLimits;
import dev.newsbot.telegram.TelegramSettings;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;

/**
 * The {@link RateLimits} of the fleet: one token bucket per key in a Redis hash ({@code prefix:rate:<kind>:<key>}),
 * taken, refunded and refilled by one atomic Lua script, so a user who floods across replicas is limited at the
 * configured rate as if one process answered. A bucket expires once it would be full again. While Redis cannot be
 * reached every bucket counts as full: questions are allowed (the fallback the issue asks for).
 */
final class RedisRateLimits implements RateLimits {

    /** KEYS[1] the bucket; ARGV capacity, milliseconds per token, now (ms), expiry (ms), take|refund|peek. */
    static final String SCRIPT = """
            local cap = tonumber(ARGV[1])
            local per = tonumber(ARGV[2])
            local now = tonumber(ARGV[3])
            local b = redis.call('HMGET', KEYS[1], 't', 'ts', 'n')
            local t = tonumber(b[1]) or cap
            local ts = tonumber(b[2]) or now
            local n = b[3] == '1'
            if now > ts then
              t = math.min(cap, t + (now - ts) / per)
              ts = now
            end
            local out
            if ARGV[5] == 'take' then
              if t >= 1 then
                t = t - 1
                n = false
                out = 'ALLOWED'
              elseif n then
                out = 'SILENT'
              else
                n = true
                out = 'NOTIFY'
              end
            elseif ARGV[5] == 'refund' then
              t = math.min(cap, t + 1)
              out = 'OK'
            else
              if t >= 1 then out = '0' else out = tostring(math.ceil((1 - t) * per)) end
            end
            redis.call('HSET', KEYS[1], 't', tostring(t), 'ts', tostring(ts), 'n', n and '1' or '0')
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return out
            """;

    private final RedisCommands<String, String> redis;
    private final RedisHealth health;
    private final FleetSettings settings;
    private final String kind;
    private final TelegramSettings.RateLimit limit;
    private final Clock clock;

    RedisRateLimits(RedisCommands<String, String> redis, RedisHealth health, FleetSettings settings, String kind,
                    TelegramSettings.RateLimit limit, Clock clock) {
        this.redis = redis;
        this.health = health;
        this.settings = settings;
        this.kind = kind;
        this.limit = limit;
        this.clock = clock;
    }

    @Override
    public Outcome tryAcquire(String key) {
        String out = run(key, "take");
        return out == null ? Outcome.ALLOWED : Outcome.valueOf(out);
    }

    @Override
    public void refund(String key) {
        run(key, "refund");
    }

    @Override
    public Duration retryIn(String key) {
        String out = run(key, "peek");
        return out == null ? Duration.ZERO : Duration.ofMillis(Long.parseLong(out));
    }

    /** The script's answer; null when Redis cannot be reached (the bucket counts as full). */
    private String run(String key, String op) {
        double perToken = (double) limit.period().toMillis() / limit.capacity();
        long expiry = limit.period().toMillis() + 1000;
        try {
            return health.call("ratelimit", () -> redis.eval(SCRIPT, ScriptOutputType.VALUE,
                    new String[] {settings.key("rate", kind, key)}, String.valueOf(limit.capacity()),
                    String.valueOf(perToken), String.valueOf(clock.millis()), String.valueOf(expiry), op));
        } catch (UncheckedIOException e) {
            return null;
        }
    }
}
