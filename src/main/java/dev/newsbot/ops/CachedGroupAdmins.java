package dev.newsbot.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the answers of another {@link GroupAdmins} for a short time, so that a burst of {@code /use} commands in
 * one group asks Telegram once. A plain clock-based map (Caffeine stays in the {@code cache} package): entries
 * expire {@code ttl} after they were fetched, and the oldest are dropped beyond {@code maxEntries}. A lookup that
 * throws is not cached; its exception reaches the caller. Thread-safe; lookups run outside the lock.
 */
public final class CachedGroupAdmins implements GroupAdmins {

    private record Key(String chatId, String userId) {
    }

    private record Entry(boolean admin, Instant expires) {
    }

    private final GroupAdmins lookup;
    private final Duration ttl;
    private final Clock clock;
    private final int maxEntries;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>();

    public CachedGroupAdmins(GroupAdmins lookup, Duration ttl, Clock clock, int maxEntries) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("CachedGroupAdmins.ttl must be positive, was " + ttl);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("CachedGroupAdmins.maxEntries must be at least 1, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public boolean isAdmin(String chatId, String userId) {
        Key key = new Key(chatId, userId);
        Instant now = clock.instant();
        synchronized (entries) {
            Entry entry = entries.get(key);
            if (entry != null && now.isBefore(entry.expires())) {
                return entry.admin();
            }
        }
        boolean admin = lookup.isAdmin(chatId, userId);
        synchronized (entries) {
            entries.remove(key);
            entries.put(key, new Entry(admin, now.plus(ttl)));
            evict(now);
        }
        return admin;
    }

    /** Drops expired entries, then the oldest ones beyond the limit. Entries are kept in insertion order. */
    private void evict(Instant now) {
        Iterator<Map.Entry<Key, Entry>> oldest = entries.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<Key, Entry> next = oldest.next();
            if (entries.size() > maxEntries || !now.isBefore(next.getValue().expires())) {
                oldest.remove();
            } else {
                break;
            }
        }
    }

    /** Number of answers held, expired ones included until they are evicted. */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
