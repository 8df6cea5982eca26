package dev.newsbot.ops.sets;

import dev.newsbot.articles.RemoteArticles;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads each set that lists a feed ({@code sources.refresh}), every interval plus a random jitter of up to a
 * tenth of it, so that several bots (or sets) do not poll an outlet in step. A reload goes through the usual path
 * ({@link SetManager#reload}): unchanged feeds answer 304, new and changed items are embedded incrementally, and a
 * failed reload keeps serving the last version. One set's failure never stops the schedule.
 */
public final class SourceRefresher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SourceRefresher.class);

    private final List<String> sets;
    private final Consumer<String> reload;
    private final ScheduledExecutorService scheduler;
    private final Duration every;
    private volatile ScheduledFuture<?> next;
    private volatile boolean closed;

    /**
     * @param sources   every set; those listing at least one feed URL are refreshed
     * @param reload    reloads one set by name
     * @param scheduler runs the refreshes
     * @param every     the interval before jitter
     */
    public SourceRefresher(List<SetSource> sources, Consumer<String> reload, ScheduledExecutorService scheduler,
                           Duration every) {
        this.sets = feedSets(sources);
        this.reload = Objects.requireNonNull(reload, "reload must not be null");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
        this.every = Objects.requireNonNull(every, "every must not be null");
    }

    /** The names of the sets that list a feed URL. */
    public static List<String> feedSets(List<SetSource> sources) {
        return sources.stream().filter(s -> s.paths().stream().anyMatch(p -> RemoteArticles.urlOf(p).isPresent()))
                .map(SetSource::name).toList();
    }

    /** Schedules the first refresh; does nothing when no set lists a feed. */
    public void start() {
        if (sets.isEmpty()) {
            return;
        }
        log.info("Refreshing the feeds of {} every {} (jittered)", sets, every);
        schedule();
    }

    /** Refreshes every feed set once, now, on the calling thread. */
    public void refreshNow() {
        for (String set : sets) {
            try {
                reload.accept(set);
            } catch (RuntimeException e) {
                log.error("Refresh of set \"{}\" failed", set, e);
            }
        }
    }

    private void schedule() {
        if (closed) {
            return;
        }
        long base = every.toMillis();
        long delay = base + ThreadLocalRandom.current().nextLong(Math.max(1, base / 10));
        next = scheduler.schedule(() -> {
            refreshNow();
            schedule();
        }, delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        ScheduledFuture<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
