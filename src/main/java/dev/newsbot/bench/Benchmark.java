package dev.newsbot.bench;

import dev.newsbot.answer.Answer;
import dev.newsbot.answer.Question;
import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.index.Passage;
import dev.newsbot.index.PassageStore;
import dev.newsbot.index.embedding.Embedder;
import dev.newsbot.search.SearchBench;
import dev.newsbot.search.baseline.InMemoryVectorBaseline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Measures the bot's performance figures (see {@link BenchReport#KEYS}) on a set of real articles:
 *
 * <ol>
 *   <li>throughput: raw {@code embedAll} of the sample's passage texts against the whole ingest (split, embed,
 *       index) of the same articles, {@value #ROUNDS} rounds over {@value #PARTS} parts in alternating order;
 *       and the model variants' {@code embedAll} on one part;</li>
 *   <li>the sample's real vectors and passages are replicated to N (copies perturbed and renormalised), and the
 *       set's Lucene index is written in the work folder through {@link SearchBench#assemble}, without the model,
 *       with the heap measured after a full GC before and after;</li>
 *   <li>latencies, each after an untimed warm-up: dense top-10 search, the LangChain4j in-memory store over the
 *       same vectors, hybrid retrieval, the full uncached answer path and a cache hit; recall@10 of the dense
 *       search against an exact scan;</li>
 *   <li>the set's index on disk is opened as a restart does (memory-mapped, checksums verified, nothing rebuilt)
 *       and a first question answered from it.</li>
 * </ol>
 *
 * <p>Not thread-safe; one run at a time.
 */
public final class Benchmark {

    static final int K = 10;
    /** The candidate counts the in-process dense search is also timed and scored at, besides its default. */
    static final int[] CURVE = {400, 1_000, 2_000, 2_500, 3_000};
    /** The queries a linear-scan baseline is timed on, and its warm-ups. */
    static final int BASELINE_QUERIES = 100;
    static final int ROUNDS = 2;
    static final int PARTS = 4;
    private static final String SET_NAME = "bench";

    private final BenchSubject subject;
    private final BenchSettings settings;
    private final Path workDir;
    private final Consumer<String> progress;
    private final Random random;
    private final Map<String, Double> figures = new HashMap<>();
    private final Map<String, Double> details = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * @param workDir  where the index is written (and deleted afterwards)
     * @param progress receives a line as each stage starts
     */
    public Benchmark(BenchSubject subject, BenchSettings settings, Path workDir, Consumer<String> progress) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.random = new Random(settings.seed());
    }

    /**
     * Runs every stage on {@code source}'s articles, asking {@code realQuestions} (may be empty) besides questions
     * made from article sentences.
     */
    public BenchReport run(ArticleSet source, List<SeedQuestion> realQuestions, String sourceLabel) {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        ArticleSet sampleSet = BenchCorpus.sample(source, subject.search()::passageCount, settings.sample(),
                SET_NAME + "-sample");
        PassageStore sample = throughput(sampleSet);
        notes.add(String.format(Locale.ROOT, "real passages: %,d from %,d articles of %s%s", sample.size(),
                sampleSet.articles().size(), sourceLabel,
                sampleSet.articles().size() > source.articles().size() ? " (repeated with distinct ids)" : ""));
        List<Query> queries = queries(realQuestions, sampleSet, sample);
        BenchCorpus.Grown grown = BenchCorpus.grow(sample, settings.passages(), random, SET_NAME);
        notes.add(String.format(Locale.ROOT, "the %,d passages searched are the %,d real ones replicated with "
                + "distinct article ids; the copies' vectors are the real vectors plus Gaussian noise (sd %s per "
                + "component) renormalised", settings.passages(), sample.size(), BenchCorpus.NOISE));
        SearchBench.Built built = build(grown);
        try {
            PassageStore store = publish(built.store());
            subject.sets().put(store);
            try {
                dense(store, grown.vectors(), queries, subject.engine() == BenchEngine.IN_PROCESS ? built : null);
                retrievalAndAnswers(store, queries);
            } finally {
                subject.sets().remove(SET_NAME);
            }
            reopen(built);
        } finally {
            dropPublished(sampleSet);
        }
        notes.add(machine(loadBefore));
        return new BenchReport(figures, details, notes);
    }

    /**
     * The grown set as the engine serves it. An external engine's bulk write of it is timed against the model's
     * throughput: at or above 0.85 of it, the engine never slows a reload down.
     */
    private PassageStore publish(PassageStore built) {
        if (subject.engine() == BenchEngine.IN_PROCESS) {
            return built;
        }
        progress.accept(String.format(Locale.ROOT, "writing the %,d-passage set to %s", built.size(),
                subject.engine().name()));
        long start = System.nanoTime();
        PassageStore published = subject.engine().publish(built);
        double perSecond = built.size() / seconds(start);
        details.put(subject.engine().name() + "_bulk_passages_per_s", perSecond);
        details.put(subject.engine().name() + "_bulk_ratio (bulk over model throughput)",
                perSecond / figures.get("model_passages_per_s"));
        details.put(subject.engine().name() + "_bytes_per_passage",
                (double) subject.engine().storedBytes(published) / built.size());
        notes.add("engine: " + subject.engine().name() + " (ingest includes writing each part to it; dense, hybrid"
                + " and answer latencies are bot to node)");
        return published;
    }

    private void dropPublished(ArticleSet sampleSet) {
        subject.engine().drop(SET_NAME);
        subject.engine().drop("warm-up");
        for (ArticleSet part : parts(sampleSet)) {
            subject.engine().drop(part.name());
        }
    }

    /**
     * Raw {@code embedAll} against the whole ingest, on the same articles. The sample is cut into parts, and each
     * round measures both on every part in alternating order, so load from other processes falls on both alike.
     */
    private PassageStore throughput(ArticleSet sampleSet) {
        List<ArticleSet> parts = parts(sampleSet);
        List<List<String>> texts = parts.stream().map(subject.search()::embeddingTexts).toList();
        progress.accept(String.format(Locale.ROOT, "throughput: %,d passages in %d parts, %d rounds",
                texts.stream().mapToInt(List::size).sum(), parts.size(), ROUNDS));
        Embedder embedder = subject.search().embedder();
        embedder.embedAll(texts.get(0).subList(0, Math.min(texts.get(0).size(), 64)));
        SearchBench.Built warmUp = subject.search().index(ArticleSet.of("warm-up", sampleSet.articles().subList(0, 1)));
        subject.engine().publish(warmUp.store());
        warmUp.close();
        Rate model = new Rate();
        Rate ingest = new Rate();
        List<PassageStore> stores = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            stores.clear();
            for (int part = 0; part < parts.size(); part++) {
                List<String> partTexts = texts.get(part);
                ArticleSet articles = parts.get(part);
                boolean modelFirst = (round + part) % 2 == 0;
                if (modelFirst) {
                    model.time(partTexts.size(), () -> embedder.embedAll(partTexts));
                }
                stores.add(ingest.time(partTexts.size(), () -> subject.engine().ingest(subject.search(), articles)));
                if (!modelFirst) {
                    model.time(partTexts.size(), () -> embedder.embedAll(partTexts));
                }
            }
        }
        figures.put("model_passages_per_s", model.perSecond());
        figures.put("ingest_passages_per_s", ingest.perSecond());
        figures.put("ingest_ratio", ingest.perSecond() / model.perSecond());
        compareModels(texts.get(0));
        return join(sampleSet, stores);
    }

    /** The sample's articles in about {@link #PARTS} runs of consecutive articles. */
    private static List<ArticleSet> parts(ArticleSet sampleSet) {
        List<Article> articles = sampleSet.articles();
        int count = Math.min(PARTS, articles.size());
        List<ArticleSet> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(ArticleSet.of(sampleSet.name() + "-" + i,
                    articles.subList(articles.size() * i / count, articles.size() * (i + 1) / count)));
        }
        return parts;
    }

    /** The parts' stores as one store of the whole sample, from their passages and vectors. */
    private PassageStore join(ArticleSet sampleSet, List<PassageStore> stores) {
        List<Passage> passages = new ArrayList<>();
        List<Article> owners = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (PassageStore store : stores) {
            for (int row = 0; row < store.size(); row++) {
                passages.add(store.passage(row));
                owners.add(store.article(row));
                vectors.add(store.vector(row));
            }
        }
        return subject.search().assemble(sampleSet, passages, owners, vectors, null).store();
    }

    /**
     * {@code embedAll} throughput of the model variants against the indexed model on one part, one round per
     * set-up with the order rotated, so each runs once in every position.
     */
    private void compareModels(List<String> texts) {
        if (subject.modelVariants().isEmpty()) {
            return;
        }
        progress.accept(String.format(Locale.ROOT, "model set-ups compared on %,d passages", texts.size()));
        Map<String, Embedder> models = new LinkedHashMap<>();
        models.put("this project", subject.search().embedder());
        models.putAll(subject.modelVariants());
        models.values().forEach(model -> model.embedAll(texts.subList(0, Math.min(texts.size(), 16))));
        Map<String, Rate> rates = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(models.keySet());
        for (int round = 0; round < names.size(); round++) {
            for (String name : names) {
                rates.computeIfAbsent(name, n -> new Rate()).time(texts.size(), () -> models.get(name).embedAll(texts));
            }
            Collections.rotate(names, 1);
        }
        rates.forEach((name, rate) -> details.put("embedAll_passages_per_s: " + name, rate.perSecond()));
    }

    private List<Query> queries(List<SeedQuestion> real, ArticleSet sampleSet, PassageStore sample) {
        LocalDate askedOn = sampleSet.newest().map(d -> d.plusDays(1)).orElse(LocalDate.EPOCH);
        int count = settings.warmup() + settings.queries();
        List<Passage> passages = new ArrayList<>(sample.size());
        for (int row = 0; row < sample.size(); row++) {
            passages.add(sample.passage(row));
        }
        List<SeedQuestion> questions = BenchQuestions.build(real, passages, askedOn, count, random);
        long fromReal = questions.stream().filter(real::contains).count();
        notes.add(String.format(Locale.ROOT, "questions: %d warm-up then %d timed per stage; %d real questions, %d "
                + "made from article sentences%s", settings.warmup(), settings.queries(), fromReal,
                count - fromReal, real.isEmpty() ? " (no question file found: article sentences only)" : ""));
        Embedder embedder = subject.search().embedder();
        return questions.stream().map(q -> new Query(q, embedder.embed(q.text()))).toList();
    }

    private SearchBench.Built build(BenchCorpus.Grown grown) {
        progress.accept(String.format(Locale.ROOT, "building the %,d-passage set", grown.passages().size()));
        long before = usedHeapAfterGc();
        long start = System.nanoTime();
        SearchBench.Built built = subject.search().assemble(grown.set(), grown.passages(), grown.owners(),
                grown.vectors(), indexPath());
        PassageStore store = built.store();
        details.put("index_build_s", seconds(start));
        long after = usedHeapAfterGc();
        figures.put("passages", (double) store.size());
        figures.put("heap_bytes_per_passage", (double) (after - before) / store.size());
        figures.put("index_bytes_per_passage", (double) built.indexBytes() / store.size());
        details.put("store_heap_bytes_per_passage", (double) built.heapBytes() / store.size());
        return built;
    }

    /** @param curve the in-process index, to time and score at other candidate counts too; null for none */
    private void dense(PassageStore store, List<float[]> vectors, List<Query> queries, SearchBench.Built curve) {
        progress.accept("dense search and recall");
        Latencies dense = time(queries, q -> store.dense(q.vector, K, null).size());
        figures.put("search_p50_ms", dense.p50());
        figures.put("search_p99_ms", dense.p99());
        List<int[]> truth = timed(queries).stream().map(q -> exactTop(vectors, q.vector)).toList();
        figures.put("recall_at_10_vs_exact", recall(store, vectors, timed(queries), truth));
        if (curve != null) {
            curve(curve, vectors, queries, truth);
        }
        Latencies flat = timeBaseline(queries, q -> exactTop(vectors, q.vector).length);
        details.put("exact_float_scan_p50_ms (the flat alternative to HNSW)", flat.p50());
        details.put("exact_float_scan_p99_ms", flat.p99());
        progress.accept("LangChain4j InMemoryEmbeddingStore search");
        InMemoryVectorBaseline baseline = InMemoryVectorBaseline.of(vectors);
        Latencies inMemory = timeBaseline(queries, q -> baseline.search(q.vector, K).length);
        figures.put("inmemory_search_p50_ms", inMemory.p50());
        figures.put("search_speedup", inMemory.p50() / dense.p50());
    }

    /** Dense search timed and scored at each of {@link #CURVE}'s fixed candidate counts. */
    private void curve(SearchBench.Built built, List<float[]> vectors, List<Query> queries, List<int[]> truth) {
        for (int candidates : CURVE) {
            PassageStore fixed = built.withCandidates(candidates);
            Latencies at = time(queries, q -> fixed.dense(q.vector, K, null).size());
            String name = String.format(Locale.ROOT, "with %,d candidates: ", candidates);
            details.put(name + "recall_at_10_vs_exact", recall(fixed, vectors, timed(queries), truth));
            details.put(name + "search_p50_ms", at.p50());
            details.put(name + "search_p99_ms", at.p99());
        }
    }

    /**
     * The share of the exact top 10 the dense search returns. Rows tied with the exact tenth score count as found
     * whichever of them is returned: replicated sets (the bundled article repeated) hold identical vectors.
     */
    private static double recall(PassageStore store, List<float[]> vectors, List<Query> queries,
                                 List<int[]> exact) {
        double sum = 0;
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            int[] truth = exact.get(i);
            if (truth.length == 0) {
                sum += 1;
                continue;
            }
            float tenth = Float.MAX_VALUE;
            for (int row : truth) {
                tenth = Math.min(tenth, dot(vectors.get(row), q.vector));
            }
            float bar = tenth;
            long hits = store.dense(q.vector, K, null).stream()
                    .filter(hit -> dot(vectors.get(hit.row()), q.vector) >= bar).count();
            sum += (double) Math.min(hits, truth.length) / truth.length;
        }
        return sum / queries.size();
    }

    private static float dot(float[] v, float[] query) {
        float dot = 0;
        for (int i = 0; i < v.length; i++) {
            dot += v[i] * query[i];
        }
        return dot;
    }

    /** The rows of the {@link #K} vectors nearest {@code query} by an exact scan, ties by row. */
    private static int[] exactTop(List<float[]> vectors, float[] query) {
        int[] rows = new int[K];
        float[] scores = new float[K];
        int size = 0;
        for (int row = 0; row < vectors.size(); row++) {
            float score = dot(vectors.get(row), query);
            if (size == K && score <= scores[K - 1]) {
                continue;
            }
            int at = size < K ? size++ : K - 1;
            while (at > 0 && scores[at - 1] < score) {
                scores[at] = scores[at - 1];
                rows[at] = rows[at - 1];
                at--;
            }
            scores[at] = score;
            rows[at] = row;
        }
        return java.util.Arrays.copyOf(rows, size);
    }

    private void retrievalAndAnswers(PassageStore store, List<Query> queries) {
        progress.accept("hybrid retrieval");
        Latencies hybrid = time(queries, q -> subject.search().retrieve(store, q.question.text(), q.vector,
                q.question.askedOn(), K).size());
        figures.put("hybrid_p50_ms", hybrid.p50());
        progress.accept("answers, uncached");
        Map<String, Latencies> stages = new LinkedHashMap<>();
        Latencies answers = time(queries, q -> {
            Answer answer = subject.answers().answer(question(q));
            answer.timings().forEach((stage, ms) -> stages.computeIfAbsent(stage, s -> new Latencies(queries.size()))
                    .add(Math.round(ms * 1e6)));
            return answer.sentences().size();
        });
        figures.put("answer_p50_ms", answers.p50());
        figures.put("answer_p99_ms", answers.p99());
        stages.forEach((stage, latencies) -> {
            details.put("answer_" + stage + "_p50_ms", latencies.p50());
            details.put("answer_" + stage + "_p99_ms", latencies.p99());
        });
        progress.accept("answers, cache hits");
        queries.forEach(q -> subject.cachedAnswers().answer(question(q)));
        Latencies hits = time(queries, q -> requireCached(subject.cachedAnswers().answer(question(q))));
        figures.put("cache_hit_p50_ms", hits.p50());
    }

    private static Question question(Query q) {
        return Question.of(q.question.text(), q.question.askedOn(), SET_NAME);
    }

    private static int requireCached(Answer answer) {
        if (!answer.cached()) {
            throw new IllegalStateException("a repeated question was not answered from the cache: "
                    + answer.question().text());
        }
        return 1;
    }

    private Path indexPath() {
        return workDir.resolve("bench-" + ProcessHandle.current().pid() + ".newsbot-index");
    }

    /**
     * Opens the grown set's index as a restart does (memory-mapped, checksums verified, nothing rebuilt) and answers
     * a first question from it: {@code open_s}. Then deletes the index.
     */
    private void reopen(SearchBench.Built built) {
        progress.accept("open the index and answer a first question");
        PassageStore store = built.store();
        try {
            usedHeapAfterGc();
            long start = System.nanoTime();
            SearchBench.Built opened = subject.search().open(store.articleSet(), indexPath());
            subject.sets().put(subject.engine().publish(opened.store()));
            try {
                Answer first = subject.answers().answer(Question.of("What happened to the coastal city?",
                        store.articleSet().newest().map(d -> d.plusDays(1)).orElse(LocalDate.EPOCH), SET_NAME));
                Objects.requireNonNull(first, "answer");
            } finally {
                subject.sets().remove(SET_NAME);
            }
            double openSeconds = seconds(start);
            double reembed = store.size() / figures.get("model_passages_per_s");
            figures.put("open_s", openSeconds);
            figures.put("reembed_s_estimate", reembed);
            figures.put("open_speedup", reembed / openSeconds);
            opened.close();
        } finally {
            built.close();
            deleteQuietly(indexPath());
        }
    }

    /** The machine and how busy it was: other processes share the cores, so figures vary with the load. */
    private static String machine(double loadBefore) {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "machine: %d cores%s, Java %s, max heap %,d MB; load average %.1f at "
                        + "the start, %.1f at the end", runtime.availableProcessors(), cpuModel(),
                System.getProperty("java.vm.version"), runtime.maxMemory() >> 20, loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String cpuModel() {
        try (java.util.stream.Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> " (" + line.substring(line.indexOf(':') + 1).strip() + ")").orElse("");
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private Latencies time(List<Query> queries, ToLongFunction<Query> operation) {
        return time(queries.subList(0, settings.warmup()), timed(queries), operation);
    }

    private Latencies time(List<Query> warmups, List<Query> timed, ToLongFunction<Query> operation) {
        long sink = 0;
        for (Query q : warmups) {
            sink += operation.applyAsLong(q);
        }
        Latencies latencies = new Latencies(timed.size());
        for (Query q : timed) {
            long start = System.nanoTime();
            sink += operation.applyAsLong(q);
            latencies.add(System.nanoTime() - start);
        }
        if (sink == Long.MIN_VALUE) {
            progress.accept("");
        }
        return latencies;
    }

    /**
     * Times a linear scan (the exact one, LangChain4j's in-memory store) on the first {@link #BASELINE_QUERIES}
     * timed queries after as many warm-ups: a scan of 1,000,000 vectors takes a good part of a second, and its p50
     * over that many queries is steady.
     */
    private Latencies timeBaseline(List<Query> queries, ToLongFunction<Query> operation) {
        List<Query> timed = timed(queries);
        return time(queries.subList(0, Math.min(settings.warmup(), BASELINE_QUERIES)),
                timed.subList(0, Math.min(timed.size(), BASELINE_QUERIES)), operation);
    }

    private List<Query> timed(List<Query> queries) {
        return queries.subList(settings.warmup(), queries.size());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Heap in use after full collections, taking the lowest of a few readings. */
    static long usedHeapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Deletes {@code folder} and all in it as far as it can, never throwing: a work folder's clean-up. */
    public static void deleteQuietly(Path folder) {
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // Best effort: the work folder is the caller's.
        }
    }

    private record Query(SeedQuestion question, float[] vector) {
    }

    /** Items per second over every timed call. */
    private static final class Rate {
        private long items;
        private long nanos;

        <T> T time(int count, java.util.function.Supplier<T> work) {
            long start = System.nanoTime();
            T result = work.get();
            nanos += System.nanoTime() - start;
            items += count;
            return result;
        }

        double perSecond() {
            return items / (nanos / 1e9);
        }
    }
}
