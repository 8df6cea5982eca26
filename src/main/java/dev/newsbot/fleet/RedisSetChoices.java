package dev.newsbot.fleet;

import dev.newsbot.ops.chats.SetChoices;
import dev.newsbot.ops.sets.NoSuchSetException;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The {@link SetChoices} of the fleet: one Redis hash ({@code prefix:chatsets}, chat id → set), so a {@code /use}
 * through one replica holds on the next question through any other. While Redis cannot be reached every chat uses the
 * default set and {@link #use} fails.
 */
final class RedisSetChoices implements SetChoices {

    private final RedisCommands<String, String> redis;
    private final RedisHealth health;
    private final String key;
    private final String defaultSet;
    private final Predicate<String> known;
    private final Supplier<Collection<String>> names;

    RedisSetChoices(RedisCommands<String, String> redis, RedisHealth health, FleetSettings settings,
                    String defaultSet, Predicate<String> known, Supplier<Collection<String>> names) {
        this.redis = redis;
        this.health = health;
        this.key = settings.key("chatsets");
        this.defaultSet = Objects.requireNonNull(defaultSet, "defaultSet");
        this.known = Objects.requireNonNull(known, "known");
        this.names = Objects.requireNonNull(names, "names");
    }

    @Override
    public String setOf(String chatId) {
        String chosen;
        try {
            chosen = health.call("hget", () -> redis.hget(key, chatId));
        } catch (UncheckedIOException e) {
            return defaultSet;
        }
        return chosen != null && known.test(chosen) ? chosen : defaultSet;
    }

    @Override
    public void use(String chatId, String set) {
        Objects.requireNonNull(chatId, "chatId");
        if (!known.test(set)) {
            throw new NoSuchSetException(set, names.get());
        }
        if (set.equals(defaultSet)) {
            health.call("hdel", () -> redis.hdel(key, chatId));
        } else {
            health.call("hset", () -> redis.hset(key, chatId, set));
        }
    }

    @Override
    public void forget(String chatId) {
        health.call("hdel", () -> redis.hdel(key, chatId));
    }
}
