package dev.newsbot.fleet;

import dev.newsbot.base.DaemonThreads;
import dev.newsbot.ops.chats.SetChoices;
import dev.newsbot.ops.sets.Readiness;
import dev.newsbot.ops.why.Explanations;
import dev.newsbot.telegram.FeedbackStore;
import dev.newsbot.telegram.RateLimits;
import dev.newsbot.telegram.TelegramSettings;
import dev.newsbot.telegram.TelegramStores;
import dev.newsbot.telegram.UpdateQueue;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replica's membership of the fleet: its connections to Redis and the shared parts built on them. Commands time
 * out after {@link #COMMAND_TIMEOUT}; a lost connection is retried every {@link #RECONNECT} and commands fail at once
 * meanwhile, so callers fall back instead of waiting. {@link #close()} hands this replica's partitions over and
 * closes the connections.
 */
public final class Fleet implements AutoCloseable {

    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    static final Duration RECONNECT = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);

    private final FleetSettings settings;
    private final Clock clock;
    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisConnection<String, String> reader;
    private final RedisHealth health;
    private final FleetMetrics metrics;
    private final ScheduledExecutorService scheduler;
    private final FleetReloads reloads;
    private RedisUpdateStream stream;

    private Fleet(FleetSettings settings, Clock clock, MeterRegistry meters, Readiness readiness) {
        this.settings = settings;
        this.clock = clock;
        this.resources = ClientResources.builder().reconnectDelay(Delay.constant(RECONNECT)).build();
        RedisURI uri = RedisURI.create(settings.redis());
        uri.setTimeout(COMMAND_TIMEOUT);
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        this.health = new RedisHealth(meters, readiness, uri.getHost() + ":" + uri.getPort());
        this.metrics = new FleetMetrics(meters);
        this.commands = client.connect();
        this.reader = client.connect();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                new DaemonThreads("newsbot-fleet-" + settings.replica()));
        this.reloads = new FleetReloads(client, commands.sync(), health, settings, clock);
    }

    /**
     * Connects to {@code settings.redis()}.
     *
     * @throws IllegalStateException naming the server when it cannot be reached at start
     */
    public static Fleet connect(FleetSettings settings, Clock clock, MeterRegistry meters, Readiness readiness) {
        Objects.requireNonNull(settings, "settings");
        try {
            Fleet fleet = new Fleet(settings, clock, meters, readiness);
            LOG.info("Replica {} joined the fleet on {} (keys {}:*)", settings.replica(), settings.redis(),
                    settings.prefix());
            return fleet;
        } catch (RedisException e) {
            throw new IllegalStateException("state.redis " + settings.redis() + " cannot be reached: "
                    + RedisHealth.message(e), e);
        }
    }

    /** This replica's name in the fleet. */
    public String replica() {
        return settings.replica();
    }

    /** The set each chat uses, shared by every replica. */
    public SetChoices setChoices(String defaultSet, Predicate<String> known, Supplier<Collection<String>> names) {
        return new RedisSetChoices(commands.sync(), health, settings, defaultSet, known, names);
    }

    /** The explanations for {@code /why}, shared by every replica. */
    public Explanations explanations() {
        return new RedisExplanations(commands.sync(), health, settings);
    }

    /** Reloads announced to and by every replica, and every replica's set versions. */
    public FleetReloads reloads() {
        return reloads;
    }

    /** The Telegram front end's update stream and rate limits, shared by every replica. */
    public TelegramStores telegramStores() {
        return new TelegramStores() {
            @Override
            public UpdateQueue updateQueue(Path journalDir) {
                return stream();
            }

            @Override
            public RateLimits rateLimits(String kind, TelegramSettings.RateLimit limit, Clock c) {
                return new RedisRateLimits(commands.sync(), health, settings, kind, limit, c);
            }

            @Override
            public FeedbackStore feedback(Path dir) {
                return new RedisFeedbackStore(commands.sync(), health, settings);
            }
        };
    }

    private synchronized RedisUpdateStream stream() {
        if (stream == null) {
            stream = new RedisUpdateStream(commands.sync(), reader.sync(), health, settings, clock, scheduler,
                    metrics);
        }
        return stream;
    }

    /** Whether this replica reaches Redis right now. */
    public boolean redisUp() {
        return health.isUp();
    }

    /**
     * Leaves the fleet as a crash would: stops at once and hands nothing over, so the other replicas take this one's
     * partitions and updates over after the claim timeout.
     */
    void abandon() {
        synchronized (this) {
            if (stream != null) {
                stream.halt();
            }
        }
        disconnect();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (stream != null) {
                stream.close();
            }
        }
        reloads.leave();
        disconnect();
    }

    private void disconnect() {
        reloads.close();
        scheduler.shutdownNow();
        reader.close();
        commands.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        resources.shutdown(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }
}
