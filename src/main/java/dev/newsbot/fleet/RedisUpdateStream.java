package dev.newsbot.fleet;

import dev.newsbot.base.DaemonThreads;
import dev.newsbot.telegram.QueuedUpdate;
import dev.newsbot.telegram.UpdateQueue;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link UpdateQueue} of the fleet: Redis streams that every replica appends to and consumes in one consumer group.
 *
 * <ul>
 *   <li><b>Append</b> (any replica, on Telegram's POST or a polled batch): one Lua script sets
 *       {@code prefix:seen:<update>} ({@code SET NX}, two days) and only then {@code XADD}s the update to stream
 *       {@code prefix:updates:<p>}, {@code p} = the chat modulo {@link FleetSettings#partitions()}, so a redelivery
 *       is dropped.</li>
 *   <li><b>Partitions</b>: each stream is read by the one replica holding its lease ({@code prefix:lease:<p>},
 *       {@code SET NX PX} the claim timeout, renewed every quarter of it). Replicas share the partitions evenly
 *       ({@code prefix:replicas} lists the live ones); one chat's updates are read by one replica at a time and run on
 *       that chat's lane, so its answers keep the order of its questions. A replica that holds too many stops reading
 *       one and lets go of it once everything it read from it is answered.</li>
 *   <li><b>Take-over</b>: when a holder dies its lease expires after the claim timeout; the replica that takes the
 *       partition first {@code XAUTOCLAIM}s every entry still pending in the group (the dead replica's), in stream
 *       order, then reads new entries.</li>
 *   <li><b>Exactly once</b>: before an update is handled, {@code SET NX} on {@code prefix:update:<update>} (the
 *       replica's name, expiring after the claim timeout, renewed while it works); once its answer is sent the mark
 *       becomes {@code done} (two days) and the entry is {@code XACK}ed. A redelivered entry whose mark is
 *       {@code done} is acknowledged without an answer; one another replica still works on waits for it.</li>
 *   <li><b>Polling</b>: only the holder of {@code prefix:poller} (same lease rules) polls Telegram.</li>
 * </ul>
 *
 * <p>While Redis cannot be reached, appends fail (the webhook answers 503, so Telegram sends again), updates already
 * read are answered, and their marks and acknowledgements are kept here and written once Redis is back.
 */
final class RedisUpdateStream implements UpdateQueue {

    static final String GROUP = "newsbot";
    static final Duration KEEP = Duration.ofDays(2);
    private static final Logger LOG = LoggerFactory.getLogger(RedisUpdateStream.class);
    private static final int READ_COUNT = 64;
    private static final long MAX_LENGTH = 100_000;
    private static final String DONE = "done";

    /** KEYS seen, stream; ARGV json, seconds kept, max length, update id, lane. 1 when appended, 0 when seen. */
    private static final String APPEND = """
            if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then
              redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', 'id', ARGV[4], 'lane', ARGV[5], 'u', ARGV[1])
              return 1
            end
            return 0
            """;
    /** KEYS lease; ARGV owner, milliseconds. 1 when still the owner's (and renewed). */
    private static final String RENEW = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              return 1
            end
            return 0
            """;
    /** KEYS lease; ARGV owner. Deletes it when it is the owner's. */
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    private final RedisCommands<String, String> redis;
    private final RedisCommands<String, String> reader;
    private final RedisHealth health;
    private final FleetSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final FleetMetrics metrics;
    private final String me;
    private final Set<Integer> held = ConcurrentHashMap.newKeySet();
    private final Set<Integer> releasing = ConcurrentHashMap.newKeySet();
    private final Set<Integer> toClaim = ConcurrentHashMap.newKeySet();
    private final Map<Integer, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    /** Updates read and not yet handled, by mark key: what {@link #deliver} must not hand over twice. */
    private final Set<String> taken = ConcurrentHashMap.newKeySet();
    /** Marks this replica holds (update being handled), renewed every tick. */
    private final Set<String> working = ConcurrentHashMap.newKeySet();
    /** Handled updates whose mark and acknowledgement could not be written yet. */
    private final ConcurrentLinkedQueue<QueuedUpdate> unwritten = new ConcurrentLinkedQueue<>();
    private volatile java.util.function.Consumer<QueuedUpdate> consumer;
    private volatile boolean wantsPolling;
    private volatile boolean polls;
    private volatile boolean closed;
    private Thread readerThread;

    RedisUpdateStream(RedisCommands<String, String> redis, RedisCommands<String, String> reader, RedisHealth health,
                      FleetSettings settings, Clock clock, ScheduledExecutorService scheduler, FleetMetrics metrics) {
        this.redis = redis;
        this.reader = reader;
        this.health = health;
        this.settings = settings;
        this.clock = clock;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.me = settings.replica();
        metrics.partitions(held::size);
        metrics.polling(() -> polls);
    }

    @Override
    public void append(List<QueuedUpdate> updates) {
        for (QueuedUpdate u : updates) {
            Long added = health.call("append", () -> redis.eval(APPEND, ScriptOutputType.INTEGER,
                    new String[] {settings.key("seen", id(u)), stream(partition(u))}, u.json(),
                    String.valueOf(KEEP.toSeconds()), String.valueOf(MAX_LENGTH),
                    String.valueOf(u.updateId()), String.valueOf(u.lane())));
            if (added != null && added == 0) {
                LOG.debug("Update {} was appended before; dropping the redelivery", u.updateId());
            }
        }
    }

    @Override
    public void start(java.util.function.Consumer<QueuedUpdate> consumer) {
        this.consumer = consumer;
        ensureGroups();
        tick();
        scheduler.scheduleWithFixedDelay(this::tickSafely, settings.tick().toMillis(), settings.tick().toMillis(),
                TimeUnit.MILLISECONDS);
        readerThread = DaemonThreads.thread("newsbot-fleet-reader", this::readLoop);
        readerThread.start();
    }

    @Override
    public boolean mayPoll() {
        wantsPolling = true;
        return polls;
    }

    @Override
    public boolean begin(QueuedUpdate update) {
        String mark = settings.key("update", id(update));
        while (!closed && !Thread.currentThread().isInterrupted()) {
            String owner;
            try {
                if ("OK".equals(health.call("mark", () -> redis.set(mark, me, SetArgs.Builder.nx()
                        .px(settings.claimTimeout()))))) {
                    working.add(mark);
                    return true;
                }
                owner = health.call("mark", () -> redis.get(mark));
            } catch (UncheckedIOException e) {
                return true;
            }
            if (DONE.equals(owner)) {
                LOG.info("Update {} was answered already (by another replica); acknowledging it", update.updateId());
                metrics.duplicateSkipped();
                write(update);
                return false;
            }
            if (me.equals(owner)) {
                return false;
            }
            if (owner != null) {
                pause(settings.tick().toMillis() / 2);
            }
        }
        return false;
    }

    @Override
    public void handled(QueuedUpdate update) {
        try {
            write(update);
        } catch (UncheckedIOException e) {
            unwritten.add(update);
        }
    }

    /** Marks the update done and acknowledges its entry; throws when Redis cannot be reached. */
    private void write(QueuedUpdate update) {
        String mark = settings.key("update", id(update));
        health.call("done", () -> redis.set(mark, DONE, SetArgs.Builder.ex(KEEP)));
        working.remove(mark);
        if (update.ref() != null) {
            String[] ref = update.ref().split(" ", 2);
            health.call("xack", () -> redis.xack(stream(Integer.parseInt(ref[0])), GROUP, ref[1]));
            if (taken.remove(mark)) {
                inFlight.computeIfAbsent(Integer.parseInt(ref[0]), p -> new AtomicInteger()).decrementAndGet();
            }
        }
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    private void readLoop() {
        while (!closed && !Thread.currentThread().isInterrupted()) {
            try {
                readOnce();
            } catch (RedisException | UncheckedIOException e) {
                if (closed) {
                    return;
                }
                if (e instanceof RedisException r && !(r instanceof io.lettuce.core.RedisCommandExecutionException)) {
                    health.down("read", r);
                }
                if (String.valueOf(e.getMessage()).contains("NOGROUP")) {
                    ensureGroupsQuietly();
                }
                pause(500);
            } catch (RuntimeException e) {
                LOG.error("The fleet's stream reader failed; going on", e);
                pause(500);
            }
        }
    }

    private void readOnce() {
        for (Integer p : List.copyOf(toClaim)) {
            claimPending(p);
            toClaim.remove(p);
        }
        List<StreamOffset<String>> offsets = new ArrayList<>();
        for (int p : held) {
            if (!releasing.contains(p) && !toClaim.contains(p)) {
                offsets.add(StreamOffset.lastConsumed(stream(p)));
            }
        }
        if (offsets.isEmpty()) {
            pause(100);
            return;
        }
        List<StreamMessage<String, String>> read = reader.xreadgroup(Consumer.from(GROUP, me),
                XReadArgs.Builder.block(500).count(READ_COUNT), offsets.toArray(StreamOffset[]::new));
        health.up();
        for (StreamMessage<String, String> m : read) {
            deliver(partitionOf(m.getStream()), m);
        }
    }

    /** Takes over every entry still pending in the partition (a dead replica's), oldest first. */
    private void claimPending(int p) {
        String cursor = "0-0";
        int claimed = 0;
        do {
            ClaimedMessages<String, String> batch = reader.xautoclaim(stream(p), XAutoClaimArgs.Builder
                    .xautoclaim(Consumer.from(GROUP, me), Duration.ZERO, cursor).count(READ_COUNT));
            for (StreamMessage<String, String> m : batch.getMessages()) {
                if (deliver(p, m)) {
                    claimed++;
                }
            }
            cursor = batch.getId();
        } while (!"0-0".equals(cursor) && !closed);
        if (claimed > 0) {
            metrics.claimed(claimed);
            LOG.info("Took over partition {} with {} update(s) left pending by another replica", p, claimed);
        }
    }

    /** Hands one entry to the consumer unless this replica already holds it; true when handed over. */
    private boolean deliver(int p, StreamMessage<String, String> m) {
        QueuedUpdate q = queued(m.getBody(), p + " " + m.getId());
        if (q == null) {
            LOG.warn("Skipping stream entry {} of partition {}: not an update", m.getId(), p);
            reader.xack(stream(p), GROUP, m.getId());
            return false;
        }
        if (!taken.add(settings.key("update", id(q)))) {
            return false;
        }
        inFlight.computeIfAbsent(p, x -> new AtomicInteger()).incrementAndGet();
        consumer.accept(q);
        return true;
    }

    /** The update an entry carries; null when it carries none. */
    private static QueuedUpdate queued(Map<String, String> body, String ref) {
        try {
            return new QueuedUpdate(Integer.parseInt(body.get("id")), Long.parseLong(body.get("lane")), body.get("u"),
                    ref);
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ---- leases -------------------------------------------------------------------------------------------------

    private void tickSafely() {
        try {
            tick();
        } catch (UncheckedIOException e) {
            LOG.debug("Fleet tick skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Fleet tick failed", e);
        }
    }

    /** Writes what waited for Redis, beats the heart, renews and balances the leases and marks. */
    private void tick() {
        if (closed) {
            return;
        }
        for (QueuedUpdate u; (u = unwritten.peek()) != null; unwritten.poll()) {
            write(u);
        }
        long now = clock.millis();
        long ttl = settings.claimTimeout().toMillis();
        health.call("heartbeat", () -> {
            redis.zadd(settings.key("replicas"), now + ttl, me);
            return redis.zremrangebyscore(settings.key("replicas"), io.lettuce.core.Range.create(0, now));
        });
        long live = Math.max(1, health.call("heartbeat", () -> redis.zcard(settings.key("replicas"))));
        renewLeases(ttl);
        balance((int) Math.ceil((double) settings.partitions() / live), ttl);
        for (String mark : working) {
            health.call("mark", () -> redis.eval(RENEW, ScriptOutputType.INTEGER, new String[] {mark}, me,
                    String.valueOf(ttl)));
        }
        poller(ttl);
    }

    private void renewLeases(long ttl) {
        for (int p : List.copyOf(held)) {
            Long mine = health.call("lease", () -> redis.eval(RENEW, ScriptOutputType.INTEGER,
                    new String[] {lease(p)}, me, String.valueOf(ttl)));
            if (mine == null || mine == 0) {
                LOG.warn("Lost the lease of partition {}: it expired while Redis or this replica was away", p);
                held.remove(p);
                releasing.remove(p);
            }
        }
    }

    private void balance(int target, long ttl) {
        int start = Math.floorMod(me.hashCode(), settings.partitions());
        for (int i = 0; i < settings.partitions() && held.size() < target; i++) {
            int p = (start + i) % settings.partitions();
            if (!held.contains(p) && "OK".equals(health.call("lease", () -> redis.set(lease(p), me,
                    SetArgs.Builder.nx().px(ttl))))) {
                toClaim.add(p);
                held.add(p);
                LOG.info("Reading partition {} of the update stream", p);
            }
        }
        if (held.size() - releasing.size() > target) {
            held.stream().filter(p -> !releasing.contains(p)).max(Integer::compare).ifPresent(releasing::add);
        }
        for (int p : List.copyOf(releasing)) {
            if (inFlight.getOrDefault(p, new AtomicInteger()).get() <= 0 && !toClaim.contains(p)) {
                release(p);
            }
        }
    }

    private void release(int p) {
        health.call("lease", () -> redis.eval(RELEASE, ScriptOutputType.INTEGER, new String[] {lease(p)}, me));
        held.remove(p);
        releasing.remove(p);
        LOG.info("Handed partition {} of the update stream over to the other replicas", p);
    }

    private void poller(long ttl) {
        if (!wantsPolling) {
            return;
        }
        String key = settings.key("poller");
        boolean mine = polls && health.call("lease", () -> redis.eval(RENEW, ScriptOutputType.INTEGER,
                new String[] {key}, me, String.valueOf(ttl))) instanceof Long l && l == 1;
        if (!mine) {
            mine = "OK".equals(health.call("lease", () -> redis.set(key, me, SetArgs.Builder.nx().px(ttl))));
            if (mine) {
                LOG.info("Holding the polling lease: this replica polls Telegram");
            }
        }
        polls = mine;
    }

    private void ensureGroups() {
        for (int p = 0; p < settings.partitions(); p++) {
            int partition = p;
            health.call("group", () -> {
                try {
                    return redis.xgroupCreate(StreamOffset.from(stream(partition), "0"), GROUP,
                            XGroupCreateArgs.Builder.mkstream());
                } catch (RedisBusyException e) {
                    return "exists";
                }
            });
        }
    }

    private void ensureGroupsQuietly() {
        try {
            ensureGroups();
            LOG.warn("Redis lost the update streams (restarted without data?); created them again");
        } catch (RuntimeException e) {
            LOG.debug("Cannot create the stream groups yet: {}", e.getMessage());
        }
    }

    /** Stops reading and renewing at once, handing nothing over: what a crash leaves behind. */
    void halt() {
        closed = true;
        polls = false;
        stopReader();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopReader();
        handOver();
    }

    private void stopReader() {
        if (readerThread != null) {
            readerThread.interrupt();
            try {
                readerThread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void handOver() {
        try {
            for (QueuedUpdate u; (u = unwritten.peek()) != null; unwritten.poll()) {
                write(u);
            }
            for (int p : List.copyOf(held)) {
                release(p);
            }
            if (polls) {
                health.call("lease", () -> redis.eval(RELEASE, ScriptOutputType.INTEGER,
                        new String[] {settings.key("poller")}, me));
            }
            health.call("heartbeat", () -> redis.zrem(settings.key("replicas"), me));
        } catch (RuntimeException e) {
            LOG.warn("Could not hand the partitions over at shutdown; they are taken over after {} ms: {}",
                    settings.claimTimeout().toMillis(), e.getMessage());
        }
    }

    // ---- names --------------------------------------------------------------------------------------------------

    private int partition(QueuedUpdate u) {
        return (int) Math.floorMod(u.lane(), (long) settings.partitions());
    }

    String stream(int p) {
        return settings.key("updates", p);
    }

    private int partitionOf(String stream) {
        return Integer.parseInt(stream.substring(stream.lastIndexOf(':') + 1));
    }

    private String lease(int p) {
        return settings.key("lease", p);
    }

    /** What identifies an update: its id and its chat (Telegram may hand out an id again after a quiet week). */
    private static String id(QueuedUpdate u) {
        return u.updateId() + "." + u.lane();
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
