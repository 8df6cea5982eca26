package dev.newsbot.app;

import dev.newsbot.answer.AnswerEngine;
import dev.newsbot.answer.AnswerService;
import dev.newsbot.answer.Answerability;
import dev.newsbot.answer.Answerer;
import dev.newsbot.answer.ExtractiveAnswerer;
import dev.newsbot.answer.LanguageNoticeEngine;
import dev.newsbot.answer.LanguageNotices;
import dev.newsbot.answer.RefusalTexts;
import dev.newsbot.answer.SearchOutageEngine;
import dev.newsbot.answer.StageTracer;
import dev.newsbot.answer.llm.LlmAnswerer;
import dev.newsbot.answer.llm.LlmPrompts;
import dev.newsbot.articles.ArticleLimits;
import dev.newsbot.articles.ArticleLoader;
import dev.newsbot.articles.RemoteArticles;
import dev.newsbot.bench.BenchEngine;
import dev.newsbot.cache.CachingAnswerEngine;
import dev.newsbot.cache.CachingEmbedder;
import dev.newsbot.chat.ChatService;
import dev.newsbot.chat.DefaultChatService;
import dev.newsbot.config.NewsbotConfig;
import dev.newsbot.config.PromptFiles;
import dev.newsbot.config.Secrets;
import dev.newsbot.config.TracingSwitch;
import dev.newsbot.fleet.Fleet;
import dev.newsbot.fleet.FleetSettings;
import dev.newsbot.index.PassageSplitter;
import dev.newsbot.index.SetIndexer;
import dev.newsbot.index.SetRegistry;
import dev.newsbot.index.TextAnalyzer;
import dev.newsbot.index.embedding.EmbeddingModels;
import dev.newsbot.index.embedding.InProcessEmbedder;
import dev.newsbot.index.embedding.TokenCounter;
import dev.newsbot.ops.AdminChecks;
import dev.newsbot.ops.AdminServer;
import dev.newsbot.ops.ArticleWatcher;
import dev.newsbot.ops.BotMetrics;
import dev.newsbot.ops.CachedGroupAdmins;
import dev.newsbot.ops.ChatSets;
import dev.newsbot.ops.Explanations;
import dev.newsbot.ops.GroupAdmins;
import dev.newsbot.ops.LastAnswers;
import dev.newsbot.ops.MeteredAnswerEngine;
import dev.newsbot.ops.SetChoices;
import dev.newsbot.ops.SetManager;
import dev.newsbot.ops.SetSource;
import dev.newsbot.ops.SourceRefresher;
import dev.newsbot.ops.Status;
import dev.newsbot.ops.Why;
import dev.newsbot.ops.tracing.OtelStageTracer;
import dev.newsbot.search.HybridRetriever;
import dev.newsbot.search.baseline.LangChainBaselineRetriever;
import dev.newsbot.sources.FeedReader;
import dev.newsbot.telegram.TelegramStores;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part from the configuration with plain constructors, and owns the threads
 * and resources they share.
 */
