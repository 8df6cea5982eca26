package dev.newsbot.ops.metrics;

import dev.newsbot.cache.AnswerMeter;
import dev.newsbot.cache.CacheCounts;
import dev.newsbot.index.SetRegistry;
import dev.newsbot.ops.sets.SetManager;
import dev.newsbot.ops.sets.SetSource;
import dev.newsbot.sources.FeedReader;
import dev.newsbot.sources.FeedStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The bot's metrics, in a Micrometer registry scraped as Prometheus text by {@code GET /metrics}.
 *
 * <p>Names as scraped: {@code newsbot_questions_total{outcome="answered|refused|failed"}},
 * {@code newsbot_answer_latency_seconds} (count, sum, max and the 0.5, 0.9 and 0.99 quantiles),
 * {@code newsbot_cache_hits_total{cache}} and {@code newsbot_cache_misses_total{cache}},
 * {@code newsbot_reloads_total{set,result="ok|failed"}}, {@code newsbot_set_articles{set}} and
 * {@code newsbot_set_passages{set}}, and {@code newsbot_telegram_api_errors_total{method,kind}}, which the Telegram
 * front end counts into {@link #registry()}; plus the JVM's memory, threads, CPU and {@code process_uptime_seconds}.
 * Thread-safe.
 */
public final class BotMetrics implements AnswerMeter {

    private final java.util.Map<String, FeedReader> newestBySet = new java.util.concurrent.ConcurrentHashMap<>();

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter answered = questions("answered");
    private final Counter refused = questions("refused");
    private final Counter failed = questions("failed");
    private final Counter searchUnavailable = Counter.builder("newsbot.search.unavailable")
            .description("Questions answered with the search-unavailable notice because the search engine could not "
                    + "be reached").register(registry);
    private final Timer latency = Timer.builder("newsbot.answer.latency")
            .description("Time to answer a question, cache hits included")
            .publishPercentiles(0.5, 0.9, 0.99).register(registry);
    /** The sources of the cache counters, held strongly for as long as the registry lives. */
    private final List<Supplier<CacheCounts>> cacheSources = new CopyOnWriteArrayList<>();

    public BotMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    private Counter questions(String outcome) {
        return Counter.builder("newsbot.questions").description("Questions answered, refused or failed")
                .tag("outcome", outcome).register(registry);
    }

    /** A question found the search engine unreachable ({@code newsbot_search_unavailable_total}). */
    public void searchUnavailable() {
        searchUnavailable.increment();
    }

    /** The registry, for meters of other parts (the Telegram front end counts its API errors here). */
    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** Counts one question by outcome and records how long it took. */
    @Override
    public void question(boolean wasRefused, long nanos) {
        (wasRefused ? refused : answered).increment();
        latency.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Counts one question that failed with an exception. */
    @Override
    public void questionFailed(long nanos) {
        failed.increment();
        latency.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /**
     * Exposes a cache's hits and misses under {@code cache=name}. Micrometer holds a function counter's source
     * only weakly, so {@code counts} (often a method reference made for this call) is kept here, or the first
     * garbage collection would turn both counters into nothing.
     */
    public void cache(String name, Supplier<CacheCounts> counts) {
        cacheSources.add(counts);
        FunctionCounter.builder("newsbot.cache.hits", counts, c -> c.get().hits()).tag("cache", name)
                .description("Cache lookups served from the cache").register(registry);
        FunctionCounter.builder("newsbot.cache.misses", counts, c -> c.get().misses()).tag("cache", name)
                .description("Cache lookups not in the cache").register(registry);
    }

    /** Exposes the article and passage counts of every served set, and counts reloads as they finish. */
    public void sets(SetManager manager, SetRegistry sets) {
        for (SetSource source : manager.sources()) {
            gauge("newsbot.set.articles", "Articles in the served version", source.name(), sets,
                    r -> r.has(source.name()) ? r.get(source.name()).articleSet().articles().size() : 0);
            gauge("newsbot.set.passages", "Passages in the served version", source.name(), sets,
                    r -> r.has(source.name()) ? r.get(source.name()).size() : 0);
        }
        manager.onReload(report -> Counter.builder("newsbot.reloads").description("Set loads and reloads")
                .tag("set", report.set()).tag("result", report.ok() ? "ok" : "failed").register(registry)
                .increment());
    }

    /**
     * Counts feed fetches ({@code newsbot_source_fetch_total{set,result}}, result {@code ok}, {@code not_modified}
     * or {@code failed}) and exposes the age of each feed set's newest item
     * ({@code newsbot_source_newest_item_age_seconds{set}}; 0 until a feed of the set has an item).
     */
    public void sources(FeedReader reader, java.time.Clock clock) {
        reader.onFetch(status -> {
            Counter.builder("newsbot.source.fetch").description("Feed fetches by set and result")
                    .tag("set", status.set()).tag("result", status.result()).register(registry).increment();
            if (newestBySet.putIfAbsent(status.set(), reader) == null) {
                Gauge.builder("newsbot.source.newest.item.age", reader, r -> newestAge(r, status.set(), clock))
                        .description("Seconds since the newest item of the set's feeds was published")
                        .baseUnit("seconds").tag("set", status.set()).register(registry);
            }
        });
    }

    private static double newestAge(FeedReader reader, String set, java.time.Clock clock) {
        return reader.status().stream().filter(s -> s.set().equals(set) && s.newest() != null)
                .map(FeedStatus::newest).max(java.util.Comparator.naturalOrder())
                .map(t -> (double) java.time.Duration.between(t, clock.instant()).toSeconds()).orElse(0.0);
    }

    private void gauge(String name, String description, String set, SetRegistry sets,
                       ToDoubleFunction<SetRegistry> value) {
        Gauge.builder(name, sets, value).description(description).tag("set", set).register(registry);
    }
}
