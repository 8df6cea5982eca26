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
import dev.newsbot.base.DaemonThreads;
import dev.newsbot.bench.BenchEngine;
import dev.newsbot.cache.CachingAnswerEngine;
import dev.newsbot.cache.CachingEmbedder;
import dev.newsbot.cache.MeteredAnswerEngine;
import dev.newsbot.chat.ChatService;
import dev.newsbot.chat.DefaultChatService;
import dev.newsbot.config.NewsbotConfig;
import dev.newsbot.config.PromptFiles;
import dev.newsbot.config.Secrets;
import dev.newsbot.config.TracingSwitch;
import dev.newsbot.console.ConsoleChat;
import dev.newsbot.fleet.Fleet;
import dev.newsbot.fleet.FleetSettings;
import dev.newsbot.index.PassageSplitter;
import dev.newsbot.index.SetIndexer;
import dev.newsbot.index.SetRegistry;
import dev.newsbot.index.TextAnalyzer;
import dev.newsbot.index.embedding.EmbeddingModels;
import dev.newsbot.index.embedding.InProcessEmbedder;
import dev.newsbot.index.embedding.TokenCounter;
import dev.newsbot.ops.admin.AdminChecks;
import dev.newsbot.ops.admin.AdminServer;
import dev.newsbot.ops.admin.CachedGroupAdmins;
import dev.newsbot.ops.admin.GroupAdmins;
import dev.newsbot.ops.chats.ChatSets;
import dev.newsbot.ops.chats.SetChoices;
import dev.newsbot.ops.metrics.BotMetrics;
import dev.newsbot.ops.metrics.Status;
import dev.newsbot.ops.sets.ArticleWatcher;
import dev.newsbot.ops.sets.SetManager;
import dev.newsbot.ops.sets.SetSource;
import dev.newsbot.ops.sets.SourceRefresher;
import dev.newsbot.ops.tracing.OtelStageTracer;
import dev.newsbot.ops.why.Explanations;
import dev.newsbot.ops.why.LastAnswers;
import dev.newsbot.ops.why.Why;
import dev.newsbot.search.HybridRetriever;
import dev.newsbot.search.Retriever;
import dev.newsbot.search.baseline.LangChainBaselineRetriever;
import dev.newsbot.sources.FeedReader;
import dev.newsbot.telegram.TelegramBot;
import dev.newsbot.telegram.TelegramMetrics;
import dev.newsbot.telegram.TelegramOperators;
import dev.newsbot.telegram.TelegramSettings;
import dev.newsbot.telegram.TelegramStores;
import dev.newsbot.telegram.TelegramTexts;
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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part from the configuration with plain constructors, owns the threads and
 * resources they share, and hands each command only the parts it uses ({@link #answering()}, {@link #evaluation()},
 * {@link #benchmarking()}, {@link #indexing()}, {@link #operations()}, {@link #telegram}, {@link #console()}).
 * Every thread pool, server and client has one owner, {@link Resources}, which closes them in reverse order of
 * creation: on {@link #close()}, or when a part cannot be built.
 */
final class Newsbot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Newsbot.class);

    private final NewsbotConfig config;
    private final Clock clock;
    private final Path home;
    private final Resources resources;
    private final InProcessEmbedder embedder;
    private final SetIndexer indexer;
    private final SetRegistry sets;
    private final CachingAnswerEngine engine;
    private final Answerer answerer;
    private final RefusalTexts refusal;
    private final PromptFiles prompts;
    private final LanguageNotices notices;
    private final ChatService chat;
    private final BotMetrics metrics = new BotMetrics();
    private final Explanations lastAnswers;
    private final SetManager manager;
    private final SetChoices chatSets;
    /** The fleet this replica belongs to, only when {@code state.redis} is set; null otherwise. */
    private final Fleet fleet;
    private final AnswerEngine meteredEngine;
    private final ScheduledExecutorService opsScheduler;
    private final FeedReader feeds;
    private final SearchEngine search;
    private final Retriever retriever;

    Newsbot(NewsbotConfig config, Clock clock) {
        this(config, clock, AppHome.resolve());
    }

    /** @param home the application's own folder: indexes of the bundled set, the default state file */
    Newsbot(NewsbotConfig config, Clock clock, Path home) {
        this(config, clock, home, new Resources());
    }

    /**
     * Builds every part, registering what must be stopped with {@code resources}. When a part cannot be built, what
     * was already started is stopped, in reverse order of creation, before the failure is thrown.
     */
    Newsbot(NewsbotConfig config, Clock clock, Path home, Resources resources) {
        this.config = config;
        this.home = home;
        this.clock = clock;
        this.resources = resources;
        try {
            StageTracer tracer = TracingSwitch.enabled()
                    ? resources.own("tracing", OtelStageTracer.autoconfigured()) : StageTracer.NONE;
            int cores = Runtime.getRuntime().availableProcessors();
            ExecutorService modelPool = resources.pool("model pool",
                    Executors.newFixedThreadPool(cores, new DaemonThreads("newsbot-model")));
            ExecutorService searchPool = resources.pool("search pool",
                    Executors.newFixedThreadPool(cores, new DaemonThreads("newsbot-search")));
            ExecutorService llmPool = resources.pool("llm pool",
                    Executors.newCachedThreadPool(new DaemonThreads("newsbot-llm")));
            this.retriever = new HybridRetriever(resources.pool("retrieval pool",
                    Executors.newFixedThreadPool(cores, new DaemonThreads("newsbot-retrieval"))));
            this.embedder = EmbeddingModels.create(config.retrieval().embeddingModel(), modelPool);
            TextAnalyzer analyzer = new TextAnalyzer();
            this.indexer = new SetIndexer(embedder, new PassageSplitter(new TokenCounter(),
                    config.retrieval().maxPassageTokens()), analyzer, searchPool, cores,
                    !NewsbotConfig.Search.OPENSEARCH.equals(config.search().engine()));
            this.sets = new SetRegistry(config.articles().defaultSet());
            this.prompts = config.prompts() == null ? PromptFiles.fromEnvironment()
                    : new PromptFiles(Path.of(config.prompts()));
            Secrets secrets = Secrets.fromEnvironment();
            this.answerer = answerer(analyzer, prompts, secrets, llmPool);
            this.notices = LanguageNotices.load(prompts);
            this.refusal = RefusalTexts.load(prompts);
            CachingEmbedder queryEmbedder = new CachingEmbedder(embedder, config.cache().embeddings());
            AnswerEngine service = noticed(new AnswerService(sets, queryEmbedder, retriever, answerer,
                    refusal, config.retrieval().passages(), tracer));
            this.engine = new CachingAnswerEngine(service, config.cache().answers());
            this.feeds = new FeedReader(config.sources(), feedUrls(config), clock);
            this.search = resources.own("search engine",
                    SearchEngine.of(config.search(), secrets, analyzer, embedder.dimension()));
            this.manager = new SetManager(sets, indexer, new ArticleLoader(ArticleLimits.DEFAULTS, clock, feeds),
                    SetSource.of(config, home), clock, search.publisher());
            this.fleet = config.state().redis() == null ? null : resources.own("fleet", Fleet.connect(
                    fleetSettings(config.state()), clock, metrics.registry(), manager.readiness()));
            this.opsScheduler = resources.pool("ops scheduler",
                    Executors.newSingleThreadScheduledExecutor(new DaemonThreads("newsbot-ops")));
            search.watch(manager.readiness(), opsScheduler);
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
        } catch (RuntimeException | Error e) {
            resources.close();
            throw e;
        }
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
    private Answerer answerer(TextAnalyzer analyzer, PromptFiles prompts, Secrets secrets, ExecutorService llmPool) {
        Answerability answerability = config.answer().refusalThreshold() == null ? Answerability.bundled()
                : Answerability.bundled().withThreshold(config.answer().refusalThreshold());
        ExtractiveAnswerer extractive = new ExtractiveAnswerer(analyzer, config.answer().maxSentences(),
                answerability, embedder);
        if (!config.answer().mode().equals(LlmAnswerer.MODE)) {
            return extractive;
        }
        return LlmAnswerer.create(config.answer().llm(), secrets.llmApiKey().orElse(null), LlmPrompts.load(prompts),
                embedder, analyzer, extractive, config.answer().maxSentences(), llmPool, metrics.registry());
    }

    /**
     * Loads and indexes every configured set, reusing each set's on-disk index when it matches; the default set is the
     * bundled seed article unless configured.
     *
     * @throws SetManager.SetLoadException naming the set and every problem when a set cannot be loaded
     */
    void loadSets() {
        manager.loadAll();
    }

    /**
     * Starts the admin HTTP server on {@code admin.addr} (its {@code /admin/*} paths only when
     * {@code NEWSBOT_ADMIN_TOKEN} is set), the feed refresher when {@code sources.refresh} is set, and the article watcher when
     * {@code watch.enabled}. Call before {@link #loadSets()}, so that {@code /readyz} answers during the load.
     *
     * @return the admin server, when started
     */
    Optional<AdminServer> startOps(Secrets secrets) {
        InetSocketAddress address = new InetSocketAddress(config.admin().host(), config.admin().port());
        AdminServer adminServer = secrets.adminToken()
                .map(token -> AdminServer.start(address, token, manager, metrics)).orElseGet(() -> healthOnly(address));
        if (adminServer != null) {
            resources.own("admin server", adminServer);
        }
        if (config.watch().enabled()) {
            resources.own("article watcher", new ArticleWatcher(manager.sources(), manager::reload, opsScheduler,
                    Duration.ofMillis(config.watch().debounceMillis()))).start();
        }
        config.sources().refreshEvery().ifPresent(every -> resources.own("source refresher",
                new SourceRefresher(manager.sources(), manager::reload, opsScheduler, every)).start());
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

    /**
     * What {@code ask} and {@code chat} use.
     *
     * @param engine the answer path, metered (questions, latency)
     * @param sets   the loaded sets
     * @param clock  the day a question is asked on
     */
    record Answering(AnswerEngine engine, SetRegistry sets, Clock clock) {
    }

    Answering answering() {
        return new Answering(meteredEngine, sets, clock);
    }

    /**
     * What {@code eval} uses.
     *
     * @param engine   the answer path, metered
     * @param baseline builds the plain LangChain4j default retrieval (dense only, {@code InMemoryEmbeddingStore},
     *                 top 10) over the same sets, answered by the same answerer, uncached
     * @param sets     the loaded sets
     */
    record Evaluation(AnswerEngine engine, Supplier<AnswerEngine> baseline, SetRegistry sets) {
    }

    Evaluation evaluation() {
        return new Evaluation(meteredEngine, () -> noticed(new AnswerService(sets, embedder,
                new LangChainBaselineRetriever(embedder.langChainModel()), answerer, refusal,
                config.retrieval().passages())), sets);
    }

    /**
     * What {@code bench} uses.
     *
     * @param indexer     builds set indexes
     * @param retriever   the retriever both answer paths use
     * @param sets        the loaded sets
     * @param engine      the answer path, metered and cached
     * @param uncached    the same answer path without the answer and query-embedding caches
     * @param search      where the benchmark's sets are searched: {@code search.engine}
     * @param dimension   the embedding model's vector size
     * @param home        the application's folder
     * @param snapshotDir {@code articles.snapshotDir}, or null
     */
    record Benchmarking(SetIndexer indexer, Retriever retriever, SetRegistry sets, AnswerEngine engine,
                        AnswerEngine uncached, BenchEngine search, int dimension, Path home, String snapshotDir) {
    }

    Benchmarking benchmarking() {
        AnswerEngine uncached = noticed(new AnswerService(sets, embedder, retriever, answerer, refusal,
                config.retrieval().passages()));
        return new Benchmarking(indexer, retriever, sets, meteredEngine, uncached, search.bench(),
                embedder.dimension(), home, config.articles().snapshotDir());
    }

    /**
     * What {@code index} uses.
     *
     * @param indexer builds set indexes
     * @param home    the application's folder, where the bundled set's index is kept
     */
    record Indexing(SetIndexer indexer, Path home) {
    }

    Indexing indexing() {
        return new Indexing(indexer, home);
    }

    /**
     * What operators reach, over Telegram and in tests of the running bot.
     *
     * @param manager  loads, reloads and reports on the sets
     * @param chatSets the set each chat uses
     * @param status   the text of {@code /status}
     * @param why      the text of {@code /why}
     * @param metrics  the registry {@code GET /metrics} scrapes
     */
    record Operations(SetManager manager, SetChoices chatSets, Status status, Why why, BotMetrics metrics) {
    }

    Operations operations() {
        Status status = new Status(manager, sets, engine::counts, clock, feeds::status,
                fleet == null ? List::of : fleet.reloads()::lines);
        return new Operations(manager, chatSets, status, new Why(lastAnswers), metrics);
    }

    /**
     * The Telegram front end with the operator commands ({@code /use}, {@code /reload}, {@code /status},
     * {@code /why}), its durable inbox in {@code NEWSBOT_HOME/telegram/inbox.journal} (or with {@code state.redis}
     * the fleet's queue and rate limits), reporting to {@code /readyz}. The caller owns it, and closes it first.
     */
    TelegramBot telegram(TelegramSettings settings) {
        Operations ops = operations();
        TelegramOperators operators = TelegramOperators.of(this::adminChecks, ops.chatSets(), ops.manager(),
                ops.status(), ops.why());
        return new TelegramBot(settings, chat, TelegramTexts.load(prompts), clock,
                TelegramMetrics.micrometer(metrics.registry()), operators, home.resolve("telegram"),
                manager.readiness(), fleet == null ? TelegramStores.LOCAL : fleet.telegramStores());
    }

    /** Who may run admin commands; {@code lookup} answers group-admin questions (getChatMember), cached here. */
    private AdminChecks adminChecks(GroupAdmins lookup) {
        return new AdminChecks(config.admin().userIds(), new CachedGroupAdmins(lookup,
                Duration.ofSeconds(config.admin().groupAdminTtlSeconds()), clock, 10_000));
    }

    /** The console front end over the same chat service as Telegram's. */
    ConsoleChat console() {
        return new ConsoleChat(chat, clock);
    }

    /** {@code engine} behind the notice that questions asked in another language than English get instead. */
    private AnswerEngine noticed(AnswerEngine engine) {
        return new LanguageNoticeEngine(engine, sets, notices);
    }

    /** The names of what {@link #close()} stops, in the order it stops them. */
    List<String> closingOrder() {
        return resources.closingOrder();
    }

    /** Stops everything this root started, in reverse order of creation. */
    @Override
    public void close() {
        resources.close();
    }
}