public final class Newsbot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Newsbot.class);

    private final NewsbotConfig config;
    private final Clock clock;
    private final ExecutorService modelPool;
    private final ExecutorService searchPool;
    private final ExecutorService llmPool = Executors.newCachedThreadPool(daemon("llm"));
    private final InProcessEmbedder embedder;
    private final SetIndexer indexer;
    private final SetRegistry sets;
    private final CachingAnswerEngine engine;
    private final Answerer answerer;
    private final RefusalTexts refusal;
    private final PromptFiles prompts;
    private final LanguageNotices notices;
    private final ChatService chat;
    private final Path home;
    private final BotMetrics metrics = new BotMetrics();
    private final Explanations lastAnswers;
    private final SetManager manager;
    private final SetChoices chatSets;
    /** The fleet this replica belongs to, only when {@code state.redis} is set; null otherwise. */
    private final Fleet fleet;
    private final AnswerEngine meteredEngine;
    private final ScheduledExecutorService opsScheduler = Executors.newSingleThreadScheduledExecutor(daemon("ops"));
    private final FeedReader feeds;
    private final SearchEngine search;
    /** The OpenTelemetry tracer, only when an OTLP endpoint is configured; null otherwise. */
    private final OtelStageTracer tracing;
    private AdminServer adminServer;
    private SourceRefresher refresher;
    private ArticleWatcher watcher;

    public Newsbot(NewsbotConfig config, Clock clock) {
        this(config, clock, AppHome.resolve());
    }

    /** @param home the application's own folder: indexes of the bundled set, the default state file */
    public Newsbot(NewsbotConfig config, Clock clock, Path home) {
        this.config = config;
        this.home = home;
        this.clock = clock;
        int cores = Runtime.getRuntime().availableProcessors();
        this.modelPool = Executors.newFixedThreadPool(cores, daemon("model"));
        this.searchPool = Executors.newFixedThreadPool(cores, daemon("search"));
        this.embedder = EmbeddingModels.create(config.retrieval().embeddingModel(), modelPool);
        TextAnalyzer analyzer = new TextAnalyzer();
        this.indexer = new SetIndexer(embedder,
                new PassageSplitter(new TokenCounter(), config.retrieval().maxPassageTokens()), analyzer, searchPool,
                cores);
        this.sets = new SetRegistry(config.articles().defaultSet());
        this.prompts = config.prompts() == null ? PromptFiles.fromEnvironment() : new PromptFiles(Path.of(config.prompts()));
        this.answerer = answerer(analyzer, prompts);
        this.notices = LanguageNotices.load(prompts);
        this.refusal = RefusalTexts.load(prompts);
        CachingEmbedder queryEmbedder = new CachingEmbedder(embedder, config.cache().embeddings());
        this.tracing = TracingSwitch.enabled() ? OtelStageTracer.autoconfigured() : null;
        StageTracer tracer = tracing == null ? StageTracer.NONE : tracing;
        AnswerEngine service = noticed(new AnswerService(sets, queryEmbedder, new HybridRetriever(), answerer,
                refusal, config.retrieval().passages(), tracer));
        this.engine = new CachingAnswerEngine(service, config.cache().answers());
        this.feeds = new FeedReader(config.sources(), feedUrls(config), clock);
        this.search = SearchEngine.of(config.search(), Secrets.fromEnvironment(), analyzer, embedder.dimension());
        this.manager = new SetManager(sets, indexer, new ArticleLoader(ArticleLimits.DEFAULTS, clock, feeds),
                SetSource.of(config, home), clock, search.publisher());
        search.watch(manager.readiness(), opsScheduler);
        this.fleet = config.state().redis() == null ? null : Fleet.connect(fleetSettings(config.state()), clock,
                metrics.registry(), manager.readiness());
        this.chatSets = fleet != null ? fleet.setChoices(sets.defaultSet(), manager::has, this::setNames)
                : new ChatSets(stateFile(), sets.defaultSet(), manager::has, this::setNames);
        this.lastAnswers = fleet != null ? fleet.explanations() : new LastAnswers(10_000);
        if (fleet != null) {
            fleet.reloads().follow(manager);
        }
        this.meteredEngine = new MeteredAnswerEngine(new SearchOutageEngine(engine, sets,
                prompts.load("search-unavailable.txt", Set.of(), Set.of("set")), this::searchDown), metrics);
        this.chat = new DefaultChatService(meteredEngine, sets, chatSets::setOf, clock, lastAnswers);
        metrics.cache("answers", engine::counts);
        metrics.sets(manager, sets);
        metrics.sources(feeds, clock);
    }

    private void searchDown(RuntimeException e) {
        metrics.searchUnavailable();
        search.down(e);
    }

    /** Every feed URL the sets list: their hosts are the ones the web sources may fetch from. */
    private static List<URI> feedUrls(NewsbotConfig config) {
        return config.articles().sets().values().stream().flatMap(List::stream)
                .flatMap(p -> RemoteArticles.urlOf(p).stream()).toList();
    }

    private List<String> setNames() {
        return manager.sources().stream().map(SetSource::name).toList();
    }

    /** This replica in the fleet: {@code state.replica} (default the host name) and a random suffix per start. */
    static FleetSettings fleetSettings(NewsbotConfig.State state) {
        String name = state.replica() != null ? state.replica() : hostName();
        String replica = name + "-" + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current()
                .nextInt(0x1000, 0x10000));
        return new FleetSettings(URI.create(state.redis()), state.redisPrefix(), replica,
                Duration.ofMillis(state.claimTimeoutMillis()), FleetSettings.DEFAULT_PARTITIONS);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName().replace(' ', '-');
        } catch (java.io.IOException e) {
            return "replica";
        }
    }

    private Path stateFile() {
        return config.state().file() != null ? Path.of(config.state().file()) : home.resolve("state.json");
    }

    /** The extractive answerer, or in {@code llm} mode the language model with the extractive one as fallback. */
    private Answerer answerer(TextAnalyzer analyzer, PromptFiles prompts) {
        Answerability answerability = config.answer().refusalThreshold() == null ? Answerability.bundled()
                : Answerability.bundled().withThreshold(config.answer().refusalThreshold());
        ExtractiveAnswerer extractive = new ExtractiveAnswerer(analyzer, config.answer().maxSentences(),
                answerability, embedder);
        if (!config.answer().mode().equals(LlmAnswerer.MODE)) {
            return extractive;
        }
        return LlmAnswerer.create(config.answer().llm(), Secrets.fromEnvironment().llmApiKey().orElse(null), LlmPrompts.load(prompts),
                embedder, analyzer, extractive, config.answer().maxSentences(), llmPool, metrics.registry());
    }

    /**
     * Loads and indexes every configured set, reusing each set's on-disk index when it matches; the default set is the
     * bundled seed article unless configured.
     *
     * @throws SetManager.SetLoadException naming the set and every problem when a set cannot be loaded
     */
    public void loadSets() {
        manager.loadAll();
    }

    /**
     * Starts the admin HTTP server on {@code admin.addr} (its {@code /admin/*} paths only when
     * {@code NEWSBOT_ADMIN_TOKEN} is set), the feed refresher when {@code sources.refresh} is set, and the article watcher when
     * {@code watch.enabled}. Call before {@link #loadSets()}, so that {@code /readyz} answers during the load.
     *
     * @return the admin server, when started
     */
    public Optional<AdminServer> startOps(Secrets secrets) {
        InetSocketAddress address = new InetSocketAddress(config.admin().host(), config.admin().port());
        secrets.adminToken().ifPresentOrElse(token -> adminServer = AdminServer.start(address, token, manager,
                metrics), () -> adminServer = healthOnly(address));
        if (config.watch().enabled()) {
            watcher = new ArticleWatcher(manager.sources(), manager::reload, opsScheduler,
                    Duration.ofMillis(config.watch().debounceMillis()));
            watcher.start();
        }
        config.sources().refreshEvery().ifPresent(every -> {
            refresher = new SourceRefresher(manager.sources(), manager::reload, opsScheduler, every);
            refresher.start();
        });
        return Optional.ofNullable(adminServer);
    }

    /**
     * Without an admin token, {@code /healthz}, {@code /readyz} and {@code /metrics} are still served on
     * {@code admin.addr} ({@code /admin/*} answers 401); a port already taken is logged, not fatal, since nothing
     * the operator configured needs it.
     */
    private AdminServer healthOnly(InetSocketAddress address) {
        try {
            return AdminServer.startWithoutToken(address, manager, metrics);
        } catch (RuntimeException e) {
            log.error("Cannot serve /healthz, /readyz and /metrics on admin.addr {}: {}", config.admin().addr(),
                    e.getMessage());
            return null;
        }
    }

    /** The answer path, metered (questions, latency). */
    public AnswerEngine engine() {
        return meteredEngine;
    }

    /** Where the benchmark's sets are searched: {@code search.engine}. */
    BenchEngine benchEngine() {
        return search.bench();
    }

    /** Loads, reloads and reports on the sets. */
    public SetManager manager() {
        return manager;
    }

    /** The set each chat uses; {@code /use} calls {@link SetChoices#use}. */
    public SetChoices chatSets() {
        return chatSets;
    }

    /** Who may run admin commands; {@code lookup} answers group-admin questions (getChatMember), cached here. */
    public AdminChecks adminChecks(GroupAdmins lookup) {
        return new AdminChecks(config.admin().userIds(), new CachedGroupAdmins(lookup,
                Duration.ofSeconds(config.admin().groupAdminTtlSeconds()), clock, 10_000));
    }

    /** The text of {@code /status}. */
    public Status status() {
        return new Status(manager, sets, engine::counts, clock, feeds::status,
                fleet == null ? List::of : fleet.reloads()::lines);
    }

    /**
     * Where the Telegram front end keeps its update queue and rate limits: in this process (the journal in
     * {@code NEWSBOT_HOME/telegram}), or with {@code state.redis} in the fleet's Redis.
     */
    public TelegramStores telegramStores() {
        return fleet == null ? TelegramStores.LOCAL : fleet.telegramStores();
    }

    /** The fleet this replica belongs to, when {@code state.redis} is set. */
    public Optional<Fleet> fleet() {
        return Optional.ofNullable(fleet);
    }

    /** The web sources: the last fetch of every feed. */
    public FeedReader feeds() {
        return feeds;
    }

    /** The text of {@code /why}, from the last answer of each chat. */
    public Why why() {
        return new Why(lastAnswers);
    }

    /** The metrics registry; the Telegram front end counts its API errors here. */
    public BotMetrics metrics() {
        return metrics;
    }

    public Path home() {
        return home;
    }

    /**
     * The plain LangChain4j default retrieval (dense only, {@code InMemoryEmbeddingStore}, top 10) over the same
     * sets, answered by the same answerer: the baseline evaluations compare against. Uncached.
     */
    public AnswerEngine baselineEngine() {
        return noticed(new AnswerService(sets, embedder, new LangChainBaselineRetriever(embedder.langChainModel()),
                answerer, refusal, config.retrieval().passages()));
    }

    /** The same answer path without the answer and query-embedding caches, for benchmarks. */
    public AnswerEngine uncachedEngine() {
        return noticed(new AnswerService(sets, embedder, new HybridRetriever(), answerer, refusal,
                config.retrieval().passages()));
    }

    /** {@code engine} behind the notice that questions asked in another language than English get instead. */
    private AnswerEngine noticed(AnswerEngine engine) {
        return new LanguageNoticeEngine(engine, sets, notices);
    }

    public ChatService chat() {
        return chat;
    }

    public SetRegistry sets() {
        return sets;
    }

    public SetIndexer indexer() {
        return indexer;
    }

    public InProcessEmbedder embedder() {
        return embedder;
    }

    /** The operator's prompt and message templates. */
    public PromptFiles prompts() {
        return prompts;
    }

    /** Where parts register their metrics: the registry {@code GET /metrics} scrapes. */
    public MeterRegistry meters() {
        return metrics.registry();
    }

    public Clock clock() {
        return clock;
    }

    public NewsbotConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (adminServer != null) {
            adminServer.close();
        }
        if (watcher != null) {
            watcher.close();
        }
        if (refresher != null) {
            refresher.close();
        }
        opsScheduler.shutdownNow();
        if (fleet != null) {
            fleet.close();
        }
        search.close();
        modelPool.shutdownNow();
        searchPool.shutdownNow();
        llmPool.shutdownNow();
        if (tracing != null) {
            tracing.close();
        }
    }

    static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "newsbot-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
