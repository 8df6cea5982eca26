package dev.newsbot.app;

import dev.newsbot.answer.AnswerEngine;
import dev.newsbot.answer.AnswerService;
import dev.newsbot.answer.Answerer;
import dev.newsbot.config.Template;
import dev.newsbot.retrieval.LangChainBaselineRetriever;
import dev.newsbot.answer.ExtractiveAnswerer;
import dev.newsbot.articles.ArticleLoader;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.cache.CachingAnswerEngine;
import dev.newsbot.cache.CachingEmbedder;
import dev.newsbot.chat.ChatService;
import dev.newsbot.chat.DefaultChatService;
import dev.newsbot.config.NewsbotConfig;
import dev.newsbot.config.PromptFiles;
import dev.newsbot.retrieval.HybridRetriever;
import dev.newsbot.retrieval.IndexedSet;
import dev.newsbot.retrieval.MiniLmEmbedder;
import dev.newsbot.retrieval.PassageSplitter;
import dev.newsbot.retrieval.SetIndexer;
import dev.newsbot.retrieval.SetRegistry;
import dev.newsbot.retrieval.TextAnalyzer;
import dev.newsbot.retrieval.TokenCounter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    private final MiniLmEmbedder embedder;
    private final SetIndexer indexer;
    private final SetRegistry sets;
    private final CachingAnswerEngine engine;
    private final Answerer answerer;
    private final Template refusal;
    private final ChatService chat;

    public Newsbot(NewsbotConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        int cores = Runtime.getRuntime().availableProcessors();
        this.modelPool = Executors.newFixedThreadPool(cores, daemon("model"));
        this.searchPool = Executors.newFixedThreadPool(cores, daemon("search"));
        this.embedder = new MiniLmEmbedder(modelPool);
        TextAnalyzer analyzer = new TextAnalyzer();
        this.indexer = new SetIndexer(embedder,
                new PassageSplitter(new TokenCounter(), config.retrieval().maxPassageTokens()), analyzer, searchPool,
                cores);
        this.sets = new SetRegistry(config.articles().defaultSet());
        PromptFiles prompts = config.prompts() == null ? PromptFiles.fromEnvironment() : new PromptFiles(Path.of(config.prompts()));
        this.answerer = new ExtractiveAnswerer(analyzer, config.answer().maxSentences(),
                config.answer().refusalThreshold());
        this.refusal = prompts.load("refusal.txt", Set.of("set"), AnswerService.REFUSAL_PLACEHOLDERS);
        AnswerEngine service = new AnswerService(sets, new CachingEmbedder(embedder, config.cache().embeddings()),
                new HybridRetriever(), answerer, refusal, config.retrieval().passages());
        this.engine = new CachingAnswerEngine(service, config.cache().answers());
        this.chat = new DefaultChatService(engine, sets, chatId -> sets.defaultSet(), clock);
    }

    /** Loads and indexes every configured set; the default set is the bundled seed article unless configured. */
    public void loadSets() {
        Map<String, List<String>> configured = config.articles().sets();
        if (!configured.containsKey(config.articles().defaultSet())) {
            serve(new ArticleLoader().loadBundledDefault());
        }
        configured.forEach((name, paths) -> serve(load(name, paths.stream().map(Path::of).toList())));
    }

    static ArticleSet load(String name, List<Path> paths) {
        return new ArticleLoader().load(name, paths).set();
    }

    private void serve(ArticleSet set) {
        long start = System.nanoTime();
        IndexedSet store = indexer.index(set, SetIndexer.Progress.NONE);
        sets.put(store);
        log.info("Serving article set \"{}\" version {}: {} articles, {} passages, indexed in {} ms", set.name(),
                set.version(), set.articles().size(), store.size(), (System.nanoTime() - start) / 1_000_000);
    }

    public AnswerEngine engine() {
        return engine;
    }

    /**
     * The plain LangChain4j default retrieval (dense only, {@code InMemoryEmbeddingStore}, top 10) over the same
     * sets, answered by the same answerer: the baseline evaluations compare against. Uncached.
     */
    public AnswerEngine baselineEngine() {
        return new AnswerService(sets, embedder, new LangChainBaselineRetriever(embedder.langChainModel()), answerer,
                refusal, config.retrieval().passages());
    }

    /** The same answer path without the answer and query-embedding caches, for benchmarks. */
    public AnswerEngine uncachedEngine() {
        return new AnswerService(sets, embedder, new HybridRetriever(), answerer, refusal,
                config.retrieval().passages());
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

    public MiniLmEmbedder embedder() {
        return embedder;
    }

    public Clock clock() {
        return clock;
    }

    public NewsbotConfig config() {
        return config;
    }

    @Override
    public void close() {
        modelPool.shutdownNow();
        searchPool.shutdownNow();
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
