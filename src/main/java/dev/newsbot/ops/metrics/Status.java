package dev.newsbot.ops.metrics;

import dev.newsbot.cache.CacheCounts;
import dev.newsbot.index.PassageStore;
import dev.newsbot.index.SetRegistry;
import dev.newsbot.ops.sets.ReloadReport;
import dev.newsbot.ops.sets.SetManager;
import dev.newsbot.ops.sets.SetSource;
import dev.newsbot.sources.FeedStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * The text of {@code /status}: every set with its articles, passages, newest article date, version, and its last
 * reload and result; the answer cache's hit rate; and the uptime. Plain text; the front end escapes it.
 */
public final class Status {

    private final SetManager manager;
    private final SetRegistry sets;
    private final Supplier<CacheCounts> answerCache;
    private final Clock clock;
    private final Supplier<List<FeedStatus>> feeds;
    private final Supplier<List<String>> replicas;

    public Status(SetManager manager, SetRegistry sets, Supplier<CacheCounts> answerCache, Clock clock) {
        this(manager, sets, answerCache, clock, List::of);
    }

    /** @param feeds the last fetch of every feed, listed under its set */
    public Status(SetManager manager, SetRegistry sets, Supplier<CacheCounts> answerCache, Clock clock,
                  Supplier<List<FeedStatus>> feeds) {
        this(manager, sets, answerCache, clock, feeds, List::of);
    }

    /** @param replicas lines on every replica of a fleet and the versions it serves; empty for a single process */
    public Status(SetManager manager, SetRegistry sets, Supplier<CacheCounts> answerCache, Clock clock,
                  Supplier<List<FeedStatus>> feeds, Supplier<List<String>> replicas) {
        this.replicas = Objects.requireNonNull(replicas, "replicas");
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.manager = Objects.requireNonNull(manager, "manager");
        this.sets = Objects.requireNonNull(sets, "sets");
        this.answerCache = Objects.requireNonNull(answerCache, "answerCache");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String render() {
        StringJoiner out = new StringJoiner("\n");
        Instant now = clock.instant();
        out.add("Up " + uptime(Duration.between(manager.startedAt(), now)) + ", since "
                + manager.startedAt().truncatedTo(ChronoUnit.SECONDS));
        out.add("Sets:");
        for (SetSource source : manager.sources()) {
            out.add(setLine(source));
            out.add("    last reload: " + manager.lastReload(source.name()).map(Status::reloadLine).orElse("none"));
            feeds.get().stream().filter(f -> f.set().equals(source.name())).forEach(f -> out.add(feedLine(f)));
        }
        CacheCounts counts = answerCache.get();
        out.add(String.format(Locale.ROOT, "Answer cache: %.0f%% hits (%d of %d lookups)", counts.hitRate() * 100,
                counts.hits(), counts.hits() + counts.misses()));
        replicas.get().forEach(out::add);
        return out.toString();
    }

    private String setLine(SetSource source) {
        String mark = source.name().equals(sets.defaultSet()) ? " (default)" : "";
        if (!sets.has(source.name())) {
            return "  " + source.name() + mark + ": not loaded";
        }
        PassageStore store = sets.get(source.name());
        int articles = store.articleSet().articles().size();
        return String.format(Locale.ROOT, "  %s%s: %d %s, %d passages, newest %s, version %s", source.name(), mark,
                articles, articles == 1 ? "article" : "articles", store.size(),
                store.articleSet().newest().map(Object::toString).orElse("undated"), store.articleSet().version());
    }

    private static String feedLine(FeedStatus f) {
        String line = String.format(Locale.ROOT, "    feed %s: %s at %s, %d items, newest %s", f.url(), f.result(),
                f.lastFetch().truncatedTo(ChronoUnit.SECONDS), f.items(),
                f.newest() == null ? "none" : f.newest().truncatedTo(ChronoUnit.SECONDS));
        if (f.failed()) {
            line += ", last good fetch " + (f.lastSuccess() == null ? "never" : f.lastSuccess()
                    .truncatedTo(ChronoUnit.SECONDS)) + "; its last good items are served";
        }
        return f.errors().isEmpty() ? line : line + "\n      " + f.errors().size() + " "
                + (f.errors().size() == 1 ? "error" : "errors") + ", first: " + f.errors().get(0);
    }

    private static String reloadLine(ReloadReport r) {
        String when = r.finishedAt().truncatedTo(ChronoUnit.SECONDS).toString();
        if (!r.ok()) {
            return String.format(Locale.ROOT, "%s, failed with %d %s (first: %s)", when, r.errors().size(),
                    r.errors().size() == 1 ? "error" : "errors", r.errors().get(0));
        }
        return String.format(Locale.ROOT, "%s, ok: %d added, %d removed, %d changed, %d embedded, %.2f s", when,
                r.added(), r.removed(), r.changed(), r.embedded(), r.seconds());
    }

    static String uptime(Duration d) {
        long days = d.toDays();
        return (days > 0 ? days + "d " : "") + String.format(Locale.ROOT, "%dh %02dm %02ds", d.toHoursPart(),
                d.toMinutesPart(), d.toSecondsPart());
    }
}
