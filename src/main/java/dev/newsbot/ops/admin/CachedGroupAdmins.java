package dev.newsbot.ops.admin;

import dev.newsbot.cache.ExpiringCache;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Keeps the answers of another {@link GroupAdmins} for a short time, so that a burst of {@code /use} commands in
 * one group asks Telegram once. Entries expire {@code ttl} after they were fetched, and at most {@code maxEntries}
 * are held ({@link ExpiringCache}). A lookup that throws is not cached; its exception reaches the caller.
 * Thread-safe.
 */
public final class CachedGroupAdmins implements GroupAdmins {

    private record Key(String chatId, String userId) {
    }

    private final GroupAdmins lookup;
    private final ExpiringCache<Key, Boolean> answers;

    public CachedGroupAdmins(GroupAdmins lookup, Duration ttl, Clock clock, int maxEntries) {
        this.lookup = Objects.requireNonNull(lookup, "CachedGroupAdmins.lookup must not be null");
        this.answers = new ExpiringCache<>(ttl, maxEntries, clock);
    }

    @Override
    public boolean isAdmin(String chatId, String userId) {
        return answers.get(new Key(chatId, userId), key -> lookup.isAdmin(key.chatId(), key.userId()));
    }

    /** Number of answers held. */
    long size() {
        return answers.size();
    }
}
