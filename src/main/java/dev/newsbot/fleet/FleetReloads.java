package dev.newsbot.fleet;

import dev.newsbot.base.DaemonThreads;
import dev.newsbot.ops.sets.ReloadReport;
import dev.newsbot.ops.sets.SetManager;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads across the fleet. A reload asked of any replica ({@code /reload}, {@code POST /admin/reload}, the article
 * watcher, the feed refresher; not the first load at start) is published on {@code prefix:reloads} as
 * {@code <replica> <set> <version>}; every other replica whose version of that set differs reloads it too (its own
 * reload is not published again, so two replicas never echo each other). Each replica records the versions it serves
 * in the hash {@code prefix:versions} (and removes them when it stops), which {@link #lines} renders for
 * {@code /status}, for the replicas alive. The answer cache stays local to each replica: it is keyed by set version,
 * so a replica never serves an answer of a version it no longer holds.
 */
public final class FleetReloads implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetReloads.class);

    private final RedisClient client;
    private final RedisCommands<String, String> redis;
    private final RedisHealth health;
    private final FleetSettings settings;
    private final Clock clock;
    private final ThreadLocal<Boolean> fromFleet = ThreadLocal.withInitial(() -> false);
    private final ExecutorService executor =
            Executors.newSingleThreadExecutor(new DaemonThreads("newsbot-fleet-reload"));
    private StatefulRedisPubSubConnection<String, String> subscription;
    private SetManager manager;

    FleetReloads(RedisClient client, RedisCommands<String, String> redis, RedisHealth health, FleetSettings settings,
                 Clock clock) {
        this.client = client;
        this.redis = redis;
        this.health = health;
        this.settings = settings;
        this.clock = clock;
    }

    /** Publishes this replica's reloads, follows the others', and records the versions it serves. */
    public synchronized void follow(SetManager sets) {
        this.manager = sets;
        sets.onReload(this::reloaded);
        subscription = client.connectPubSub();
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                announced(message);
            }
        });
        subscription.sync().subscribe(settings.key("reloads"));
        sets.sources().forEach(s -> sets.lastReload(s.name()).ifPresent(this::record));
    }

    private void reloaded(ReloadReport report) {
        if (!report.ok()) {
            return;
        }
        try {
            record(report);
            if (!fromFleet.get() && report.previousVersion() != null) {
                health.call("publish", () -> redis.publish(settings.key("reloads"),
                        settings.replica() + " " + report.set() + " " + report.version()));
            }
        } catch (UncheckedIOException e) {
            LOG.warn("Could not tell the other replicas of the reload of {}: {}", report.set(), e.getMessage(), e);
        }
    }

    private void record(ReloadReport report) {
        try {
            health.call("versions", () -> redis.hset(settings.key("versions"),
                    settings.replica() + " " + report.set(), report.version() + " " + clock.instant()));
        } catch (UncheckedIOException e) {
            LOG.debug("Not recording the version of {}: {}", report.set(), e.getMessage(), e);
        }
    }

    private void announced(String message) {
        String[] parts = message.split(" ", 3);
        if (parts.length != 3 || parts[0].equals(settings.replica()) || manager == null || !manager.has(parts[1])) {
            return;
        }
        String set = parts[1];
        boolean same = manager.lastReload(set).map(r -> parts[2].equals(r.version())).orElse(false);
        if (same) {
            return;
        }
        LOG.info("Replica {} reloaded set {} (version {}); reloading it here too", parts[0], set, parts[2]);
        executor.execute(() -> {
            fromFleet.set(true);
            try {
                manager.reload(set);
            } catch (RuntimeException e) {
                LOG.error("Could not reload set {} as replica {} asked", set, parts[0], e);
            } finally {
                fromFleet.set(false);
            }
        });
    }

    /** One line per replica and set: the version it serves and since when; a line saying so when Redis is away. */
    public List<String> lines() {
        Map<String, String> all;
        java.util.Set<String> live;
        try {
            all = new TreeMap<>(health.call("versions", () -> redis.hgetall(settings.key("versions"))));
            live = java.util.Set.copyOf(health.call("versions", () -> redis.zrangebyscore(settings.key("replicas"),
                    io.lettuce.core.Range.create((double) clock.millis(), Double.MAX_VALUE))));
        } catch (UncheckedIOException e) {
            return List.of("Replicas: unknown (Redis unavailable)");
        }
        List<String> out = new ArrayList<>();
        out.add("Replicas (this one is " + settings.replica() + "):");
        all.forEach((who, what) -> {
            if (!live.contains(who.split(" ", 2)[0]) && !who.startsWith(settings.replica() + " ")) {
                return;
            }
            String[] v = what.split(" ", 2);
            String since = v.length > 1 ? ", since " + Instant.parse(v[1]).truncatedTo(ChronoUnit.SECONDS) : "";
            out.add("  " + who.replace(" ", ", set ") + ": version " + v[0] + since);
        });
        return out;
    }

    /** Removes this replica's versions (it stops); one that dies is left out of {@link #lines} by its heartbeat. */
    synchronized void leave() {
        if (manager != null) {
            try {
                String[] mine = manager.sources().stream().map(s -> settings.replica() + " " + s.name())
                        .toArray(String[]::new);
                health.call("versions", () -> redis.hdel(settings.key("versions"), mine));
            } catch (RuntimeException e) {
                LOG.debug("Could not remove this replica's versions: {}", e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() {
        executor.shutdownNow();
        if (subscription != null) {
            subscription.close();
        }
    }
}
