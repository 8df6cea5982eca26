package dev.newsbot.ops.sets;

import dev.newsbot.articles.ArticleLoader;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.articles.ArticleSetException;
import dev.newsbot.articles.LoadResult;
import dev.newsbot.articles.Problem;
import dev.newsbot.index.IndexBuild;
import dev.newsbot.index.IndexDirectory;
import dev.newsbot.index.IndexException;
import dev.newsbot.index.IndexedSet;
import dev.newsbot.index.PassageStore;
import dev.newsbot.index.PriorIndex;
import dev.newsbot.index.SetIndex;
import dev.newsbot.index.SetIndexer;
import dev.newsbot.index.SetRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and reloads the configured article sets without downtime.
 *
 * <p>A reload of one set: reads and validates all of its files first, and on any problem keeps serving the
 * current version and reports every problem; otherwise indexes the new version on the calling thread while
 * questions are still answered from the old one, re-embedding only new and changed articles (the served version,
 * or at start-up the set's index on disk, supplies the rest; with an external search engine, the version that engine
 * serves, read back from it) into a new index version beside the served one, then
 * swaps it in with one atomic {@link SetRegistry#put}, so no question sees half a set. At start-up, an index on
 * disk that holds the very version loaded is served as it is: nothing is split, embedded or rebuilt.
 * Answers cached for the old version are never served again because the version is part of the cache key.
 * Reloads of one set are serialised by a per-set lock; reloads of different sets may run at once.
 *
 * <p>An index that is missing, damaged, truncated or made with other settings is logged and rebuilt; it is
 * never served from and never stops the start. A path holding something that is not our index is left untouched,
 * and the set indexed in memory. Thread-safe.
 */
public final class SetManager {

    private static final Logger log = LoggerFactory.getLogger(SetManager.class);

    private final Readiness readiness = new Readiness();
    private final SetRegistry registry;
    private final SetIndexer indexer;
    private final ArticleLoader loader;
    private final Clock clock;
    private final Map<String, SetSource> sources = new LinkedHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, ReloadReport> lastReports = new ConcurrentHashMap<>();
    private final List<Consumer<ReloadReport>> listeners = new CopyOnWriteArrayList<>();
    private final Instant startedAt;
    private final StorePublisher publisher;

    /** @param sources the sets to serve; names must be unique */
    public SetManager(SetRegistry registry, SetIndexer indexer, ArticleLoader loader, Collection<SetSource> sources,
                      Clock clock) {
        this(registry, indexer, loader, sources, clock, StorePublisher.IN_PROCESS);
    }

    /**
     * @param sources   the sets to serve; names must be unique
     * @param publisher where each new version goes before questions see it (an external search engine); a version
     *                  it fails to publish fails the reload, and the served one stays
     */
    public SetManager(SetRegistry registry, SetIndexer indexer, ArticleLoader loader, Collection<SetSource> sources,
                      Clock clock, StorePublisher publisher) {
        this.publisher = java.util.Objects.requireNonNull(publisher, "publisher");
        this.registry = registry;
        this.indexer = indexer;
        this.loader = loader;
        this.clock = clock;
        for (SetSource source : sources) {
            if (this.sources.put(source.name(), source) != null) {
                throw new IllegalArgumentException("SetManager.sources names set \"" + source.name() + "\" twice");
            }
            locks.put(source.name(), new ReentrantLock());
        }
        this.startedAt = clock.instant();
    }

    /** Calls {@code listener} after every load and reload, ok or not, on the reloading thread. */
    public void onReload(Consumer<ReloadReport> listener) {
        listeners.add(listener);
    }

    /**
     * Loads every set, in order, for the start.
     *
     * @throws SetLoadException when a set has problems, naming the set and listing every problem
     */
    public void loadAll() {
        for (String name : sources.keySet()) {
            ReloadReport report = reload(name);
            if (!report.ok()) {
                throw new SetLoadException(report);
            }
        }
    }

    /** Reloads every set in turn; one set's failure does not stop the others. */
    public List<ReloadReport> reloadAll() {
        return sources.keySet().stream().map(this::reload).toList();
    }

    /** Reloads one set on {@code executor}. */
    public CompletableFuture<ReloadReport> reloadAsync(String name, Executor executor) {
        return CompletableFuture.supplyAsync(() -> reload(name), executor);
    }

    /**
     * Loads or reloads the named set; waits while another reload of the same set runs.
     *
     * @throws NoSuchSetException when no set of that name is configured
     */
    public ReloadReport reload(String name) {
        SetSource source = source(name);
        ReentrantLock lock = locks.get(name);
        lock.lock();
        try {
            ReloadReport report = reloadLocked(source);
            lastReports.put(name, report);
            listeners.forEach(l -> l.accept(report));
            return report;
        } finally {
            lock.unlock();
        }
    }

    private ReloadReport reloadLocked(SetSource source) {
        long start = System.nanoTime();
        PassageStore served = registry.has(source.name()) ? registry.get(source.name()) : null;
        try {
            String fingerprint = source.bundled() ? null : loader.fingerprint(source.paths()).orElse(null);
            if (fingerprint != null && publisher.local(served) instanceof IndexedSet current
                    && fingerprint.equals(current.index().header().sources())) {
                return unchanged(source, served, start);
            }
            if (fingerprint != null && served == null) {
                Optional<ReloadReport> restored = restore(source, fingerprint, start);
                if (restored.isPresent()) {
                    return restored.get();
                }
            }
            List<Problem> problems = new ArrayList<>();
            ArticleSet set = load(source, problems);
            if (set == null) {
                List<String> errors = problems.stream().map(Problem::toString).toList();
                log.warn("Reload of set \"{}\" failed with {} problems; still serving {}", source.name(),
                        errors.size(), served == null ? "nothing" : served.articleSet().version());
                return failed(source, served, errors, start);
            }
            return index(source, set, served, fingerprint, start);
        } catch (RuntimeException e) {
            log.error("Reload of set \"{}\" failed", source.name(), e);
            return failed(source, served, List.of("reload failed: " + e), start);
        } catch (OutOfMemoryError e) {
            return outOfMemory(source, served, start);
        }
    }

    private ReloadReport unchanged(SetSource source, PassageStore served, long start) {
        String version = served.articleSet().version();
        return new ReloadReport(true, source.name(), version, version, 0, 0, 0, served.size(), 0,
                secondsSince(start), List.of(), clock.instant());
    }

    /**
     * At a start, the index on disk that records the very source files the set has now ({@link
     * ArticleLoader#fingerprint}) is served without reading them: its articles come from the index. Empty, after
     * logging why, when there is no such index.
     */
    private Optional<ReloadReport> restore(SetSource source, String fingerprint, long start) {
        if (source.snapshot() == null) {
            return Optional.empty();
        }
        SetIndex index;
        try {
            index = IndexDirectory.at(source.snapshot()).open(indexer.settings());
        } catch (IndexException e) {
            return Optional.empty();
        }
        if (!fingerprint.equals(index.header().sources())) {
            log.info("Set \"{}\": its files differ from those index {} was made from (or it does not say); "
                    + "reading them", source.name(), source.snapshot());
            index.close();
            return Optional.empty();
        }
        IndexedSet store;
        try {
            store = indexer.restore(source.name(), index);
        } catch (RuntimeException e) {
            index.close();
            log.warn("Set \"{}\": index {} cannot be served without its files ({}); reading them",
                    source.name(), source.snapshot(), e.getMessage());
            return Optional.empty();
        }
        try {
            serve(store);
            ReloadReport report = new ReloadReport(true, source.name(), store.articleSet().version(), null, 0, 0, 0,
                    store.size(), 0, secondsSince(start), List.of(), clock.instant());
            log.info("Set \"{}\": opened index {} of version {} ({} passages), made from these very files; "
                    + "neither read nor rebuilt", source.name(), source.snapshot(), store.articleSet().version(),
                    store.size());
            log.info(report.summary());
            return Optional.of(report);
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    /**
     * The article limits keep a load within bounds, but a set of many files can still outgrow the heap while it is
     * indexed. The new version's data is referenced only from this reload's frames, so once they are gone it can
     * be collected: the old version keeps serving, and the failure is reported and counted like any other.
     */
    private ReloadReport outOfMemory(SetSource source, PassageStore served, long start) {
        String error = "reload failed: out of memory; the set does not fit in the heap (-Xmx "
                + Runtime.getRuntime().maxMemory() / 1_000_000 + " MB) next to the version being served";
        log.error("Reload of set \"{}\" failed: {}", source.name(), error);
        return failed(source, served, List.of(error), start);
    }

    /** The whole set, or null with every problem added to {@code problems}. */
    private ArticleSet load(SetSource source, List<Problem> problems) {
        if (source.bundled()) {
            try {
                return loader.loadBundledDefault();
            } catch (ArticleSetException e) {
                problems.addAll(e.problems());
                return null;
            }
        }
        LoadResult result = loader.load(source.name(), source.paths());
        problems.addAll(result.problems());
        return result.isOk() ? result.set() : null;
    }

    private ReloadReport index(SetSource source, ArticleSet set, PassageStore served, String fingerprint,
                               long start) {
        String previous = served == null ? null : served.articleSet().version();
        if (set.version().equals(previous)) {
            return new ReloadReport(true, source.name(), previous, previous, 0, 0, 0, served.size(), 0,
                    secondsSince(start), List.of(), clock.instant());
        }
        IndexDirectory target = target(source);
        Prior prior = publisher.local(served) instanceof IndexedSet current ? new Prior(PriorIndex.of(current), null)
                : onDisk(source, target);
        if (prior.index() != null && prior.index().header().setVersion().equals(set.version())) {
            Optional<ReloadReport> opened = serveAsIs(source, set, prior.index(), start);
            if (opened.isPresent()) {
                return opened.get();
            }
            prior = new Prior(PriorIndex.none(), null);
        }
        boolean fromEngine = false;
        Optional<PriorIndex> engine = enginePrior(source, prior);
        if (engine.isPresent()) {
            prior = new Prior(engine.get(), null);
            fromEngine = true;
        }
        IndexBuild build;
        StorePublisher.Draft draft = StorePublisher.Draft.NONE;
        try {
            draft = publisher.draft(set, indexer.settings());
            build = indexer.index(set, prior.reuse(), new LogProgress(source.name(), log), target, fingerprint,
                    draft);
        } catch (RuntimeException | Error e) {
            draft.abandon();
            throw e;
        } finally {
            if (prior.index() != null) {
                prior.index().close();
            }
        }
        if (prior.index() != null) {
            log.info("Set \"{}\": reused {} of {} articles from index {}{}", source.name(),
                    build.diff().reused(), set.articles().size(), source.snapshot(),
                    prior.index().header().setName().equals(source.name()) ? ""
                            : " (an index of set \"" + prior.index().header().setName() + "\")");
        }
        if (fromEngine) {
            log.info("Set \"{}\": reused {} of {} articles from the version the search engine serves",
                    source.name(), build.diff().reused(), set.articles().size());
        }
        serve(build.store());
        double seconds = secondsSince(start);
        ReloadReport report = new ReloadReport(true, source.name(), set.version(), previous,
                build.diff().added().size(), build.diff().removed().size(), build.diff().changed().size(),
                build.diff().passages(), build.diff().embedded(), seconds, List.of(), clock.instant());
        log.info(report.summary());
        if (target != null) {
            log.info("Set \"{}\": index written to {}", source.name(), target.path());
        }
        return report;
    }

    /**
     * With an external search engine, the version it serves is what a build reuses: every replica shares it, and a
     * replica without an index of the set on disk has nothing else. When there is one, the local prior's index is
     * closed, as it is not used.
     */
    private Optional<PriorIndex> enginePrior(SetSource source, Prior local) {
        Optional<PriorIndex> engine;
        try {
            engine = publisher.prior(source.name(), indexer.settings());
        } catch (RuntimeException e) {
            if (local.index() != null) {
                local.index().close();
            }
            throw e;
        }
        if (engine.isPresent() && local.index() != null) {
            local.index().close();
        }
        return engine;
    }

    /** The index on disk holds this very version: it is served as it is, nothing rebuilt. */
    private Optional<ReloadReport> serveAsIs(SetSource source, ArticleSet set, SetIndex index, long start) {
        try {
            IndexedSet store = indexer.serve(set, index);
            serve(store);
            ReloadReport report = new ReloadReport(true, source.name(), set.version(), null, 0, 0, 0, store.size(),
                    0, secondsSince(start), List.of(), clock.instant());
            log.info("Set \"{}\": opened index {} of version {} ({} passages); nothing rebuilt", source.name(),
                    source.snapshot(), set.version(), store.size());
            log.info(report.summary());
            return Optional.of(report);
        } catch (IndexException e) {
            index.close();
            log.warn("Set \"{}\": index not used, it will be rebuilt ({}): {}", source.name(), e.reason(),
                    e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    /** Publishes the version, swaps it in, then lets the publisher clean up what it replaced. */
    private void serve(PassageStore built) {
        PassageStore published = publisher.publish(built);
        registry.put(published);
        publisher.served(published);
    }

    /**
     * What a build may reuse: the served version's index, or the one on disk (then also {@code index}, to be
     * closed after the build, or served as it is when it holds the very version being loaded).
     */
    private record Prior(PriorIndex reuse, SetIndex index) {
    }

    /** Where the set's index is written, or null to keep it in memory (no path, or a path that is not ours). */
    private IndexDirectory target(SetSource source) {
        if (source.snapshot() == null) {
            return null;
        }
        IndexDirectory target = IndexDirectory.at(source.snapshot());
        try {
            target.checkReplaceable();
            return target;
        } catch (IndexException e) {
            log.warn("Set \"{}\": the index is kept in memory only: {}", source.name(), e.getMessage());
            return null;
        }
    }

    private Prior onDisk(SetSource source, IndexDirectory target) {
        if (target == null) {
            return new Prior(PriorIndex.none(), null);
        }
        try {
            SetIndex index = target.open(indexer.settings());
            log.info("Set \"{}\": index {} holds {} passages of set \"{}\" version {}; unchanged articles are "
                    + "reused", source.name(), source.snapshot(), index.size(), index.header().setName(),
                    index.header().setVersion());
            try {
                return new Prior(PriorIndex.of(index), index);
            } catch (RuntimeException e) {
                index.close();
                throw e;
            }
        } catch (IndexException e) {
            if (e.reason() == IndexException.Reason.MISSING) {
                log.info("Set \"{}\" has no index yet at {}; indexing every article", source.name(),
                        source.snapshot());
            } else {
                log.warn("Set \"{}\": index not used, it will be rebuilt ({}): {}", source.name(), e.reason(),
                        e.getMessage());
            }
        } catch (RuntimeException e) {
            log.warn("Set \"{}\": index {} not used, it will be rebuilt: {}", source.name(), source.snapshot(),
                    e.toString());
        }
        return new Prior(PriorIndex.none(), null);
    }

    private ReloadReport failed(SetSource source, PassageStore served, List<String> errors, long start) {
        return ReloadReport.failed(source.name(), served == null ? null : served.articleSet().version(),
                served == null ? 0 : served.size(), errors, secondsSince(start), clock.instant());
    }

    private static double secondsSince(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private SetSource source(String name) {
        SetSource source = sources.get(name);
        if (source == null) {
            throw new NoSuchSetException(name, sources.keySet());
        }
        return source;
    }

    /** True once every configured set is being served and no other part says it is not ready. */
    public boolean ready() {
        return loading().isEmpty();
    }

    /**
     * What keeps the bot from being ready: the configured sets that are not served yet, then the reason of every
     * other part that reported itself not ready in {@link #readiness()} (e.g. {@code "telegram: getMe failing
     * (502), retrying in 8 s"}).
     */
    public List<String> loading() {
        List<String> out = new ArrayList<>(sources.keySet().stream().filter(name -> !registry.has(name)).toList());
        out.addAll(readiness.reasons());
        return out;
    }

    /** Where parts other than the sets (the Telegram front end) report that they are not ready, and why. */
    public Readiness readiness() {
        return readiness;
    }

    /** The configured sets, the default first. */
    public List<SetSource> sources() {
        return List.copyOf(sources.values());
    }

    public boolean has(String name) {
        return sources.containsKey(name);
    }

    /** The last load or reload of the set, if any. */
    public Optional<ReloadReport> lastReload(String name) {
        return Optional.ofNullable(lastReports.get(name));
    }

    /** When this manager was made: the bot's start, for uptime. */
    public Instant startedAt() {
        return startedAt;
    }

    /** Thrown by {@link #loadAll()} when a set cannot be loaded at the start. */
    public static final class SetLoadException extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient ReloadReport report;

        SetLoadException(ReloadReport report) {
            super("cannot load article set \"" + report.set() + "\": " + report.errors().size()
                    + (report.errors().size() == 1 ? " problem" : " problems")
                    + report.errors().stream().limit(20).map(e -> "\n  " + e).reduce("", String::concat)
                    + (report.errors().size() > 20 ? "\n  ... and " + (report.errors().size() - 20) + " more" : ""));
            this.report = report;
        }

        public ReloadReport report() {
            return report;
        }
    }
}
