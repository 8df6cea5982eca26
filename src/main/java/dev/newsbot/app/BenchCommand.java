package dev.newsbot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.newsbot.articles.ArticleLoader;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.base.DaemonThreads;
import dev.newsbot.bench.BenchReport;
import dev.newsbot.bench.BenchSettings;
import dev.newsbot.bench.BenchSubject;
import dev.newsbot.bench.Benchmark;
import dev.newsbot.bench.SeedQuestion;
import dev.newsbot.eval.QuestionLoader;
import dev.newsbot.index.embedding.Embedder;
import dev.newsbot.index.embedding.MiniLmEmbedder;
import dev.newsbot.search.SearchBench;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures throughput, latency, memory and index figures over a set grown to N passages. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark ingest, search, answers, cache, index open and memory over N passages: real "
                + "passages replicated with perturbed vectors. Prints a table; --json writes the figures.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--articles", paramLabel = "PATH",
            description = "An article file or directory for the real passages (default: the bundled set, "
                    + "repeated). " + ArticlePaths.RULE)
    List<Path> articles = new ArrayList<>();

    @Mixin
    ConfigOption config = new ConfigOption();

    @Option(names = "--passages", paramLabel = "N", description = "Passages to search (default: ${DEFAULT-VALUE}).")
    int passages = BenchSettings.DEFAULT_PASSAGES;

    @Option(names = "--json", paramLabel = "OUT", description = "Write the figures as one JSON object to OUT.")
    Path json;

    @Option(names = "--questions", paramLabel = "FILE", description = "questions.jsonl files of real questions "
            + "(default: questions.jsonl beside the articles, else ../shared/eval/*/questions.jsonl, if any).")
    List<Path> questions = new ArrayList<>();

    @Option(names = "--sample", paramLabel = "N", description = "Real passages to embed (default: ${DEFAULT-VALUE}).")
    int sample = BenchSettings.DEFAULT_SAMPLE;

    @Option(names = "--queries", paramLabel = "N", description = "Timed queries per stage (default: ${DEFAULT-VALUE}).")
    int queries = BenchSettings.DEFAULT_QUERIES;

    @Option(names = "--warmup", paramLabel = "N", description = "Untimed queries first (default: ${DEFAULT-VALUE}).")
    int warmup = BenchSettings.DEFAULT_WARMUP;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--dev-sets", paramLabel = "FILE", description = "Dev sets' article files whose existing index "
            + "to open, timed, at the end (default: ../shared/eval/{mhr500,rtqa2022,rtqa2024}/articles.jsonl).")
    List<Path> devSets = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        BenchSettings settings = new BenchSettings(passages, sample, queries, warmup, seed);
        ArticleSet source = articles.isEmpty() ? new ArticleLoader().loadBundledDefault()
                : new ArticleLoader().load("bench-source", articles).set();
        List<Path> questionFiles = questions.isEmpty() ? findQuestionFiles() : questions;
        List<SeedQuestion> real = loadQuestions(questionFiles);
        PrintWriter err = spec.commandLine().getErr();
        err.println("bench: real questions from " + (questionFiles.isEmpty() ? "no file (article sentences only)"
                : questionFiles.toString()));
        Path workDir = Files.createTempDirectory("newsbot-bench");
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService boundedPool = Executors.newFixedThreadPool(cores, new DaemonThreads("newsbot-bench-model"));
        try (Newsbot bot = new Newsbot(config.load(), Clock.systemUTC())) {
            Map<String, Embedder> variants = new LinkedHashMap<>();
            variants.put("LangChain4j default (own executor, default ONNX session)", MiniLmEmbedder.langChainDefault());
            variants.put("bounded pool of " + cores + ", default ONNX session", MiniLmEmbedder.langChainDefault(boundedPool));
            Newsbot.Benchmarking parts = bot.benchmarking();
            BenchSubject subject = new BenchSubject(new SearchBench(parts.indexer(), parts.retriever()),
                    parts.sets(), parts.uncached(), parts.engine(), variants, parts.search());
            BenchReport report = new Benchmark(subject, settings, workDir, line -> {
                err.println("bench: " + line);
                err.flush();
            }).run(source, real, describe());
            PrintWriter out = spec.commandLine().getOut();
            out.print(report.table());
            out.flush();
            Map<String, Object> figures = new LinkedHashMap<>(report.json());
            figures.putAll(devSets(parts, out));
            if (json != null) {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), figures);
            }
        } finally {
            boundedPool.shutdownNow();
            Benchmark.deleteQuietly(workDir); // never in place of the failure that got here
        }
        return 0;
    }

    /**
     * Opens each dev set's existing index as a start does and answers its first question, printing a line each;
     * the figures by set name under {@code dev_set_open_s}, {@code dev_set_first_answer_ms} and
     * {@code dev_set_read_file}.
     */
    private Map<String, Object> devSets(Newsbot.Benchmarking parts, PrintWriter out) {
        List<Path> files = devSets.isEmpty() ? DevSetOpening.under(Path.of("..", "shared", "eval")) : devSets;
        DevSetOpening opening = new DevSetOpening(parts.indexer(), parts.uncached(), parts.sets(), parts.home(),
                parts.snapshotDir());
        Map<String, Object> open = new LinkedHashMap<>();
        Map<String, Object> answer = new LinkedHashMap<>();
        Map<String, Object> read = new LinkedHashMap<>();
        out.println("Opening each dev set's index (model loaded; checksums verified; first question answered):");
        for (Path file : files) {
            Path questionFile = file.toAbsolutePath().resolveSibling("questions.jsonl");
            List<SeedQuestion> first = Files.isRegularFile(questionFile) ? loadQuestions(List.of(questionFile))
                    : List.of();
            SeedQuestion question = first.isEmpty() ? new SeedQuestion("What happened?", LocalDate.now()) : first.get(0);
            DevSetOpening.Figures figures = opening.measure(file, question.text(), question.askedOn());
            out.println(figures.line());
            if (figures.skipped() == null) {
                open.put(figures.name(), Math.round(figures.openS() * 1000) / 1000.0);
                answer.put(figures.name(), Math.round(figures.answerMs() * 10) / 10.0);
                read.put(figures.name(), figures.readFile());
            }
        }
        out.flush();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dev_set_open_s", open);
        json.put("dev_set_first_answer_ms", answer);
        json.put("dev_set_read_file", read);
        return json;
    }

    private String describe() {
        return articles.isEmpty() ? "the bundled set" : String.join(", ", articles.stream().map(Path::toString).toList());
    }

    private List<Path> findQuestionFiles() {
        Set<Path> found = new LinkedHashSet<>();
        for (Path path : articles) {
            Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
            if (dir != null && Files.isRegularFile(dir.resolve("questions.jsonl"))) {
                found.add(dir.resolve("questions.jsonl"));
            }
        }
        if (found.isEmpty() && articles.isEmpty()) {
            found.addAll(sharedQuestionFiles(Path.of("..", "shared", "eval")));
        }
        return List.copyOf(found);
    }

    private static List<Path> sharedQuestionFiles(Path evalDir) {
        if (!Files.isDirectory(evalDir)) {
            return List.of();
        }
        try (Stream<Path> sets = Files.list(evalDir)) {
            return sets.map(set -> set.resolve("questions.jsonl")).filter(Files::isRegularFile)
                    .sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + evalDir, e);
        }
    }

    private static List<SeedQuestion> loadQuestions(List<Path> files) {
        List<SeedQuestion> loaded = new ArrayList<>();
        for (Path file : files) {
            QuestionLoader.load(file).forEach(q -> loaded.add(new SeedQuestion(q.question(), q.askedOn())));
        }
        return loaded;
    }
}
