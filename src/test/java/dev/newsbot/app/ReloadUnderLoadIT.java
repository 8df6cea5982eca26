package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbot.TestData;
import dev.newsbot.answer.Answer;
import dev.newsbot.answer.Citation;
import dev.newsbot.answer.Question;
import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleLoader;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.config.NewsbotConfig;
import dev.newsbot.eval.EvalQuestion;
import dev.newsbot.eval.QuestionLoader;
import dev.newsbot.ops.sets.ReloadReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The closing-note figures over rtqa2022 with the real model: the first index, a restart from the snapshot, an
 * incremental reload after changing one article, and answer latency while every article is re-embedded; checks
 * that no question fails and none is answered from a mix of versions. The askers ask without pause; each round
 * of the questions is asked on a later day than any before, with extra spaces after the first word, so that
 * neither the answer nor the question's vector comes from a cache.
 */
class ReloadUnderLoadIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ASKERS = 2;

    @TempDir
    Path dir;

    record Asked(Answer answer, long start, long end) {
    }

    @Test
    void should_restart_from_the_snapshot_reload_incrementally_and_answer_during_a_full_reload() throws Exception {
        Path file = Files.copy(TestData.require("eval/rtqa2022/articles.jsonl"), dir.resolve("articles.jsonl"));
        List<EvalQuestion> questions = QuestionLoader.load(TestData.require("eval/rtqa2022/questions.jsonl"));
        NewsbotConfig config = NewsbotConfig.defaults().withDefaultSetPaths(List.of(file));
        Path home = dir.resolve("home");

        ReloadReport first;
        try (Newsbot bot = new Newsbot(config, Clock.systemUTC(), home)) {
            first = timedLoad(bot);
        }
        assertThat(first.embedded()).isEqualTo(first.passages());

        try (Newsbot bot = new Newsbot(config, Clock.systemUTC(), home)) {
            ReloadReport restart = timedLoad(bot);
            assertThat(restart.embedded()).isZero();
            assertThat(restart.version()).isEqualTo(first.version());

            String changedId = firstId(file);
            rewrite(file, line -> line.get("id").asText().equals(changedId)
                    ? line.put("body", line.get("body").asText() + "\n\nOfficials later confirmed the figures.")
                    : line);
            ReloadReport incremental = bot.operations().manager().reload("default");
            assertThat(incremental.changed()).isEqualTo(1);
            assertThat(incremental.embedded()).isBetween(1, 20);

            Map<String, Map<String, Article>> versions = new HashMap<>();
            remember(versions, file);
            rewrite(file, line -> line.put("body", line.get("body").asText() + "\n\nThis article was updated."));
            remember(versions, file);
            List<Asked> during = new ArrayList<>();
            List<Asked> before = new ArrayList<>();
            ReloadReport full = reloadUnderLoad(bot, questions, versions, during, before);

            double p99 = p99Millis(during);
            System.out.printf("FIGURES rtqa2022: %d articles, %d passages%n", full.added() + full.changed(),
                    full.passages());
            System.out.printf("FIGURES first index %.1f s; restart from snapshot %.2f s; incremental reload of one "
                    + "article %.2f s (%d passages embedded)%n", first.seconds(), restart.seconds(),
                    incremental.seconds(), incremental.embedded());
            System.out.printf("FIGURES full reload under load %.1f s: %d questions answered during it by %d "
                    + "askers (%d from the cache), p50 %.0f ms, p99 %.0f ms%n", full.seconds(), during.size(), ASKERS,
                    during.stream().filter(a -> a.answer().cached()).count(), p50Millis(during), p99);
            System.out.printf("FIGURES before the reload, same askers: %d questions, p50 %.0f ms, p99 %.0f ms%n",
                    before.size(), p50Millis(before), p99Millis(before));
        }
    }

    private static ReloadReport timedLoad(Newsbot bot) {
        bot.loadSets();
        return bot.operations().manager().lastReload("default").orElseThrow();
    }

    private ReloadReport reloadUnderLoad(Newsbot bot, List<EvalQuestion> questions,
                                         Map<String, Map<String, Article>> versions, List<Asked> during,
                                         List<Asked> before)
            throws Exception {
        ConcurrentLinkedQueue<Asked> asked = new ConcurrentLinkedQueue<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService askers = Executors.newFixedThreadPool(ASKERS);
        for (int t = 0; t < ASKERS; t++) {
            int offset = t * questions.size() / ASKERS;
            int asker = t;
            askers.execute(() -> {
                for (int i = offset; !stop.get(); i++) {
                    EvalQuestion q = questions.get(i % questions.size());
                    int round = (i / questions.size()) * ASKERS + asker;
                    String text = q.question().replaceFirst(" ", " ".repeat(1 + round));
                    long start = System.nanoTime();
                    try {
                        Answer answer = bot.answering().engine().answer(new Question(text, q.askedOn().plusDays(round),
                                "default", null));
                        asked.add(new Asked(answer, start, System.nanoTime()));
                    } catch (RuntimeException | Error e) {
                        failures.add(e);
                    }
                }
            });
        }
        Thread.sleep(5000);
        long reloadStart = System.nanoTime();
        ReloadReport report = bot.operations().manager().reload("default");
        long reloadEnd = System.nanoTime();
        Thread.sleep(2000);
        stop.set(true);
        askers.shutdown();
        assertThat(askers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(failures).isEmpty();
        assertThat(report.ok()).isTrue();
        for (Asked a : asked) {
            Map<String, Article> version = versions.get(a.answer().set().version());
            assertThat(version).as("answered from a known version").isNotNull();
            for (Citation c : a.answer().citations()) {
                assertThat(c.article()).isEqualTo(version.get(c.article().id()));
            }
        }
        asked.stream().filter(a -> a.end() > reloadStart && a.start() < reloadEnd).forEach(during::add);
        asked.stream().filter(a -> a.end() <= reloadStart).forEach(before::add);
        assertThat(during).isNotEmpty();
        assertThat(asked.stream().filter(a -> a.start() > reloadEnd))
                .allMatch(a -> a.answer().set().version().equals(report.version()));
        return report;
    }

    private static String firstId(Path file) throws Exception {
        return JSON.readTree(Files.readAllLines(file).get(0)).get("id").asText();
    }

    private static void rewrite(Path file, UnaryOperator<ObjectNode> change) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                JsonNode node = JSON.readTree(line);
                lines.add(JSON.writeValueAsString(change.apply((ObjectNode) node)));
            }
        }
        Files.write(file, lines);
    }

    private static void remember(Map<String, Map<String, Article>> versions, Path file) {
        ArticleSet set = new ArticleLoader().load("default", List.of(file)).set();
        versions.put(set.version(), set.articles().stream()
                .collect(Collectors.toMap(Article::id, Function.identity())));
    }

    private static double p99Millis(List<Asked> asked) {
        return percentile(asked, 0.99);
    }

    private static double p50Millis(List<Asked> asked) {
        return percentile(asked, 0.5);
    }

    private static double percentile(List<Asked> asked, double p) {
        long[] nanos = asked.stream().mapToLong(a -> a.end() - a.start()).sorted().toArray();
        return nanos.length == 0 ? 0 : nanos[(int) Math.ceil(nanos.length * p) - 1] / 1e6;
    }
}
