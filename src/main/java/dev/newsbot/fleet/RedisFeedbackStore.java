package dev.newsbot.fleet;

import dev.newsbot.telegram.FeedbackStore;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@link FeedbackStore} of the fleet: the votes in the stream {@code prefix:feedback} (one entry per vote, field
 * {@code line}), each user's last vote per answer in the hash {@code prefix:feedback:last}, both written by one Lua
 * script so a repeated vote is recognised whichever replica takes the press; the salt in {@code prefix:feedback:salt},
 * set once by the first replica ({@code SET NX}) and read by every other. While Redis cannot be reached a vote fails
 * (the press is answered without recording it).
 */
final class RedisFeedbackStore implements FeedbackStore {

    /** KEYS last, stream; ARGV key, vote, line. 1 when appended, 0 when it repeats the last vote. */
    private static final String APPEND = """
            if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
              return 0
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('XADD', KEYS[2], '*', 'line', ARGV[3])
            return 1
            """;

    private final RedisCommands<String, String> redis;
    private final RedisHealth health;
    private final FleetSettings settings;
    private final byte[] salt;

    RedisFeedbackStore(RedisCommands<String, String> redis, RedisHealth health, FleetSettings settings) {
        this.redis = redis;
        this.health = health;
        this.settings = settings;
        this.salt = sharedSalt();
    }

    private byte[] sharedSalt() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        String key = settings.key("feedback", "salt");
        health.call("salt", () -> redis.set(key, HexFormat.of().formatHex(fresh), SetArgs.Builder.nx()));
        return HexFormat.of().parseHex(health.call("salt", () -> redis.get(key)));
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public boolean append(String key, String vote, String line) {
        Long added = health.call("feedback", () -> redis.eval(APPEND, ScriptOutputType.INTEGER,
                new String[] {settings.key("feedback", "last"), settings.key("feedback")}, key, vote, line));
        return added != null && added == 1;
    }

    @Override
    public List<String> lines() {
        List<StreamMessage<String, String>> all = health.call("feedback",
                () -> redis.xrange(settings.key("feedback"), Range.create("-", "+")));
        return all.stream().map(m -> m.getBody().get("line")).filter(l -> l != null && !l.isBlank()).toList();
    }

    @Override
    public void close() {
        // the connection belongs to the fleet
    }
}
