package dev.newsbot.fleet;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How one replica joins the fleet.
 *
 * @param redis        the Redis server, {@code redis://host:port}
 * @param prefix       the prefix of every key and channel (tests use their own)
 * @param replica      this replica's name: its consumer in the stream's group, its line in {@code /status}
 * @param claimTimeout how long a dead replica's leases and updates wait before another replica takes them over
 * @param partitions   how many streams the updates are spread over by chat; each is read by one replica at a time,
 *                     which keeps one chat's answers in order
 */
public record FleetSettings(URI redis, String prefix, String replica, Duration claimTimeout, int partitions) {

    /** Enough partitions to spread the load over a handful of replicas. */
    public static final int DEFAULT_PARTITIONS = 8;

    public FleetSettings {
        Objects.requireNonNull(redis, "FleetSettings.redis must not be null");
        if (!"redis".equals(redis.getScheme()) && !"rediss".equals(redis.getScheme())) {
            throw new IllegalArgumentException("FleetSettings.redis must be redis://host:port, was " + redis);
        }
        if (prefix == null || prefix.isBlank() || prefix.contains(" ")) {
            throw new IllegalArgumentException("FleetSettings.prefix must be a word, was " + prefix);
        }
        if (replica == null || replica.isBlank() || replica.contains(" ")) {
            throw new IllegalArgumentException("FleetSettings.replica must be a word, was " + replica);
        }
        Objects.requireNonNull(claimTimeout, "FleetSettings.claimTimeout must not be null");
        if (claimTimeout.toMillis() < 500) {
            throw new IllegalArgumentException("FleetSettings.claimTimeout must be at least 500 ms, was "
                    + claimTimeout.toMillis() + " ms");
        }
        if (partitions < 1 || partitions > 1024) {
            throw new IllegalArgumentException("FleetSettings.partitions must be 1 to 1024, was " + partitions);
        }
    }

    /** A key under the prefix: {@code prefix:part:part…}. */
    String key(Object... parts) {
        StringBuilder b = new StringBuilder(prefix);
        for (Object p : parts) {
            b.append(':').append(p);
        }
        return b.toString();
    }

    /** How often leases, heartbeats and markers are renewed: a quarter of the claim timeout. */
    Duration tick() {
        return claimTimeout.dividedBy(4);
    }
}
