package dev.newsbot.answer.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbot.articles.ArticleLoader;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.index.IndexedSet;
import dev.newsbot.index.PassageSplitter;
import dev.newsbot.index.Scored;
import dev.newsbot.index.SetIndexer;
import dev.newsbot.index.TextAnalyzer;
import dev.newsbot.index.embedding.MiniLmEmbedder;
import dev.newsbot.index.embedding.TokenCounter;
import dev.newsbot.search.RetrievedPassage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures how well the verifier's support score separates a sentence's own passage from other passages, with
 * the real MiniLM model, and checks that {@link CitationVerifier#THRESHOLD} keeps the separation it was chosen
 * for. Sentences: the MultiHop-RAG evidence sentences of {@code mhr500} (supported by the passage of their gold
 * article), and sentences sampled from the RealTime QA articles of {@code rtqa2022} (full-length articles, so
 * passages of several sentences). Negatives: the same sentence with the most similar passage of another article
 * (hard) and with a random passage of another article (easy). Prints the figures; skipped without the shared
 * eval folder.
 */
class CitationVerifierCalibrationIT {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer();
    private static ExecutorService pool;
    private static MiniLmEmbedder embedder;

    @BeforeAll
    static void startModel() {
        pool = Executors.newFixedThreadPool(2);
        embedder = new MiniLmEmbedder(pool);
    }

    @AfterAll
    static void stopModel() {
        pool.shutdownNow();
    }

    /**
     * One sentence scored against its own passage, against the same passage when the sentence is reworded
     * (a third of its lower-case words replaced by words of other sentences: a harsher change than a model's
     * paraphrase, which keeps meaning), against the most similar passage of another article, and against a
     * random one.
     */
    record Pair(String sentence, CitationVerifier.Support positive, CitationVerifier.Support reworded,
                CitationVerifier.Support hard, CitationVerifier.Support easy, String hardText, boolean hardFacts) {
    }

    @Test
    void should_separate_evidence_from_other_articles_in_mhr500() throws IOException {
        Path dir = evalDir("mhr500");
        Set<String> evidence = new LinkedHashSet<>();
        for (String line : Files.readAllLines(dir.resolve("questions.jsonl"))) {
            new ObjectMapper().readTree(line).path("evidence").forEach(e -> evidence.add(e.asText()));
        }
        List<Pair> pairs = pairs(index("mhr500", dir), List.copyOf(evidence));

        report("mhr500 evidence", pairs);
        assertSeparation(pairs, 0.99, 0.80, 0.03);
    }

    @Test
    void should_separate_sentences_from_other_articles_in_full_news_articles() throws IOException {
        Path dir = evalDir("rtqa2022");
        IndexedSet store = index("rtqa2022", dir);
        List<String> sentences = new ArrayList<>();
        dev.newsbot.index.TestSets.passages(store).forEach(p -> p.sentences().stream()
                .filter(s -> s.split("\\s+").length >= 8 && s.split("\\s+").length <= 40).forEach(sentences::add));
        java.util.Collections.shuffle(sentences, new Random(7));
        List<Pair> pairs = pairs(store, sentences.subList(0, 400));

        report("rtqa2022 sentences", pairs);
        assertSeparation(pairs, 0.99, 0.75, 0.06);
    }

    private static void assertSeparation(List<Pair> pairs, double minPass, double minReworded, double maxHardAccept) {
        double pass = share(pairs, p -> p.positive().score() >= CitationVerifier.THRESHOLD);
        double reworded = share(pairs, p -> p.reworded().score() >= CitationVerifier.THRESHOLD);
        double hard = share(pairs, p -> p.hard().score() >= CitationVerifier.THRESHOLD);
        double easy = share(pairs, p -> p.easy().score() >= CitationVerifier.THRESHOLD);
        assertThat(pass).as("supported sentences kept").isGreaterThanOrEqualTo(minPass);
        assertThat(reworded).as("reworded supported sentences kept").isGreaterThanOrEqualTo(minReworded);
        assertThat(hard).as("hard negatives accepted").isLessThanOrEqualTo(maxHardAccept);
        assertThat(easy).as("easy negatives accepted").isLessThanOrEqualTo(0.01);
    }

    private static List<Pair> pairs(IndexedSet store, List<String> sentences) {
        CitationVerifier verifier = new CitationVerifier(ANALYZER, embedder);
        List<float[]> vectors = embedder.embedAll(sentences);
        Random random = new Random(42);
        List<String> reworded = sentences.stream().map(s -> reword(s, sentences, random)).toList();
        List<float[]> rewordedVectors = embedder.embedAll(reworded);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            int own = ownRow(store, s);
            if (own < 0) {
                continue;
            }
            String article = store.article(own).id();
            int hard = store.dense(vectors.get(i), store.size(), null).stream().map(Scored::row)
                    .filter(r -> !store.article(r).id().equals(article)).findFirst().orElseThrow();
            int easy;
            do {
                easy = random.nextInt(store.size());
            } while (store.article(easy).id().equals(article));
            pairs.add(new Pair(s, verifier.support(s, vectors.get(i), passage(store, own), store),
                    verifier.support(reworded.get(i), rewordedVectors.get(i), passage(store, own), store),
                    verifier.support(s, vectors.get(i), passage(store, hard), store),
                    verifier.support(s, vectors.get(i), passage(store, easy), store),
                    store.passage(hard).text(),
                    CitationVerifier.missingFact(s, CitationVerifier.factText(List.of(passage(store, hard)))) == null));
        }
        return pairs;
    }

    private static String reword(String sentence, List<String> all, Random random) {
        String[] words = sentence.split(" ");
        for (int i = 0; i < words.length; i++) {
            if (words[i].matches("\\p{Ll}{3,}[,.]?") && random.nextInt(3) == 0) {
                String[] other = all.get(random.nextInt(all.size())).split(" ");
                words[i] = other[random.nextInt(other.length)].toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
            }
        }
        return String.join(" ", words);
    }

    private static int ownRow(IndexedSet store, String sentence) {
        for (int row = 0; row < store.size(); row++) {
            if (store.passage(row).text().contains(sentence)) {
                return row;
            }
        }
        return -1;
    }

    private static RetrievedPassage passage(IndexedSet store, int row) {
        return new RetrievedPassage(row, store.passage(row), store.article(row), 0, 0, 0, 0);
    }

    private static void report(String name, List<Pair> pairs) {
        System.out.printf(Locale.ROOT, "%n== %s: %d sentences; threshold %.2f, overlap weight %.2f%n", name,
                pairs.size(), CitationVerifier.THRESHOLD, CitationVerifier.OVERLAP_WEIGHT);
        line("positive score", pairs.stream().mapToDouble(p -> p.positive().score()).toArray());
        line("reworded score", pairs.stream().mapToDouble(p -> p.reworded().score()).toArray());
        line("hard-neg score", pairs.stream().mapToDouble(p -> p.hard().score()).toArray());
        line("easy-neg score", pairs.stream().mapToDouble(p -> p.easy().score()).toArray());
        line("positive cosine", pairs.stream().mapToDouble(p -> p.positive().cosine()).toArray());
        line("hard-neg cosine", pairs.stream().mapToDouble(p -> p.hard().cosine()).toArray());
        line("positive overlap", pairs.stream().mapToDouble(p -> p.positive().overlap()).toArray());
        line("reworded cosine", pairs.stream().mapToDouble(p -> p.reworded().cosine()).toArray());
        line("reworded overlap", pairs.stream().mapToDouble(p -> p.reworded().overlap()).toArray());
        line("hard-neg overlap", pairs.stream().mapToDouble(p -> p.hard().overlap()).toArray());
        for (double w : new double[] {0.3, 0.4, 0.5, 0.6, 0.7}) {
            for (double t = 0.40; t <= 0.801; t += 0.05) {
                double tt = t;
                double pass = share(pairs, p -> w * p.positive().overlap() + (1 - w) * p.positive().cosine() >= tt);
                double rew = share(pairs, p -> w * p.reworded().overlap() + (1 - w) * p.reworded().cosine() >= tt);
                double hard = share(pairs, p -> w * p.hard().overlap() + (1 - w) * p.hard().cosine() >= tt);
                double easy = share(pairs, p -> w * p.easy().overlap() + (1 - w) * p.easy().cosine() >= tt);
                System.out.printf(Locale.ROOT, "w=%.1f t=%.2f  kept %.3f  reworded kept %.3f  hard accepted %.3f  easy accepted %.3f%n",
                        w, t, pass, rew, hard, easy);
            }
        }
        List<Pair> over = pairs.stream().filter(p -> p.hard().score() >= CitationVerifier.THRESHOLD).toList();
        List<Pair> passed = over.stream().filter(Pair::hardFacts).toList();
        System.out.printf(Locale.ROOT, "hard negatives over the threshold: %d (%.3f); also passing the number and name "
                + "check: %d (%.3f)%n", over.size(), over.size() / (double) pairs.size(), passed.size(),
                passed.size() / (double) pairs.size());
        passed.forEach(p -> System.out.printf(Locale.ROOT, "  %.3f  %s%n         %s%n", p.hard().score(), p.sentence(),
                p.hardText()));
    }

    private static void line(String label, double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        System.out.printf(Locale.ROOT, "%-17s p5 %.3f  p25 %.3f  median %.3f  p75 %.3f  p95 %.3f%n", label,
                pct(v, 5), pct(v, 25), pct(v, 50), pct(v, 75), pct(v, 95));
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p / 100.0 * sorted.length))];
    }

    private static double share(List<Pair> pairs, java.util.function.Predicate<Pair> test) {
        return pairs.stream().filter(test).count() / (double) pairs.size();
    }

    private static IndexedSet index(String name, Path dir) {
        ArticleSet set = new ArticleLoader().load(name, List.of(dir.resolve("articles.jsonl"))).set();
        SetIndexer indexer = new SetIndexer(embedder, new PassageSplitter(new TokenCounter(), 110), ANALYZER);
        return indexer.index(set, SetIndexer.Progress.NONE);
    }

    private static Path evalDir(String set) {
        Path beside = Path.of(System.getProperty("user.dir")).resolve("../shared/eval").normalize();
        Path dir = Stream.of(Path.of("/work/shared/eval"), beside).map(p -> p.resolve(set))
                .filter(p -> Files.isRegularFile(p.resolve("articles.jsonl"))).findFirst().orElse(null);
        assumeThat(dir).as("shared/eval/" + set + " (absent: test skipped)").isNotNull();
        return dir;
    }
}
