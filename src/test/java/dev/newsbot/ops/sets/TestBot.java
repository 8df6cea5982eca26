package dev.newsbot.ops.sets;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbot.answer.AnswerService;
import dev.newsbot.answer.ExtractiveAnswerer;
import dev.newsbot.answer.RefusalTexts;
import dev.newsbot.answer.StageTracer;
import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleLoader;
import dev.newsbot.articles.Published;
import dev.newsbot.cache.CachingAnswerEngine;
import dev.newsbot.config.Template;
import dev.newsbot.index.PassageSplitter;
import dev.newsbot.index.SetIndexer;
import dev.newsbot.index.SetRegistry;
import dev.newsbot.index.TextAnalyzer;
import dev.newsbot.index.embedding.Embedder;
import dev.newsbot.index.embedding.HashingEmbedder;
import dev.newsbot.index.embedding.TokenCounter;
import dev.newsbot.search.HybridRetriever;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** The real answer path over real article files, with the hashing embedder standing in for the model. */
public final class TestBot {

    public static final LocalDate DAY = LocalDate.of(2022, 7, 1);
    private static final ObjectMapper JSON = new ObjectMapper();

    public final HashingEmbedder hashing = new HashingEmbedder();
    public final Embedder embedder;
    public final SetIndexer indexer;
    public final SetRegistry registry = new SetRegistry("news");
    /** The loader of every manager this bot makes: {@link ArticleLoader#loads()} says how often files were read. */
    public final ArticleLoader loader = new ArticleLoader();
    public final CachingAnswerEngine engine;

    public TestBot() {
        this((Integer) null);
    }

    /** @param passageDelayMillis when set, embedding passages (not questions) sleeps this long per passage */
    public TestBot(Integer passageDelayMillis) {
        this(passageDelayMillis, 110);
    }

    public TestBot(Integer passageDelayMillis, int maxPassageTokens) {
        this(passageDelayMillis, maxPassageTokens, StageTracer.NONE);
    }

    /** @param tracer receives the stages of each question */
    public TestBot(StageTracer tracer) {
        this(null, 110, tracer);
    }

    private TestBot(Integer passageDelayMillis, int maxPassageTokens, StageTracer tracer) {
        this.embedder = passageDelayMillis == null ? hashing : new SlowEmbedder(hashing, passageDelayMillis);
        TextAnalyzer analyzer = new TextAnalyzer();
        this.indexer = new SetIndexer(embedder, new PassageSplitter(new TokenCounter(), maxPassageTokens), analyzer);
        Template refusal = Template.parse("refusal", "Not in {{set}}.", Set.of("set"),
                RefusalTexts.PLACEHOLDERS);
        AnswerService service = new AnswerService(registry, embedder, new HybridRetriever(),
                new ExtractiveAnswerer(analyzer, 2), new RefusalTexts(refusal, refusal, refusal), 6, tracer);
        this.engine = new CachingAnswerEngine(service, "maximumSize=1000");
    }

    public SetManager manager(SetSource... sources) {
        return manager(StorePublisher.IN_PROCESS, sources);
    }

    /** A manager that publishes every version through {@code publisher} (an external search engine). */
    public SetManager manager(StorePublisher publisher, SetSource... sources) {
        return new SetManager(registry, indexer, loader, List.of(sources), Clock.systemUTC(), publisher);
    }

    /** {@code n} articles, each about its own town; {@code edition} changes every number in them. */
    public static List<Article> towns(int n, int edition) {
        List<Article> articles = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            articles.add(town(k, edition));
        }
        return articles;
    }

    public static Article town(int k, int edition) {
        int schools = k + 1000 * edition;
        return new Article("town-" + k, "Mayor of Town" + k + " opens schools", "Daily " + k,
                "https://example.com/town/" + k, Published.ofDate(DAY.minusDays(1 + k % 20)), null,
                "The mayor of Town" + k + " opened " + schools + " new schools on Monday. Parents in Town" + k
                        + " welcomed the " + schools + " schools. The council of Town" + k + " approved the plan.");
    }

    public static Path writeJsonl(Path file, List<Article> articles) {
        StringBuilder text = new StringBuilder();
        for (Article a : articles) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", a.id());
            line.put("url", a.url());
            line.put("title", a.title());
            line.put("source", a.source());
            line.put("published", a.published() == null ? null : a.published().toString());
            line.put("author", a.author());
            line.put("body", a.body());
            try {
                text.append(JSON.writeValueAsString(line)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Delays passage embedding, to make index builds take a while; counts concurrent builds. */
    public static final class SlowEmbedder implements Embedder {
        private final Embedder delegate;
        private final int delayMillis;
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxRunning = new AtomicInteger();

        SlowEmbedder(Embedder delegate, int delayMillis) {
            this.delegate = delegate;
            this.delayMillis = delayMillis;
        }

        @Override
        public float[] embed(String text) {
            return delegate.embed(text);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep((long) delayMillis * texts.size());
                return delegate.embedAll(texts);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public int dimension() {
            return delegate.dimension();
        }

        @Override
        public String modelName() {
            return delegate.modelName();
        }
    }
}
